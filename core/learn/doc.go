// Package learn measures how fast a recipe learns its data set: it trains
// a run and scores it every few steps, the way `app eval` scores a
// checkpoint (2,500 samples with eval's fixed noise seed), until the data
// set's target is met (MNIST's is read by the bundled classifier: digit
// shares and a Fréchet distance, mnist.go). Steps are deterministic (same recipe and seed, same
// count, natively and in WebAssembly); seconds depend on the machine.
package learn
