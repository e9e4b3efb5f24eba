package gan

import (
	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/rng"
)

// initKinks implements bias=kinks: each unit of G's and D's first hidden
// layer gets the bias b = −w·p for an input p drawn from what that layer
// sees — a noise draw for G, a pack of real samples for D — so the unit's
// kink (where its pre-activation is zero) passes through p.
//
// Why: with zero biases every first-layer kink passes through the origin,
// and a ReLU-like net is positively homogeneous (f(a·x) = a·f(x), a > 0).
// Both nets then start cutting the plane only by direction from the
// origin: fine for ring8, whose modes lie on distinct rays, but the grid's
// (2,2) and (4,4) share one, and a zero-bias D cannot tell them apart
// except linearly in the radius until its biases have moved far (Adam
// moves them ≈ lr per step). Kinks spread through the inputs let D carve
// the grid and G build its staircase from the start. The points come from
// a stream of their own, so the main random stream is the same as with
// zero biases (only the biases differ).
func (t *Trainer) initKinks() {
	if t.Recipe.Bias != "kinks" {
		return
	}
	r := rng.New(t.Recipe.Seed ^ 0x6b696e6b73) // "kinks"
	z := make([]float32, t.Recipe.Z)
	saved := t.RNG
	t.RNG = r
	setKinks(t.G, func(p []float32) { t.SampleNoise(p, 1) }, z)
	t.RNG = saved
	x := make([]float32, t.dim*t.Recipe.Pack)
	setKinks(t.D, func(p []float32) { t.Data.Sample(r, p, t.Recipe.Pack) }, x)
}

// setKinks sets the biases of net's first layer with parameters (a Dense,
// or the Dense inside a Maxout) to −w·p, one p per column (for a Maxout,
// per piece), drawn by draw into p.
func setKinks(net *nn.Net, draw func(p []float32), p []float32) {
	d := firstDense(net)
	if d == nil {
		return
	}
	w, b := d.Weight(), d.Bias()
	out := d.Out()
	for j := range b {
		draw(p)
		var s float64
		for i, v := range p {
			s += float64(w[i*out+j]) * float64(v)
		}
		b[j] = float32(-s)
	}
}

func firstDense(net *nn.Net) *nn.Dense {
	for _, l := range net.Layers {
		switch l := l.(type) {
		case *nn.Dense:
			return l
		case *nn.Maxout:
			return l.Linear()
		}
	}
	return nil
}
