package optim

import (
	"math"
	"testing"
)

// peak is the largest magnitude, Inf included, and NaN once any value is
// NaN, whatever its sign and wherever it sits: what the float max gives.
func TestPeak(t *testing.T) {
	inf, nan := float32(math.Inf(1)), float32(math.NaN())
	neg := math.Float32frombits(math.Float32bits(nan) | signBit)
	for _, c := range []struct {
		hi   float32
		xs   []float32
		want float32
	}{
		{0, nil, 0},
		{0, []float32{1, -3, 2}, 3},
		{5, []float32{1, -3, 2}, 5},
		{0, []float32{-0.5, 0.25, float32(math.Copysign(0, -1))}, 0.5},
		{0, []float32{1e-45, -2e-45}, 2e-45},
		{0, []float32{math.MaxFloat32, -inf, 7}, inf},
		{0, []float32{-math.MaxFloat32, 1}, math.MaxFloat32},
		{0, []float32{1, nan, 2}, nan},
		{0, []float32{-inf, neg, 2}, nan},
		{nan, []float32{1}, nan},
	} {
		got := peak(c.hi, c.xs)
		ref := c.hi
		for _, x := range c.xs {
			ref = max(ref, x, -x)
		}
		if c.want != c.want { // NaN
			if got == got || ref == ref {
				t.Errorf("peak(%v, %v) = %v, reference %v, want NaN", c.hi, c.xs, got, ref)
			}
			continue
		}
		if got != c.want || ref != c.want {
			t.Errorf("peak(%v, %v) = %v, reference %v, want %v", c.hi, c.xs, got, ref, c.want)
		}
	}
}
