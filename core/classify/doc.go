// Package classify is a small MNIST classifier trained by the core itself
// (an nn.Net MLP, softmax cross-entropy, optim's Adam), and the measures of
// a generator it makes possible: the share of each digit among G's samples
// (mode coverage for MNIST) and the Fréchet distance between real and
// generated samples in the classifier's penultimate feature space (an
// FID-like score, with our classifier in place of Inception).
//
// The trained classifier ships as assets/mnist-classifier.bin; `app
// train-classifier` rebuilds it bit for bit from its seed.
package classify
