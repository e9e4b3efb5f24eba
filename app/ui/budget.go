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

// minGap is each part's shortest gap between two drawings: the counters
// and the views 5 times a second (the worker's own views refresh about as
// often on a busy machine), the charts, whose history moves slowly, about
// twice. Every drawing makes the browser produce a frame (style, layout,
// paint, raster and compositing, in software without a GPU): the gaps are
// multiples of one another, and parts due within coalesce of each other
// are drawn together, so that they share frames.
var minGap = [nParts]time.Duration{
	partCounters: 200 * time.Millisecond,
	partViews:    200 * time.Millisecond,
	partCharts:   600 * time.Millisecond,
}

// coalesce is how early a part is drawn to share a frame with a part that
// is due.
const coalesce = 60 * time.Millisecond

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
// until the next waiting part's gap is over (0: none waits). A part due
// within coalesce of a due one is drawn with it.
func (b *budget) take(now time.Time) (due [nParts]bool, next time.Duration) {
	var wait [nParts]time.Duration
	any := false
	for i := range nParts {
		if !b.dirty[i] {
			continue
		}
		if !b.last[i].IsZero() {
			wait[i] = max(b.gap[i], minGap[i]) - now.Sub(b.last[i])
		}
		any = any || wait[i] <= 0
	}
	for i := range nParts {
		if !b.dirty[i] {
			continue
		}
		if wait[i] <= 0 || any && wait[i] <= coalesce {
			due[i], b.dirty[i] = true, false
			continue
		}
		if next == 0 || wait[i] < next {
			next = wait[i]
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
