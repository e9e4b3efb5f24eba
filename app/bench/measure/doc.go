// Package measure times the trainer the same way wherever it runs: natively
// in `make bench`'s driver and, compiled to WebAssembly, in the bench page's
// Web Worker. A Runner builds a trainer from a workload's recipe, warms it
// up (V8 first runs WASM in its baseline compiler and tiers hot functions up
// in the background), then measures windows of whole steps; the driver takes
// the median of several windows, interleaved with the other implementations
// so that a busy machine slows them all alike.
package measure
