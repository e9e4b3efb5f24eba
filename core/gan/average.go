package gan

import (
	"fmt"
	"strconv"

	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/rng"
)

// newAverage builds GAvg for a recipe that averages G's weights (gema > 0,
// gavg > 0): a second generator of the same shape, from which samples are
// drawn (Generate). Averaging the iterates of a GAN's generator smooths out
// the oscillation of the adversarial game (Yazıcı et al. 2019): measured on
// MNIST, the average of five checkpoints 1,000 steps apart raised the
// Parzen estimate from 147 to 172. Its initial weights are G's; a
// throwaway stream builds it, so that the training stream is the same with
// or without it.
func (t *Trainer) newAverage() {
	if t.Recipe.GEMA <= 0 && t.Recipe.GAvg <= 0 {
		return
	}
	spec := genSpec(t.Recipe)
	spec.Name = "Gavg"
	t.GAvg = nn.NewMLP(spec, rng.New(0))
	t.ResetAverage()
}

// ResetAverage sets GAvg to G's current weights (after G was restored from
// elsewhere, e.g. a model link).
func (t *Trainer) ResetAverage() {
	if t.GAvg == nil {
		return
	}
	for i, p := range t.GAvg.Params() {
		copy(p.W, t.G.Params()[i].W)
	}
}

// StartAverageAt makes a run that has not averaged yet average G's weights
// uniformly from step on (recipe gavg), so that a long run can be given its
// averaging window when it is continued: as long as the window starts at
// or after the checkpoint's step, the result is what training with gavg
// from step 0 gives, because the average never feeds back into training
// and is restarted from G at the window's first step.
func (t *Trainer) StartAverageAt(step int) error {
	if step == t.Recipe.GAvg {
		return nil
	}
	if t.Recipe.GAvg > 0 && t.Step > t.Recipe.GAvg {
		return fmt.Errorf("gavg=%d: this run has averaged G since step %d", step, t.Recipe.GAvg)
	}
	if step > 0 && step < t.Step {
		return fmt.Errorf("gavg=%d: this run is at step %d; the average can start there or later", step, t.Step)
	}
	c := t.Recipe
	if err := c.Set("gavg", strconv.Itoa(step)); err != nil {
		return err
	}
	t.Recipe = c
	if t.GAvg == nil {
		t.newAverage()
	} else if c.GEMA <= 0 && c.GAvg <= 0 {
		t.GAvg = nil
	}
	return nil
}

// updateAverage moves GAvg towards G after a G update (before Step counts
// it). Inside gavg's window it keeps the plain mean of G over the window,
// a ← a + (w−a)/n for the window's n-th step; before it, an exponential
// average a ← e·a + (1−e)·w (gema), or G itself. Float32 with each product
// rounded (explicit conversions keep the compiler from fusing them), so
// native and WASM agree bit for bit.
func (t *Trainer) updateAverage() {
	if t.GAvg == nil {
		return
	}
	if s := t.Recipe.GAvg; s > 0 && t.Step >= s {
		if t.Step == s { // the window's first weights: exactly G's
			t.ResetAverage()
			return
		}
		n := float32(t.Step + 1 - s)
		for i, p := range t.GAvg.Params() {
			w := t.G.Params()[i].W
			for j, a := range p.W {
				p.W[j] = a + float32(float32(w[j]-a)/n)
			}
		}
		return
	}
	if t.Recipe.GEMA <= 0 {
		t.ResetAverage()
		return
	}
	e := float32(t.Recipe.GEMA)
	c := 1 - e
	for i, p := range t.GAvg.Params() {
		w := t.G.Params()[i].W
		for j, a := range p.W {
			p.W[j] = float32(e*a) + float32(c*w[j])
		}
	}
}

// Sampler is the generator samples come from: GAvg when the recipe
// averages G's weights, else G.
func (t *Trainer) Sampler() *nn.Net {
	if t.GAvg != nil {
		return t.GAvg
	}
	return t.G
}
