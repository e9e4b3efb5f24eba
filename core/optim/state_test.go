package optim

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/nn"
)

// A gradient whose square overflows float32 leaves v = +Inf and a zero
// step: the weight stays finite, so only Err can tell.
func TestErrReportsOverflowedMoment(t *testing.T) {
	for _, kind := range []string{"adam", "sgd"} {
		p := &nn.Param{Name: "w", Rows: 1, Cols: 2, W: []float32{1, 1}, G: []float32{0.5, 0.5}}
		o, err := New(Config{Kind: kind, LR: 0.1, Mom: 0.9, B2: 0.999, Decay: 1}, []*nn.Param{p})
		if err != nil {
			t.Fatal(err)
		}
		o.Update()
		if err := o.Err(); err != nil {
			t.Fatalf("%s: ordinary update: %v", kind, err)
		}
		p.G[1] = 2e19
		if kind == "sgd" {
			p.G[1] = float32(math.Inf(1))
		}
		o.Update()
		if o.Err() == nil {
			t.Fatalf("%s: state %v after a gradient of %v, Err is nil", kind, o.State(), p.G[1])
		}
		if CheckState(o) == nil {
			t.Fatalf("%s: CheckState passes %v", kind, o.State())
		}
	}
}

// The decay never drives the scale to zero (a state checkpoints refuse),
// and stops at the floor without changing the learning rate there.
func TestDecayStopsAtFloor(t *testing.T) {
	for _, lrmin := range []float64{0, 1e-6} {
		o, _ := New(Config{Kind: "sgd", LR: 0.1, Decay: 1.1, LRMin: lrmin}, nil)
		prev := o.LR()
		for i := 0; i < 20000; i++ {
			o.Update()
			if lr := o.LR(); lr > prev {
				t.Fatalf("lrmin %v: rate rose from %v to %v", lrmin, prev, lr)
			}
			prev = o.LR()
		}
		if !(o.Scale > 0) {
			t.Fatalf("lrmin %v: scale reached %v", lrmin, o.Scale)
		}
		if lrmin > 0 && o.LR() != lrmin {
			t.Fatalf("lrmin %v: rate %v, want the floor", lrmin, o.LR())
		}
	}
}
