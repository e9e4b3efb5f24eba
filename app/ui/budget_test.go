package ui

import (
	"testing"
	"time"
)

// Reports arriving every 10 ms for a second get the views drawn at most
// once per gap, the last report's views still drawn when its gap is over,
// and a costly drawing stretches its part's gap to drawShare times its
// cost while the other parts keep their own.
func TestBudgetDrawsOnAGapNotPerReport(t *testing.T) {
	var b budget
	t0 := time.Unix(1000, 0)
	now := t0
	draws := 0
	var lastNext time.Duration
	for i := 0; i < 100; i++ {
		b.mark(partViews)
		due, next := b.take(now)
		if due[partViews] {
			draws++
			b.drew(partViews, now, time.Millisecond)
		}
		lastNext = next
		now = now.Add(10 * time.Millisecond)
	}
	// Reports every 10 ms and a 125 ms gap: drawn at 0, 130, 260, … 910 ms.
	if want := 8; draws != want {
		t.Errorf("%d drawings of the views for 100 reports in 1 s, want %d", draws, want)
	}
	if lastNext <= 0 || lastNext > minGap[partViews] {
		t.Errorf("the last report waits %v, want a wake-up within the gap", lastNext)
	}
	// The held report is drawn once its gap is over, and only once.
	due, _ := b.take(now.Add(lastNext))
	if !due[partViews] {
		t.Error("the last report's views were dropped")
	}
	if due, next := b.take(now.Add(time.Second)); due[partViews] || next != 0 {
		t.Errorf("nothing new, yet due %v, next %v", due, next)
	}

	// A drawing of 40 ms: the next waits drawShare × 40 ms.
	b.drew(partCharts, now, 40*time.Millisecond)
	b.mark(partCharts)
	b.mark(partCounters)
	due, next := b.take(now.Add(minGap[partCharts]))
	if due[partCharts] || !due[partCounters] {
		t.Errorf("due %v after the charts' minimum gap", due)
	}
	if want := drawShare*40*time.Millisecond - minGap[partCharts]; next != want {
		t.Errorf("the charts wait %v more, want %v", next, want)
	}
}
