package session

import (
	"math"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/mat"
)

// Sizes of the MNIST views.
const (
	NInterp  = 10 // images along the line between two fixed noise vectors
	NNearest = 8  // samples shown with their nearest training image
	// nearestEvery bounds the nearest-neighbour search while training: it
	// scans the whole subset (≈ 6000 images per digit), so it is redone at
	// most this often, and at once when training stops.
	nearestEvery = 4 * time.Second
	// nearChunk is how many subset images are compared between two looks
	// at the clock (about 1 ms of scanning in the browser).
	nearChunk = 512
	// nearBudget and nearBudgetPaused bound the search's share of one
	// view: it goes on over the following views until the subset is done.
	nearBudget       = 20 * time.Millisecond
	nearBudgetPaused = 100 * time.Millisecond
)

// mnistViews holds the fixed inputs of the interpolation and the last
// nearest-neighbour result, and the search in progress.
type mnistViews struct {
	zLine    []float32 // NInterp noise vectors on a straight line
	digits   *data.Digits
	near     []byte // NNearest pairs (sample, neighbour), 784 bytes each
	nearStep int    // the step near was computed at; -1: never
	nearAt   time.Time

	searching   bool
	query       []byte // the samples searched for, as they were at queryStep
	queryStep   int
	next        int // the next subset image to compare
	best, bestD [NNearest]int
}

// newMNISTViews interpolates linearly between the fixed noise vectors a
// and b (each z rows long).
func newMNISTViews(a, b []float32, src data.Source) *mnistViews {
	z := len(a)
	m := &mnistViews{zLine: make([]float32, NInterp*z), nearStep: -1}
	for i := 0; i < NInterp; i++ {
		f := float32(i) / (NInterp - 1)
		for k := 0; k < z; k++ {
			m.zLine[i*z+k] = (1-f)*a[k] + f*b[k]
		}
	}
	m.digits, _ = src.(*data.Digits)
	return m
}

// toBytes appends pixels in [0, 1] as 0–255.
func toBytes(dst []byte, px []float32) []byte {
	for _, p := range px {
		dst = append(dst, uint8(math.Round(float64(min(max(p, 0), 1))*255)))
	}
	return dst
}

// nearest returns the index of the subset image closest to img in
// Euclidean distance (the first of equals), stopping each comparison once
// it exceeds the best.
func nearest(d *data.Digits, img []byte) int {
	best, bestD := 0, math.MaxInt
	scanNearest(d, img, 0, d.Len(), &best, &bestD)
	return best
}

// scanNearest compares img with the subset images [from, to), keeping the
// running best in *best, *bestD: scanning in pieces gives what one scan
// gives. mat.SqDistBytes stops a sum once it reaches the bound, so a
// result ≥ bestD never wins, exactly as in a full sum.
func scanNearest(d *data.Digits, img []byte, from, to int, best, bestD *int) {
	for i := from; i < to; i++ {
		if s := mat.SqDistBytes(img, d.Image(i), *bestD); s < *bestD {
			*best, *bestD = i, s
		}
	}
}

// fillNearest sets r's nearest-neighbour pairs for the first samples in
// imgs (the sample grid's bytes). A search starts when the weights have
// changed and the last one is old enough (or training has stopped); it
// scans the subset for at most budget per call (in chunks of nearChunk
// images), so a search of the whole set (50,000 images × NNearest) is
// spread over many views, and the pairs shown are those of the last
// completed search.
func (m *mnistViews) fillNearest(r *Views, imgs []byte, step int, training bool, now func() time.Time, budget time.Duration) {
	if m.digits == nil || m.digits.Len() == 0 {
		return
	}
	t0 := now()
	if !m.searching && step != m.nearStep && (!training || m.nearStep < 0 || t0.Sub(m.nearAt) >= nearestEvery) {
		n := min(NNearest, len(imgs)/data.Pixels)
		m.query = append(m.query[:0], imgs[:n*data.Pixels]...)
		for i := range n {
			m.best[i], m.bestD[i] = 0, math.MaxInt
		}
		m.searching, m.next, m.queryStep = true, 0, step
	}
	if m.searching {
		m.scan(t0, now, budget)
	}
	r.NearN = len(m.near) / (2 * data.Pixels)
	r.Near = append(r.Near, m.near...)
}

// scan goes on with the search until budget has passed since t0 or the
// subset is done; when done it publishes the pairs.
func (m *mnistViews) scan(t0 time.Time, now func() time.Time, budget time.Duration) {
	n, total := len(m.query)/data.Pixels, m.digits.Len()
	for m.next < total {
		to := min(m.next+nearChunk, total)
		for i := range n {
			scanNearest(m.digits, m.query[i*data.Pixels:(i+1)*data.Pixels], m.next, to, &m.best[i], &m.bestD[i])
		}
		m.next = to
		if m.next < total && now().Sub(t0) >= budget {
			return
		}
	}
	m.near = m.near[:0]
	for i := range n {
		m.near = append(m.near, m.query[i*data.Pixels:(i+1)*data.Pixels]...)
		m.near = append(m.near, m.digits.Image(m.best[i])...)
	}
	m.searching, m.nearStep, m.nearAt = false, m.queryStep, now()
}
