//go:build js && wasm

package metrics

// Under WASM the samples stay row-major for dotsNT (see there for why not
// gonum).
const samplesTransposed = false

// dots sets c (m×ns) to the dot products of x's rows (m×dim) with the
// packed samples.
func dots(c, x, packed []float64, m, ns, dim int) { dotsNT(c, x, packed, m, ns, dim) }
