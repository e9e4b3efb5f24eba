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

// SparseDigits stands in for the real digits in step benchmarks: 256
// fixed random 28×28 images with MNIST's sparsity (drawn in the central
// 20×20 box, about 19% of pixels non-zero — the kernels skip zero
// inputs), sampled like data.Digits over all ten labels.
func SparseDigits() data.Source {
	const n = 256
	r := rng.New(7)
	m := &data.MNIST{Images: make([]uint8, n*data.Pixels), Labels: make([]uint8, n)}
	for i := range m.Images {
		y, x := i%784/28, i%28
		if y >= 4 && y < 24 && x >= 4 && x < 24 && r.Float64() < 0.38 {
			m.Images[i] = uint8(1 + r.IntN(255))
		}
	}
	for i := range m.Labels {
		m.Labels[i] = uint8(i % 10)
	}
	s, err := m.Subset([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	if err != nil {
		panic(err)
	}
	return s
}
