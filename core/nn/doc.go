// Package nn is a minimal multilayer-perceptron library in float32: Dense
// and Maxout layers, element-wise activations and dropout, chained into a
// Net. It is everything the GAN paper's G and D need and nothing more.
//
// Conventions (after gonum and micrograd):
//   - A batch is a row-major rows×dim []float32; layers own their output
//     buffers and reuse them, so a training step allocates nothing once the
//     batch size has been seen.
//   - Forward keeps what Backward needs; Backward accumulates into the
//     gradients of every Param and returns the gradient of its input.
//   - Every trainable tensor is a *Param, exposed one way (Params()), so
//     zeroing, optimising, saving and fingerprinting are one loop each.
package nn
