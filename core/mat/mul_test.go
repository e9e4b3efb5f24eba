package mat

import (
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

func randSlice(r *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(r.NormFloat64())
		if r.IntN(5) == 0 {
			s[i] = 0 // exercise the zero-skip paths
		}
	}
	return s
}

func TestMulAgainstGonum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	shapes := [][3]int{{1, 1, 1}, {1, 7, 3}, {5, 1, 9}, {3, 5, 2}, {17, 33, 9}, {64, 2, 64}, {31, 129, 67}, {2, 300, 1}, {100, 64, 5}}
	for i := 0; i < 20; i++ {
		shapes = append(shapes, [3]int{1 + r.IntN(70), 1 + r.IntN(70), 1 + r.IntN(70)})
	}
	for _, s := range shapes {
		m, k, n := s[0], s[1], s[2]
		for _, acc := range []bool{false, true} {
			check := func(name string, tA, tB blas.Transpose, f func(c, a, b []float32, m, k, n int, acc bool)) {
				a, b := randSlice(r, m*k), randSlice(r, k*n)
				c := randSlice(r, m*n)
				c0 := append([]float32(nil), c...)
				f(c, a, b, m, k, n, acc)
				want := gemm64(tA, tB, a, b, m, k, n)
				for idx, w := range want {
					if acc {
						w += float64(c0[idx])
					}
					if d := math.Abs(float64(c[idx]) - w); d > 1e-5*float64(k)+1e-5*math.Abs(w) {
						t.Fatalf("%s %dx%dx%d acc=%v: c[%d]=%v want %v", name, m, k, n, acc, idx, c[idx], w)
					}
				}
			}
			check("NN", blas.NoTrans, blas.NoTrans, MulNN)
			check("TN", blas.Trans, blas.NoTrans, MulTN)
			check("NT", blas.NoTrans, blas.Trans, MulNT)
		}
	}
}
