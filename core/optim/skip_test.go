package optim

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/nn"
)

// Skip(n) leaves the schedules where n updates would: the same learning
// rate bit for bit (or the floor, once reached) and the same momentum,
// with the weights and moments untouched.
func TestSkipMatchesUpdates(t *testing.T) {
	for _, cfg := range []Config{
		{Kind: "sgd", LR: 0.1, Mom: 0.5, MomEnd: 0.7, MomRamp: 300, Decay: 1.004, LRMin: 1e-6},
		{Kind: "adam", LR: 0.002, Mom: 0.5, Decay: 1.0004, LRMin: 1e-6, B2: 0.999},
		{Kind: "adam", LR: 0.002, Mom: 0.5, Decay: 1.01, LRMin: 1e-4, B2: 0.999},
		{Kind: "sgd", LR: 0.1, Mom: 0.5, Decay: 1},
	} {
		p := &nn.Param{Name: "w", Rows: 1, Cols: 3, W: []float32{1, 2, 3}, G: make([]float32, 3)}
		ran, _ := New(cfg, []*nn.Param{p})
		q := &nn.Param{Name: "w", Rows: 1, Cols: 3, W: []float32{1, 2, 3}, G: make([]float32, 3)}
		skipped, _ := New(cfg, []*nn.Param{q})
		for _, n := range []int{1, 7, 250, 1000} {
			for ran.T < n {
				ran.Update() // zero gradients: only the schedules move
			}
			skipped.Skip(n - skipped.T)
			if ran.LR() != skipped.LR() || ran.Momentum() != skipped.Momentum() || ran.T != skipped.T {
				t.Errorf("%+v after %d: ran lr %g mom %g, skipped lr %g mom %g", cfg, n, ran.LR(), ran.Momentum(), skipped.LR(), skipped.Momentum())
			}
		}
		if q.W[0] != 1 || q.W[2] != 3 || skipped.B1T != 1 {
			t.Errorf("Skip changed weights or bias correction: %v, B1T %g", q.W, skipped.B1T)
		}
	}
	// An absurd count returns at once (the floor or maxSkip ends the replay).
	o, _ := New(Config{Kind: "adam", LR: 0.002, Decay: 1.0000001, LRMin: 0, B2: 0.999}, nil)
	o.Skip(1 << 53)
	if o.LR() >= 0.002 {
		t.Errorf("lr %g after a huge skip", o.LR())
	}
}
