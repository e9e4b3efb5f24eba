package ui

import "time"

// The page's main thread shares the machine's cores with its training
// worker: every millisecond it spends drawing is one the worker may not
// get. So the page never draws per report (the worker sends ten or more a
// second): a report only marks what it changed, and each part of the page
// is redrawn at most once per its own gap, which grows with what its last
// drawing cost. Nothing new is ever dropped: a part marked while it waits
// is drawn when its gap is over.

// part is a separately drawn piece of the page.
type part int

const (
	partCounters part = iota // the status bar's step and steps/s (text)
	partViews                // the picture's canvases: the 2-D views or the MNIST images
	partCharts               // the metric charts
	nParts
)

// drawShare bounds each part's drawing to 1/drawShare of the main thread:
// after a drawing that took c, the part waits at least drawShare·c.
const drawShare = 25

// minGap is each part's shortest gap between two drawings: the views at
// up to 8 frames a second (the worker's own views refresh about as
// often), the counters 5 times and the charts, whose history moves
// slowly, twice.
var minGap = [nParts]time.Duration{
	partCounters: 200 * time.Millisecond,
	partViews:    125 * time.Millisecond,
	partCharts:   500 * time.Millisecond,
}

// budget keeps, for each part, whether it has something new to show, when
// it was last drawn and how long it must wait after that.
type budget struct {
	dirty  [nParts]bool
	last   [nParts]time.Time
	gap    [nParts]time.Duration
	waking bool // a wake-up for the waiting parts is scheduled
	drawn  [nParts]int
}

// mark notes that part i has something new to show.
func (b *budget) mark(i part) { b.dirty[i] = true }

// take returns the parts to draw at now, no longer dirty, and how long
// until the next waiting part's gap is over (0: none waits).
func (b *budget) take(now time.Time) (due [nParts]bool, next time.Duration) {
	for i := range nParts {
		if !b.dirty[i] {
			continue
		}
		wait := max(b.gap[i], minGap[i]) - now.Sub(b.last[i])
		if wait <= 0 || b.last[i].IsZero() {
			due[i], b.dirty[i] = true, false
			continue
		}
		if next == 0 || wait < next {
			next = wait
		}
	}
	return due, next
}

// drew records that part i was drawn, starting at t0 and taking c.
func (b *budget) drew(i part, t0 time.Time, c time.Duration) {
	b.last[i] = t0
	b.gap[i] = max(minGap[i], drawShare*c)
	b.drawn[i]++
}
