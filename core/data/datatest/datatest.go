// Package datatest makes small stand-ins for the MNIST data set, for the
// tests of packages that need images without the real files.
package datatest

import (
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/rng"
)

// RandomMNIST is n images of uniformly random pixels (seed 1, so every
// call gives the same images), labelled 0–9 in turn.
func RandomMNIST(n int) *data.MNIST {
	r := rng.New(1)
	m := &data.MNIST{Images: make([]uint8, n*data.Pixels), Labels: make([]uint8, n)}
	for i := range m.Images {
		m.Images[i] = uint8(r.IntN(256))
	}
	for i := range m.Labels {
		m.Labels[i] = uint8(i % 10)
	}
	return m
}
