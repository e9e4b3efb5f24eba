// Package session is the run controller: one GAN run and everything that
// is asked of it while it runs. It owns the gan.Trainer and offers whole
// iterations, single D and G updates (slow motion, the page's step
// buttons), live settings through one typed Set (the recipe key table's
// "live" column), the views as plain data (the D heat map grid, D*, C(G),
// JSD, G's manifold, the gradient arrows, the sample grid, the
// interpolation row, the nearest training images), the resumable MNIST
// quality estimate, checkpoints, model links and the safetensors export.
//
// It is plain Go, the same natively and in WebAssembly: the page's worker
// (wasm/) drives it from messages, the command line (app/internal/cli)
// from flags. Looking never changes the run: every view and estimate draws
// its noise from a stream of its own.
package session
