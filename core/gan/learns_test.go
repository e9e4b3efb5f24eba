package gan

import (
	"fmt"
	"testing"

	"github.com/ganplayground/ganplayground/core/optim"
	"github.com/ganplayground/ganplayground/core/rng"
)

// The trainer must move both players the way the game says: D's updates
// separate real from generated points, and G's updates make its points
// harder for D to tell apart. Finite losses after a few steps prove
// neither — a loss with its sign flipped, or an optimiser that never
// changes a weight, trains "finitely" too — so learns measures both
// effects on batches the updates never saw, and
// TestLearnsCatchesBrokenTraining shows that each of those breakages
// fails it.

// learnsRecipe is small enough that the check runs in well under a second
// natively (about ten times that under -race).
const learnsRecipe = "batch=64&g=16,16&d=16,16&seed=11"

// learnsSteps updates of each player; learnsMargin is how far each must
// move D's AUC — the chance that D scores a held-out real point above a
// held-out generated one, which no rescaling of D's output (WGAN's
// clipping, LSGAN's targets) changes. Measured on seed 11 for the recipes
// of TestTrainerLearns: from 0.82, D's updates raise it to 0.92–0.97, and
// G's then lower it by 0.14 to 0.95; a flipped loss moves it the other
// way (D's to 0.13–0.35), a no-op optimiser not at all (WGAN's clipping
// alone moves D's down, to 0.57).
const (
	learnsSteps  = 60
	learnsMargin = 0.05
)

// heldOut holds batches drawn from streams of their own: the measurement
// never reuses a training batch and leaves the trainer's stream alone.
type heldOut struct {
	real, z []float32
	rows    int
}

func newHeldOut(t *Trainer, rows int) heldOut {
	h := heldOut{real: make([]float32, rows*t.dim), z: make([]float32, rows*t.Recipe.Z), rows: rows}
	t.Data.Sample(rng.New(1001), h.real, rows)
	r := rng.New(1002)
	for i := range h.z {
		h.z[i] = float32(r.Normal())
	}
	return h
}

// auc is D's AUC on the held-out batches, in evaluation mode.
func (h heldOut) auc(t *Trainer) float64 {
	n := h.rows / t.Recipe.Pack
	real := append([]float32(nil), t.D.Forward(h.real, n, false)...)
	fake := append([]float32(nil), t.G.Forward(h.z, h.rows, false)...)
	fake = append([]float32(nil), t.D.Forward(fake, n, false)...)
	var wins float64
	for _, r := range real {
		for _, f := range fake {
			switch {
			case r > f:
				wins++
			case r == f:
				wins += 0.5
			}
		}
	}
	return wins / float64(len(real)*len(fake))
}

// learns runs learnsSteps D updates with G held still, then learnsSteps G
// updates with D held still, and reports what did not move as it should.
func learns(t *Trainer) error {
	h := newHeldOut(t, 512)
	before := h.auc(t)
	for i := 0; i < learnsSteps; i++ {
		if err := t.StepD(); err != nil {
			return err
		}
	}
	after := h.auc(t)
	if after-before < learnsMargin {
		return fmt.Errorf("D's updates moved its AUC from %.4f to %.4f; want a rise of at least %.2f", before, after, learnsMargin)
	}
	before = after
	for i := 0; i < learnsSteps; i++ {
		if err := t.StepG(); err != nil {
			return err
		}
	}
	after = h.auc(t)
	if before-after < learnsMargin {
		return fmt.Errorf("G's updates moved D's AUC from %.4f to %.4f; want a fall of at least %.2f", before, after, learnsMargin)
	}
	return nil
}

// Every loss with Adam, and with SGD every loss but WGAN's: its critic's
// weights are clipped to ±0.01, and through them plain SGD moves G too
// little in learnsSteps updates to measure (D's AUC moved by < 0.001).
// Against a D held still, G's SGD step must be small for the unbounded
// minimax and hinge objectives (at lrg=0.01 they run to NaN within 50
// steps) and large for LSGAN's (at 0.003 its AUC falls by only 0.005).
func TestTrainerLearns(t *testing.T) {
	for _, s := range []string{
		"loss=nonsat", "loss=minimax", "loss=lsgan", "loss=hinge", "loss=wgan",
		"loss=nonsat&opt=sgd&lrd=0.01&lrg=0.003", "loss=minimax&opt=sgd&lrd=0.01&lrg=0.003",
		"loss=hinge&opt=sgd&lrd=0.01&lrg=0.003", "loss=lsgan&opt=sgd&lrd=0.01&lrg=0.01",
	} {
		if err := learns(newTrainer(t, learnsRecipe+"&"+s)); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
}

// flipped is a loss whose gradients point the wrong way for D, for G or
// for both: their updates then climb the objective they should descend.
type flipped struct {
	Loss
	d, g bool
}

func (f flipped) D(r, fk, gr, gf []float32) float64 {
	l := f.Loss.D(r, fk, gr, gf)
	if f.d {
		negate(gr)
		negate(gf)
	}
	return l
}

func (f flipped) G(fk, gf []float32) float64 {
	l := f.Loss.G(fk, gf)
	if f.g {
		negate(gf)
	}
	return l
}

func negate(v []float32) {
	for i := range v {
		v[i] = -v[i]
	}
}

// frozen is an optimiser over no parameters: Update changes nothing.
func frozen(t *testing.T, o *optim.Optimizer) *optim.Optimizer {
	n, err := optim.New(o.Cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// Each way of breaking training fails learns.
func TestLearnsCatchesBrokenTraining(t *testing.T) {
	for _, c := range []struct {
		name   string
		breaks func(*Trainer)
	}{
		{"sign-flipped loss", func(tr *Trainer) { tr.Loss = flipped{tr.Loss, true, true} }},
		{"sign-flipped D loss", func(tr *Trainer) { tr.Loss = flipped{tr.Loss, true, false} }},
		{"sign-flipped G loss", func(tr *Trainer) { tr.Loss = flipped{tr.Loss, false, true} }},
		{"no-op optimisers", func(tr *Trainer) { tr.OptD, tr.OptG = frozen(t, tr.OptD), frozen(t, tr.OptG) }},
		{"no-op D optimiser", func(tr *Trainer) { tr.OptD = frozen(t, tr.OptD) }},
		{"no-op G optimiser", func(tr *Trainer) { tr.OptG = frozen(t, tr.OptG) }},
	} {
		for _, loss := range []string{"nonsat", "wgan"} {
			tr := newTrainer(t, learnsRecipe+"&loss="+loss)
			c.breaks(tr)
			if err := learns(tr); err == nil {
				t.Errorf("%s, loss=%s: learns passed", c.name, loss)
			} else {
				t.Logf("%s, loss=%s: %v", c.name, loss, err)
			}
		}
	}
}
