//go:build !(wasm && goexperiment.simd)

package mat

// Without WebAssembly SIMD (native builds, and the worker built for
// browsers that lack it) the products are the scalar kernels.

func mulNN(c, a, b []float32, m, k, n int, acc bool) { mulNNScalar(c, a, b, m, k, n, acc) }
func mulTN(c, a, b []float32, m, k, n int, acc bool) { mulTNScalar(c, a, b, m, k, n, acc) }
func mulNT(c, a, b []float32, m, k, n int, acc bool) { mulNTScalar(c, a, b, m, k, n, acc) }
func mulTNRows(c, a, b []float32, m, k, n int, acc bool, i0, i1 int) {
	mulTNScalarRows(c, a, b, m, k, n, acc, i0, i1)
}
