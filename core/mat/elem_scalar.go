//go:build !(wasm && goexperiment.simd)

package mat

func relu(y, x []float32)                             { reluScalar(y, x) }
func reluGrad(dx, dy, y []float32)                    { reluGradScalar(dx, dy, y) }
func leaky(y, x []float32, slope float32)             { leakyScalar(y, x, slope) }
func leakyGrad(dx, dy, y []float32, slope float32)    { leakyGradScalar(dx, dy, y, slope) }
func addRows(s, x []float32, rows int)                { addRowsScalar(s, x, rows) }
func sgd(w, g, v []float32, mom, step float32) uint32 { return sgdScalar(w, g, v, mom, step) }
func adam(w, g, m, v []float32, b1, c1, b2, c2, step, eps float32) uint32 {
	return adamScalar(w, g, m, v, b1, c1, b2, c2, step, eps)
}
