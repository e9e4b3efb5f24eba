package session

import (
	"math"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
)

// Sizes of the MNIST views.
const (
	NInterp  = 10 // images along the line between two fixed noise vectors
	NNearest = 8  // samples shown with their nearest training image
	// nearestEvery bounds the nearest-neighbour search while training: it
	// scans the whole subset (≈ 6000 images per digit), so it is redone at
	// most this often, and at once when training stops.
	nearestEvery = 4 * time.Second
)

// mnistViews holds the fixed inputs of the interpolation and the last
// nearest-neighbour result.
type mnistViews struct {
	zLine    []float32 // NInterp noise vectors on a straight line
	digits   *data.Digits
	near     []byte // NNearest pairs (sample, neighbour), 784 bytes each
	nearStep int    // the step near was computed at; -1: never
	nearAt   time.Time
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
// Euclidean distance, stopping each comparison once it exceeds the best.
func nearest(d *data.Digits, img []byte) int {
	best, bestD := 0, math.MaxInt
	for i := 0; i < d.Len(); i++ {
		t := d.Image(i)
		s := 0
		for p := 0; p < len(img); p += 56 { // two rows between checks
			for q := p; q < p+56 && q < len(img); q++ {
				e := int(img[q]) - int(t[q])
				s += e * e
			}
			if s >= bestD {
				break
			}
		}
		if s < bestD {
			best, bestD = i, s
		}
	}
	return best
}

// fillNearest sets r's nearest-neighbour pairs for the first samples in
// imgs (the sample grid's bytes), recomputing them when the weights have
// changed and the last search is old enough (or training has stopped).
func (m *mnistViews) fillNearest(r *Views, imgs []byte, step int, training bool, now time.Time) {
	if m.digits == nil || m.digits.Len() == 0 {
		return
	}
	n := min(NNearest, len(imgs)/data.Pixels)
	if step != m.nearStep && (!training || m.nearStep < 0 || now.Sub(m.nearAt) >= nearestEvery) {
		m.near = m.near[:0]
		for i := 0; i < n; i++ {
			img := imgs[i*data.Pixels : (i+1)*data.Pixels]
			m.near = append(m.near, img...)
			m.near = append(m.near, m.digits.Image(nearest(m.digits, img))...)
		}
		m.nearStep, m.nearAt = step, now
	}
	r.NearN = len(m.near) / (2 * data.Pixels)
	r.Near = append(r.Near, m.near...)
}
