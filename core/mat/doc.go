// Package mat holds the float32 matrix products the trainer spends its time
// in. All matrices are dense and row-major; the caller owns every slice.
//
// Why hand-written and not gonum: compiled to WebAssembly, gonum's pure-Go
// BLAS is 4–5× slower than a register-tiled float32 loop (measured: see
// docs/speed.md). Natively gonum stays the test oracle.
//
// Three builds compute the same bits: the scalar kernels here (native, and
// the WebAssembly worker for browsers without SIMD), the WebAssembly SIMD
// kernels (GOEXPERIMENT=simd, mul_simd_wasm.go and elem_simd_wasm.go),
// and either one split over several goroutines (parallel.go).
//
// Reproducibility: element (i, j) of every product is c[i,j] (when
// accumulating) or 0, plus product 0, plus product 1, … in order of the
// inner index, each product rounded to float32 before it is added (the
// explicit conversion forbids FMA fusion). That order does not depend on
// the platform or on the tiling, so results are bit-identical on amd64 and
// wasm, and to the plain triple loop in the tests. Products whose A factor
// is zero may be skipped, which changes nothing (see sparse.go).
package mat

// How the kernels are fast. Each keeps a 2×4 block of C in eight local
// accumulators and, per step of the inner index, reads 2 values of A and 4
// of B for 8 multiply-adds. Measured on the training shapes, 2×4 beat 3×4,
// 4×4, 1×8 and 2×6 natively and in WASM: Go's amd64 and wasm backends both
// have 16 float registers, and larger tiles spill. In WASM each loop
// iteration also pays a fixed dispatch and bounds-check cost, which the 8
// multiply-adds amortise (≈5× the naive loop; unrolling the inner loop
// further gained nothing). Slices are resliced to proven lengths so the
// compiler drops most bounds checks. Ragged edges use 2×2, 2×1, 1×4 and 1×1
// versions of the same loop, and vector shapes (n=1, or k=1 in MulNT) are
// routed to whichever kernel reads them without strides, so tiny
// dimensions need no set-up, packing or scratch memory.
//
// Cache blocking (over k for MulNN, over B's rows for MulNT) was tried and
// left out: in WASM these loops are compute-bound at ≈4.4 GFLOP/s even on
// the paper's 1200×1200 layers, and blocking changed nothing there.
