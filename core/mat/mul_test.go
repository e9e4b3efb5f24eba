package mat

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// gemm64 is the oracle: gonum's float64 Gemm on float32 inputs.
func gemm64(tA, tB blas.Transpose, a, b []float32, m, k, n int) []float64 {
	toG := func(s []float32, r, c int) blas64.General {
		d := make([]float64, len(s))
		for i, v := range s {
			d[i] = float64(v)
		}
		return blas64.General{Rows: r, Cols: c, Stride: c, Data: d}
	}
	var A, B blas64.General
	if tA == blas.Trans {
		A = toG(a, k, m)
	} else {
		A = toG(a, m, k)
	}
	if tB == blas.Trans {
		B = toG(b, n, k)
	} else {
		B = toG(b, k, n)
	}
	C := blas64.General{Rows: m, Cols: n, Stride: n, Data: make([]float64, m*n)}
	blas64.Gemm(tA, tB, 1, A, B, 0, C)
	return C.Data
}

func randSlice(r *rand.Rand, n int) []float32 { return randSparse(r, n, 0.2) }

// randSparse zeroes a fraction of the values, and sometimes every value
// of a run (like MNIST's blank border), to drive the zero-skipping paths.
func randSparse(r *rand.Rand, n int, zeros float64) []float32 {
	s := make([]float32, n)
	for i := range s {
		if r.Float64() >= zeros {
			s[i] = float32(r.NormFloat64())
		}
	}
	if zeros > 0.5 && n > 8 {
		clear(s[r.IntN(n/2):][:n/4])
	}
	return s
}

var sparsities = []float64{0.2, 0.7, 0.95}

// testShapes are m×k×n triples: 1s in every position, sizes around the 2×4
// tile (ragged edges on both sides), the training shapes' small dimensions,
// and random ones.
func testShapes(r *rand.Rand) [][3]int {
	shapes := [][3]int{{1, 1, 1}, {1, 7, 3}, {5, 1, 9}, {3, 5, 2}, {17, 33, 9}, {64, 2, 64}, {31, 129, 67},
		{2, 300, 1}, {100, 64, 5}, {1, 1, 8}, {8, 1, 1}, {2, 2, 4}, {3, 3, 5}, {2, 4, 3}, {4, 9, 7},
		{513, 2, 64}, {64, 513, 1}, {257, 1, 64}, {2, 512, 66}, {7, 64, 2}, {1, 40, 13}}
	for i := 0; i < 40; i++ {
		shapes = append(shapes, [3]int{1 + r.IntN(70), 1 + r.IntN(70), 1 + r.IntN(70)})
	}
	return shapes
}

type kernel struct {
	name   string
	tA, tB blas.Transpose
	f      func(c, a, b []float32, m, k, n int, acc bool)
}

var kernels = []kernel{
	{"NN", blas.NoTrans, blas.NoTrans, MulNN},
	{"TN", blas.Trans, blas.NoTrans, MulTN},
	{"NT", blas.NoTrans, blas.Trans, MulNT},
}

// TestMulAgainstGonum checks the maths: each kernel against gonum's
// float64 Gemm, to float32 rounding.
func TestMulAgainstGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, s := range testShapes(r) {
		m, k, n := s[0], s[1], s[2]
		for _, acc := range []bool{false, true} {
			for _, kn := range kernels {
				zf := sparsities[r.IntN(len(sparsities))]
				a, b := randSparse(r, m*k, zf), randSparse(r, k*n, zf)
				c := randSlice(r, m*n)
				c0 := append([]float32(nil), c...)
				kn.f(c, a, b, m, k, n, acc)
				want := gemm64(kn.tA, kn.tB, a, b, m, k, n)
				for idx, w := range want {
					if acc {
						w += float64(c0[idx])
					}
					if d := math.Abs(float64(c[idx]) - w); d > 1e-5*float64(k)+1e-5*math.Abs(w) {
						t.Fatalf("%s %dx%dx%d acc=%v: c[%d]=%v want %v", kn.name, m, k, n, acc, idx, c[idx], w)
					}
				}
			}
		}
	}
}

// naiveMul is the documented summation order, written plainly: c (or 0)
// plus each float32-rounded product in order of the inner index.
func naiveMul(tA, tB blas.Transpose, c, a, b []float32, m, k, n int, acc bool) {
	for i := 0; i < m; i++ {
		for j := 0; j < n; j++ {
			var s float32
			if acc {
				s = c[i*n+j]
			}
			for p := 0; p < k; p++ {
				x, y := a[i*k+p], b[p*n+j]
				if tA == blas.Trans {
					x = a[p*m+i]
				}
				if tB == blas.Trans {
					y = b[j*k+p]
				}
				s += float32(x * y)
			}
			c[i*n+j] = s
		}
	}
}

// TestMulSummationOrder checks the contract reproducibility rests on: the
// tiled kernels give bit-for-bit the plain loop's result, whatever the
// shape. Run natively and in WASM, it also shows both platforms agree.
func TestMulSummationOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, s := range append(testShapes(r), [3]int{6, 700, 9}, [3]int{9, 600, 6}, [3]int{600, 6, 9}, [3]int{6, 600, 70}, [3]int{5, 300, 64}, [3]int{3, 513, 67}) { // k > chunk, n ≥ listMinN
		m, k, n := s[0], s[1], s[2]
		for _, acc := range []bool{false, true} {
			for _, kn := range kernels {
				for _, zf := range sparsities {
					a, b := randSparse(r, m*k, zf), randSparse(r, k*n, zf)
					c := randSlice(r, m*n)
					want := append([]float32(nil), c...)
					kn.f(c, a, b, m, k, n, acc)
					naiveMul(kn.tA, kn.tB, want, a, b, m, k, n, acc)
					for idx := range want {
						if math.Float32bits(c[idx]) != math.Float32bits(want[idx]) {
							t.Fatalf("%s %dx%dx%d acc=%v zeros=%v: c[%d]=%v, plain loop %v", kn.name, m, k, n, acc, zf, idx, c[idx], want[idx])
						}
					}
				}
			}
		}
	}
}

// The kernels must only touch C[:m*n] and accept longer slices (the layers
// reuse buffers sized for the largest batch seen).
func TestMulLeavesTailAlone(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	m, k, n := 5, 7, 6
	for _, kn := range kernels {
		a, b := randSlice(r, m*k+3), randSlice(r, k*n+3)
		c := make([]float32, m*n+4)
		for i := range c {
			c[i] = 42
		}
		kn.f(c, a, b, m, k, n, false)
		for _, v := range c[m*n:] {
			if v != 42 {
				t.Fatalf("%s wrote past m×n", kn.name)
			}
		}
	}
}

// Known values, as documentation.
func ExampleMulNN() {
	a := []float32{1, 2, 3, 4, 5, 6} // 2×3
	b := []float32{1, 0, 0, 1, 1, 1} // 3×2
	c := make([]float32, 4)
	MulNN(c, a, b, 2, 3, 2, false)
	fmt.Println(c)
	// Output: [4 5 10 11]
}
