// Package mat holds the float32 matrix products the trainer spends its time
// in. All matrices are dense and row-major; the caller owns every slice.
//
// Why hand-written and not gonum: compiled to WebAssembly, gonum's pure-Go
// BLAS is 4–5× slower than a plain cache-friendly float32 loop (measured,
// see shared/PERF-NOTES.md). Natively gonum stays the test oracle.
//
// Reproducibility: each output element is summed in one fixed order and
// every product is rounded to float32 before it is added (the explicit
// conversion forbids FMA fusion), so results are bit-identical on amd64 and
// wasm.
package mat
