package main

import (
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/rng"
)

// fakeMNIST is n random images, labels 0–9 in turn.
func fakeMNIST(n int) *data.MNIST {
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
