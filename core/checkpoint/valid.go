package checkpoint

import (
	"fmt"
	"math"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/optim"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The value rules below are the ones Decode enforces on what it reads.
// Encode applies the same rules to a trainer before writing a byte, so
// that nothing is written that cannot be read back: a refused save keeps
// the previous file or record instead of replacing it with one that every
// loader calls damaged.

// badFloat is the rule for a stored tensor value: NaN and Inf are bad, and
// so is a negative value where only squares belong (Adam's v).
func badFloat(v float32, nonNeg bool) bool { return optim.BadValue(v, nonNeg) }

// badUnit is the rule for a product of factors in [0, 1] (decay, β
// powers); a scale of zero would stop learning for good, so it is bad when
// positive is set.
func badUnit(v float64, positive bool) bool {
	return math.IsNaN(v) || v < 0 || v > 1 || (positive && v == 0)
}

// checkTrainer reports the first part of t that Decode would refuse.
func checkTrainer(t *gan.Trainer) error {
	if err := t.CheckFinite(); err != nil { // weights and optimiser moments, by badFloat's rule
		return err
	}
	text := t.Recipe.Full()
	if len(text) > recipe.MaxLen {
		return fmt.Errorf("recipe text of %d bytes exceeds the cap of %d", len(text), recipe.MaxLen)
	}
	if _, err := recipe.Parse(text); err != nil {
		return fmt.Errorf("the recipe would not read back: %w", err)
	}
	for _, c := range []struct {
		what string
		n    int
	}{{"step", t.Step}, {"dsteps", t.DSteps}, {"optimiser G's T", t.OptG.T}, {"optimiser D's T", t.OptD.T}} {
		if c.n < 0 || c.n > maxCount {
			return fmt.Errorf("%s = %d is out of range", c.what, c.n)
		}
	}
	if t.OptG.T != t.Step || t.OptD.T != t.DSteps {
		return fmt.Errorf("optimisers have done %d and %d updates, the trainer %d and %d", t.OptG.T, t.OptD.T, t.Step, t.DSteps)
	}
	for _, o := range []*optim.Optimizer{t.OptG, t.OptD} {
		if badUnit(o.Scale, true) || badUnit(o.B1T, false) || badUnit(o.B2T, false) {
			return fmt.Errorf("optimiser schedule out of range (scale %v, b1t %v, b2t %v)", o.Scale, o.B1T, o.B2T)
		}
	}
	if st, err := t.RNG.MarshalBinary(); err != nil || len(st) > maxRNG {
		return fmt.Errorf("random state of %d bytes cannot be stored (%v)", len(st), err)
	}
	return nil
}
