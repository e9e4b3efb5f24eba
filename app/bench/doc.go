// Command bench is `make bench`: it measures, in one run, the trainer in
// a Web Worker of headless Chromium (built with WebAssembly SIMD, as the
// page's worker is, and without), the real page training the same recipe
// (`app serve`, every view and report included), the TF.js reference of
// the same GAN in the same browser (wasm and cpu backends), and native Go
// on the same core code, for the workloads of package measure, and prints
// one table with the ratios against their targets (docs/speed.md). Then
// each data set's one-click recipe (the 2-D sets and MNIST) in the Go
// worker and in the page, and the time-to-learn table: steps to target
// from core/learn (trained natively before the browser starts) over the
// page's steps/s, with the time to target measured in the page itself —
// ring8's by the page's readout, MNIST's by its step counter reaching the
// native run's step (the page shows no Fréchet distance); then the real
// page's time to its first training step, the gzip sizes of the page's
// WASM binaries, and heap allocations per step.
//
// The implementations take turns window by window (the machine is shared,
// so a slow spell slows them all alike) and each figure is the median of
// the windows after a warm-up. Run it with `make bench` (which installs
// the npm packages of package.json and builds the wasm files) or
// `go run ./app/bench -h` from the repository root.
package main
