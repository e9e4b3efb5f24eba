package optim

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/nn"
)

// Both optimisers must minimise a simple quadratic, Σ (w−3)².
func TestConverges(t *testing.T) {
	for _, cfg := range []Config{
		{Kind: "sgd", LR: 0.05, Mom: 0.5, MomEnd: 0.9, MomRamp: 50, Decay: 1.0001, LRMin: 1e-6},
		{Kind: "adam", LR: 0.05, Mom: 0.9, B2: 0.999, Decay: 1},
	} {
		p := &nn.Param{Name: "w", Rows: 1, Cols: 4, W: []float32{0, 1, -2, 10}, G: make([]float32, 4)}
		o, err := New(cfg, []*nn.Param{p})
		if err != nil {
			t.Fatal(err)
		}
		for it := 0; it < 2000; it++ {
			for j, w := range p.W {
				p.G[j] = 2 * (w - 3)
			}
			o.Update()
		}
		for _, w := range p.W {
			if math.Abs(float64(w)-3) > 1e-2 {
				t.Fatalf("%s: w = %v, want 3", cfg.Kind, p.W)
			}
		}
	}
}

func TestSchedules(t *testing.T) {
	o, _ := New(Config{Kind: "sgd", LR: 0.1, Mom: 0.5, MomEnd: 0.7, MomRamp: 10, Decay: 2, LRMin: 0.01}, nil)
	if o.Momentum() != 0.5 {
		t.Fatal(o.Momentum())
	}
	for i := 0; i < 5; i++ {
		o.Update()
	}
	if m := o.Momentum(); math.Abs(m-0.6) > 1e-12 {
		t.Fatalf("momentum at half ramp %v", m)
	}
	if lr := o.LR(); lr != 0.01 { // 0.1/32 is under the floor
		t.Fatalf("lr %v", lr)
	}
	for i := 0; i < 10; i++ {
		o.Update()
	}
	if o.Momentum() != 0.7 {
		t.Fatal("ramp end")
	}
	if _, err := New(Config{Kind: "rmsprop"}, nil); err == nil {
		t.Fatal("unknown optimiser accepted")
	}
}
