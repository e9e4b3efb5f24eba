package mat

import (
	"math"
	"testing"
)

// The element-wise kernels on known values (whichever build runs them).
func TestElemKnownValues(t *testing.T) {
	nan, negz := float32(math.NaN()), float32(math.Copysign(0, -1))
	x := []float32{-2, -0.5, negz, 0, 0.5, 3, nan, -1, 2}
	y := make([]float32, len(x))
	ReLU(y, x)
	want := []float32{0, 0, 0, 0, 0.5, 3, nan, 0, 2}
	for i := range want {
		if math.Float32bits(y[i]) != math.Float32bits(want[i]) {
			t.Fatalf("ReLU(%v) = %v, want %v", x[i], y[i], want[i])
		}
	}
	Leaky(y, x, 0.25)
	want = []float32{-0.5, -0.125, negz, 0, 0.5, 3, nan, -0.25, 2}
	for i := range want {
		if math.Float32bits(y[i]) != math.Float32bits(want[i]) {
			t.Fatalf("Leaky(%v) = %v, want %v", x[i], y[i], want[i])
		}
	}
	dy := []float32{1, 2, 3, 4, 5, 6, 7, 8, 9}
	dx := make([]float32, len(x))
	LeakyGrad(dx, dy, want, 0.5)
	for i, w := range []float32{0.5, 1, 3, 4, 5, 6, 7, 4, 9} {
		if dx[i] != w {
			t.Fatalf("LeakyGrad[%d] = %v, want %v", i, dx[i], w)
		}
	}
	ReLUGrad(dx, dy, []float32{-1, 0, negz, 1, 1, 1, nan, -3, 0})
	for i, w := range []float32{0, 0, 0, 4, 5, 6, 7, 0, 0} {
		if dx[i] != w {
			t.Fatalf("ReLUGrad[%d] = %v, want %v", i, dx[i], w)
		}
	}
	s := []float32{1, 2, 3, 4, 5}
	AddRows(s, []float32{1, 1, 1, 1, 1, 10, 20, 30, 40, 50}, 2)
	for i, w := range []float32{12, 23, 34, 45, 56} {
		if s[i] != w {
			t.Fatalf("AddRows[%d] = %v, want %v", i, s[i], w)
		}
	}
	// Adam from zero moments: m = 0.5·g, v = 0.25·g², w −= 1·m/(√v + 0) = sign(g)·1.
	w, g := []float32{1, 1, 1, 1, 1}, []float32{2, -4, 8, 0.5, -1}
	m, v := make([]float32, 5), make([]float32, 5)
	Adam(w, g, m, v, 0.5, 0.5, 0, 0.25, 1, 0)
	for i, wi := range []float32{0, 2, 0, 0, 2} {
		if w[i] != wi {
			t.Fatalf("Adam w[%d] = %v, want %v (m %v v %v)", i, w[i], wi, m[i], v[i])
		}
	}
	SGD(w, g, m, 0, 0.5) // v = −g/2, w += v
	for i, wi := range []float32{-1, 4, -4, -0.25, 2.5} {
		if w[i] != wi {
			t.Fatalf("SGD w[%d] = %v, want %v", i, w[i], wi)
		}
	}
}
