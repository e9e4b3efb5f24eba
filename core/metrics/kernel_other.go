//go:build !(js && wasm)

package metrics

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// dots sets c (m×ns) to the dot products of x's rows (m×dim) with the
// samples, stored transposed (st is dim×ns): gonum's Dgemm, whose
// assembly axpy kernels also skip the zero pixels of x. NoTrans·NoTrans
// measured ~20% faster here than keeping the samples row-major.
func dots(c, x, st []float64, m, ns, dim int) {
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
		blas64.General{Rows: m, Cols: dim, Stride: dim, Data: x},
		blas64.General{Rows: dim, Cols: ns, Stride: ns, Data: st},
		0, blas64.General{Rows: m, Cols: ns, Stride: ns, Data: c})
}
