//go:build wasm && goexperiment.simd

package mat

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// specials puts NaN, ±0 and ±Inf among normal values, where the
// selections and the update's division could differ.
func specials(r *rand.Rand, n int) []float32 {
	s := randSparse(r, n, 0.3)
	odd := []float32{float32(math.NaN()), float32(math.Copysign(0, -1)), 0, float32(math.Inf(1)), float32(math.Inf(-1)), 1e-40, -1e-40}
	for i := range s {
		if r.IntN(8) == 0 {
			s[i] = odd[r.IntN(len(odd))]
		}
	}
	return s
}

func sameBits(t *testing.T, what string, n int, got, want []float32) {
	t.Helper()
	for i := range want {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
			t.Fatalf("%s len %d: [%d] = %v, scalar %v", what, n, i, got[i], want[i])
		}
	}
}

// TestElemSIMDEqualsScalar: every element-wise vector kernel gives the
// scalar kernel's bits, on lengths around the vector width.
func TestElemSIMDEqualsScalar(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{0, 1, 3, 4, 5, 7, 8, 9, 31, 64, 257, 1000} {
		x, y, dy := specials(r, n), specials(r, n), specials(r, n)
		got, want := make([]float32, n), make([]float32, n)
		relu(got, x)
		reluScalar(want, x)
		sameBits(t, "ReLU", n, got, want)
		reluGrad(got, dy, y)
		reluGradScalar(want, dy, y)
		sameBits(t, "ReLUGrad", n, got, want)
		leaky(got, x, 0.2)
		leakyScalar(want, x, 0.2)
		sameBits(t, "Leaky", n, got, want)
		leakyGrad(got, dy, y, 0.2)
		leakyGradScalar(want, dy, y, 0.2)
		sameBits(t, "LeakyGrad", n, got, want)

		for _, rows := range []int{1, 3, 64} {
			x := randSparse(r, rows*n, 0.3)
			got, want := randSlice(r, n), []float32(nil)
			want = slices.Clone(got)
			addRows(got, x, rows)
			addRowsScalar(want, x, rows)
			sameBits(t, "AddRows", n, got, want)
		}

		// Optimiser state as in training: moments ≥ 0 for v.
		w, g, m := randSlice(r, n), randSparse(r, n, 0.5), randSlice(r, n)
		v := make([]float32, n)
		for i := range v {
			v[i] = float32(r.Float64() * 1e-3)
		}
		w2, m2, v2 := slices.Clone(w), slices.Clone(m), slices.Clone(v)
		for range 3 {
			hi := adam(w, g, m, v, 0.5, 0.5, 0.999, 0.001, 1e-3, 1e-8)
			hi2 := adamScalar(w2, g, m2, v2, 0.5, 0.5, 0.999, 0.001, 1e-3, 1e-8)
			if hi != hi2 {
				t.Fatalf("Adam len %d: peak %#x, scalar %#x", n, hi, hi2)
			}
		}
		sameBits(t, "Adam w", n, w, w2)
		sameBits(t, "Adam m", n, m, m2)
		sameBits(t, "Adam v", n, v, v2)
		if hi, hi2 := sgd(w, g, m, 0.7, 0.1), sgdScalar(w2, g, m2, 0.7, 0.1); hi != hi2 {
			t.Fatalf("SGD len %d: peak %#x, scalar %#x", n, hi, hi2)
		}
		sameBits(t, "SGD w", n, w, w2)
		sameBits(t, "SGD v", n, m, m2)
	}
}

// BenchmarkSIMDElem times the element-wise kernels on W2's sizes, scalar
// and vector in alternating rounds, as BenchmarkSIMD does.
func BenchmarkSIMDElem(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	const n = 784 * 512 // G's last weight matrix
	w, g, m, v := randSlice(r, n), randSlice(r, n), randSlice(r, n), make([]float32, n)
	x, y := randSlice(r, 64*512), make([]float32, 64*512)
	cases := []struct {
		name         string
		simd, scalar func()
	}{
		{"Adam/784x512", func() { adam(w, g, m, v, 0.5, 0.5, 0.999, 0.001, 1e-3, 1e-8) },
			func() { adamScalar(w, g, m, v, 0.5, 0.5, 0.999, 0.001, 1e-3, 1e-8) }},
		{"Leaky/64x512", func() { leaky(y, x, 0.2) }, func() { leakyScalar(y, x, 0.2) }},
		{"LeakyGrad/64x512", func() { leakyGrad(y, x, x, 0.2) }, func() { leakyGradScalar(y, x, x, 0.2) }},
		{"AddRows/64x512", func() { addRows(y[:512], x, 64) }, func() { addRowsScalar(y[:512], x, 64) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			window := func(f func()) float64 {
				k, t0 := 0, time.Now()
				for ; k < 2 || time.Since(t0) < 30*time.Millisecond; k++ {
					f()
				}
				return time.Since(t0).Seconds() / float64(k) * 1e6
			}
			window(c.scalar)
			window(c.simd)
			var sc, vc, ratio []float64
			for b.Loop() {
				a, v := window(c.scalar), window(c.simd)
				sc, vc, ratio = append(sc, a), append(vc, v), append(ratio, a/v)
			}
			b.ReportMetric(median(sc), "scalar-µs")
			b.ReportMetric(median(vc), "simd-µs")
			b.ReportMetric(median(ratio), "speedup")
		})
	}
}

// BenchmarkSIMDNearest times a nearest-neighbour search of one 28×28
// image over 6,000 (one MNIST digit's share), scalar and vector distances
// in alternating rounds.
func BenchmarkSIMDNearest(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	const n, dim = 6000, 784
	set := make([]byte, n*dim)
	for i := range set {
		if y, x := i%dim/28, i%28; y >= 4 && y < 24 && x >= 4 && x < 24 && r.IntN(5) < 2 {
			set[i] = byte(r.IntN(256))
		}
	}
	q := slices.Clone(set[17*dim : 18*dim]) // a training image, redrawn
	for i := range q {
		if r.IntN(4) == 0 {
			q[i] = byte(r.IntN(256))
		}
	}
	search := func(d func(a, b []byte, bound int) int) func() {
		return func() {
			bestD := math.MaxInt
			for i := 0; i < n; i++ {
				if v := d(q, set[i*dim:(i+1)*dim], bestD); v < bestD {
					bestD = v
				}
			}
		}
	}
	simd, scalar := search(sqDistBytes), search(sqDistBytesScalar)
	window := func(f func()) float64 {
		k, t0 := 0, time.Now()
		for ; k < 2 || time.Since(t0) < 30*time.Millisecond; k++ {
			f()
		}
		return time.Since(t0).Seconds() / float64(k) * 1e3
	}
	window(scalar)
	window(simd)
	var sc, vc, ratio []float64
	for b.Loop() {
		a, v := window(scalar), window(simd)
		sc, vc, ratio = append(sc, a), append(vc, v), append(ratio, a/v)
	}
	b.ReportMetric(median(sc), "scalar-ms")
	b.ReportMetric(median(vc), "simd-ms")
	b.ReportMetric(median(ratio), "speedup")
}
