//go:build js && wasm

package metrics

// dots sets c (m×ns) to the dot products of x's rows (m×dim) with the
// samples, stored transposed (st is dim×ns). See dotsSparse for why not
// gonum here.
func dots(c, x, st []float64, m, ns, dim int) { dotsSparse(c, x, st, m, ns, dim) }
