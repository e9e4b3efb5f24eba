package mat

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Adam and SGD return the largest magnitude of the moments they wrote,
// +Inf once one overflowed and NaN once one is NaN, wherever the element
// sits: in a group of four or in the tail past the last one (whichever
// build runs the test: the scalar kernels, or the vector ones in WASM
// SIMD). The reference folds the builtin float max over the moments the
// update left.
func TestUpdatePeak(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	negNaN := math.Float32frombits(math.Float32bits(nan) | signBit)
	cases := []struct {
		name    string
		set     func(g, m, v []float32, j int) // m is SGD's velocity
		badAdam bool
		badSGD  bool
	}{
		{"ordinary", func(g, m, v []float32, j int) {}, false, false},
		{"moment NaN", func(g, m, v []float32, j int) { m[j] = nan }, true, true},
		{"moment NaN with its sign set", func(g, m, v []float32, j int) { m[j] = negNaN }, true, true},
		{"gradient NaN", func(g, m, v []float32, j int) { g[j] = nan }, true, true},
		{"gradient +Inf", func(g, m, v []float32, j int) { g[j] = inf }, true, true},
		{"gradient −Inf", func(g, m, v []float32, j int) { g[j] = -inf }, true, true},
		// g² overflows Adam's v; SGD's velocity stays finite.
		{"gradient 2e19", func(g, m, v []float32, j int) { g[j] = 2e19 }, true, false},
		// Finite inputs whose update passes MaxFloat32.
		{"huge moment and gradient", func(g, m, v []float32, j int) {
			m[j], g[j] = -math.MaxFloat32, math.MaxFloat32
		}, true, true},
		// Huge but finite: the peak is its magnitude, not a false alarm.
		{"huge finite moment", func(g, m, v []float32, j int) { m[j], g[j] = -3e38, 0 }, false, false},
		{"second moment +Inf", func(g, m, v []float32, j int) { v[j] = inf }, true, false},
	}
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 3, 4, 5, 8, 11, 13} {
		for j := range n {
			for _, c := range cases {
				w, g, m := randSlice(r, n), randSlice(r, n), randSlice(r, n)
				v := make([]float32, n)
				for i := range v {
					v[i] = float32(r.Float64() * 1e-3)
				}
				c.set(g, m, v, j)
				sm := append([]float32(nil), m...)
				sw := append([]float32(nil), w...)

				got := Adam(w, g, m, v, 0.5, 0.5, 0.999, 0.001, 1e-3, 1e-8)
				checkPeak(t, "Adam", c.name, n, j, got, c.badAdam, m, v)
				got = SGD(sw, g, sm, 0.9, 1)
				checkPeak(t, "SGD", c.name, n, j, got, c.badSGD, sm)
			}
		}
	}
}

// checkPeak compares a kernel's peak with the builtin max over |x| of the
// moments it wrote, and with the verdict the case expects (bad: NaN or
// beyond MaxFloat32, the optimiser's rule).
func checkPeak(t *testing.T, kernel, name string, n, j int, got float32, bad bool, moments ...[]float32) {
	t.Helper()
	var ref float32
	for _, xs := range moments {
		for _, x := range xs {
			ref = max(ref, x, -x)
		}
	}
	same := got == ref || (got != got && ref != ref)
	if !same || !(got <= math.MaxFloat32) != bad {
		t.Fatalf("%s, %s at [%d] of %d: peak %v, reference %v, want bad %v", kernel, name, j, n, got, ref, bad)
	}
}
