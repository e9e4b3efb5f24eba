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
	// Reports every 10 ms and a 200 ms gap: drawn at 0, 200, … 800 ms.
	if want := 5; draws != want {
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

// Parts due within coalesce of each other are drawn in the same frame.
func TestBudgetCoalescesFrames(t *testing.T) {
	var b budget
	t0 := time.Unix(1000, 0)
	b.drew(partViews, t0, time.Millisecond)
	b.drew(partCounters, t0.Add(50*time.Millisecond), time.Millisecond)
	b.mark(partViews)
	b.mark(partCounters)
	at := t0.Add(minGap[partViews])
	if due, next := b.take(at); !due[partViews] || !due[partCounters] || next != 0 {
		t.Errorf("views due, counters 50 ms later: drawn %v, next %v; want both now", due, next)
	}
	b.drew(partViews, at, time.Millisecond)
	b.drew(partCounters, at, time.Millisecond)
	// Alone, a part waits out its gap.
	b.mark(partCounters)
	if due, next := b.take(at.Add(minGap[partCounters] - coalesce/2)); due[partCounters] || next != coalesce/2 {
		t.Errorf("counters alone, %v early: drawn %v, next %v", coalesce/2, due, next)
	}
}
