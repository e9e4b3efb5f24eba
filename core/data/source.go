package data

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/rng"
)

// Source is a distribution to sample minibatches from.
type Source interface {
	// Dim is the dimension of one sample.
	Dim() int
	// Sample fills out[:n*Dim()] with n independent samples.
	Sample(r *rng.RNG, out []float32, n int)
}

// Spec is what New needs to know of a recipe: the set's name and, for the
// sets that take them, the digits and the drawn points. recipe.Recipe is
// one.
type Spec interface {
	DataSpec() (name string, digits []int, points []float32)
}

// New returns the source a recipe asks for. mnist may be nil unless the
// set's Asset is the MNIST asset.
func New(s Spec, mnist *MNIST) (Source, error) {
	name, _, _ := s.DataSpec()
	set := Lookup(name)
	if set == nil {
		return nil, fmt.Errorf("data: unknown data set %q", name)
	}
	return set.source(s, mnist)
}
