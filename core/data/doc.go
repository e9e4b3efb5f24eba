// Package data provides the distributions a GAN learns: 2-D mixtures with
// known modes (ring8, grid25), continuous 2-D shapes (spiral, moons), points
// drawn by hand (custom), and MNIST digits. Every sampler draws from the
// trainer's rng so that a seed fixes the data stream too.
//
// MNIST comes from LeCun's IDX files (ReadIDX, LoadModuleMNIST; strict, so
// a damaged file is an error matching ErrCorrupt, never a panic or a huge
// allocation) and travels to the browser as one compact asset
// (EncodeAsset, DecodeAsset). TrainSplit and ValidSplit cut the 60,000
// training images as the paper did: 50,000 to train, 10,000 to validate.
package data
