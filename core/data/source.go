package data

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/rng"
)

// Source is a distribution to sample minibatches from.
type Source interface {
	// Dim is the dimension of one sample.
	Dim() int
	// Sample fills out[:n*Dim()] with n independent samples.
	Sample(r *rng.RNG, out []float32, n int)
}

// New returns the source a recipe asks for. mnist may be nil unless
// r.Data == "mnist".
func New(r recipe.Recipe, mnist *MNIST) (Source, error) {
	switch r.Data {
	case "ring8":
		return Ring8(), nil
	case "grid25":
		return Grid25(), nil
	case "spiral":
		return Spiral{}, nil
	case "moons":
		return Moons{}, nil
	case "custom":
		return Custom(r.Points), nil
	case "mnist":
		if mnist == nil {
			return nil, fmt.Errorf("data: MNIST is not loaded")
		}
		return mnist.Subset(r.Digits)
	}
	return nil, fmt.Errorf("data: unknown data set %q", r.Data)
}
