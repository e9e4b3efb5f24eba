package gan

import (
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// FromText builds a trainer from recipe text (recipe.Parse syntax) for the
// data sets that need no files — all but MNIST — and makes steps
// iterations (to the recipe's step limit when steps < 0). Tests, the
// worker's and the CLI's, build their runs with it.
func FromText(text string, steps int) (*Trainer, error) {
	rc, err := recipe.Parse(text)
	if err != nil {
		return nil, err
	}
	src, err := data.New(rc, nil)
	if err != nil {
		return nil, err
	}
	t, err := New(rc, src)
	if err != nil {
		return nil, err
	}
	for i := 0; steps < 0 && !t.Done() || i < steps; i++ {
		if err := t.StepOnce(); err != nil {
			return nil, err
		}
	}
	return t, nil
}
