//go:build wasm && goexperiment.simd

package mat

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// Run in Node with WebAssembly SIMD:
//
//	GOEXPERIMENT=simd GOOS=js GOARCH=wasm go test -exec=$(go env GOROOT)/lib/wasm/go_js_wasm_exec ./core/mat
//	GOEXPERIMENT=simd GOOS=js GOARCH=wasm go test -exec=$(go env GOROOT)/lib/wasm/go_js_wasm_exec -run '^$' -bench SIMD ./core/mat

var pairs = []struct {
	name         string
	simd, scalar func(c, a, b []float32, m, k, n int, acc bool)
}{
	{"NN", mulNN, mulNNScalar},
	{"TN", mulTN, mulTNScalar},
	{"NT", mulNT, mulNTScalar},
}

// TestSIMDEqualsScalar: the vector kernels give the scalar kernels'
// results bit for bit, on every edge of the 4×8 tiles and the chunks,
// dense and sparse, setting and accumulating.
func TestSIMDEqualsScalar(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	shapes := testShapes(r)
	for _, m := range []int{1, 2, 3, 4, 5, 7, 8, 9} {
		for _, n := range []int{4, 5, 7, 8, 9, 12, 13, 15, 16, 17, 63, 64, 65, 70} {
			shapes = append(shapes, [3]int{m, 1 + r.IntN(40), n})
		}
	}
	shapes = append(shapes, [3]int{5, 600, 67}, [3]int{6, 257, 72}, [3]int{64, 512, 78}, [3]int{13, 784, 33})
	for _, s := range shapes {
		m, k, n := s[0], s[1], s[2]
		for _, acc := range []bool{false, true} {
			for _, kn := range pairs {
				for _, zf := range append(sparsities, 0, 1) {
					a, b := randSparse(r, m*k, zf), randSparse(r, k*n, zf)
					c := randSlice(r, m*n+3)
					want := slices.Clone(c)
					kn.simd(c, a, b, m, k, n, acc)
					kn.scalar(want, a, b, m, k, n, acc)
					for idx := range want {
						if math.Float32bits(c[idx]) != math.Float32bits(want[idx]) {
							t.Fatalf("%s %dx%dx%d acc=%v zeros=%v: c[%d]=%v, scalar %v", kn.name, m, k, n, acc, zf, idx, c[idx], want[idx])
						}
					}
				}
			}
		}
	}
}

// BenchmarkSIMD times each training shape with the scalar and the vector
// kernel in alternating rounds (a spell of load on a shared machine hits
// both) and reports both rates and the median of the rounds' ratios.
func BenchmarkSIMD(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, s := range benchShapes {
		var kn = pairs[0]
		for _, p := range pairs {
			if p.name == s.kernel {
				kn = p
			}
		}
		zeros := s.zeros
		if zeros == 0 {
			zeros = 0.2
		}
		x, y, z := randSparse(r, s.m*s.k, zeros), randSlice(r, s.k*s.n), make([]float32, s.m*s.n)
		b.Run(fmt.Sprintf("%s/%dx%dx%d/zeros=%v", s.kernel, s.m, s.k, s.n, zeros), func(b *testing.B) {
			flop := 2 * float64(s.m*s.k*s.n)
			window := func(f func(c, a, b []float32, m, k, n int, acc bool)) float64 {
				n, t0 := 0, time.Now()
				for ; n < 2 || time.Since(t0) < 40*time.Millisecond; n++ {
					f(z, x, y, s.m, s.k, s.n, false)
				}
				return flop * float64(n) / time.Since(t0).Seconds() / 1e9
			}
			window(kn.scalar) // past V8's baseline compiler
			window(kn.simd)
			var sc, vc, ratio []float64
			for b.Loop() {
				a, v := window(kn.scalar), window(kn.simd)
				sc, vc, ratio = append(sc, a), append(vc, v), append(ratio, v/a)
			}
			b.ReportMetric(median(sc), "scalar-GFLOP/s")
			b.ReportMetric(median(vc), "simd-GFLOP/s")
			b.ReportMetric(median(ratio), "speedup")
		})
	}
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
