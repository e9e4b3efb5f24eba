// Package data provides the distributions a GAN learns: 2-D mixtures with
// known modes (ring8, grid25), continuous 2-D shapes (spiral, moons), points
// drawn by hand (custom), and MNIST digits. Every sampler draws from the
// trainer's rng so that a seed fixes the data stream too.
package data
