package gan

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/nn"
)

// bias=kinks moves only the first hidden layers' biases: every other
// parameter is the one bias=zero draws (the kinks' points come from a
// stream of their own), and each first-layer unit's kink — the line
// w·x + b = 0 — lies within reach of the inputs it was drawn from: at most
// the largest input norm from the origin (√3·√2 for uniform z=2; the grid's
// corner plus a few std for D, with pack=2 two such points).
func TestKinksMoveOnlyFirstLayerBiases(t *testing.T) {
	base := "data=grid25&prior=uniform&pack=2&seed=3"
	for _, dact := range []string{"leaky", "maxout"} {
		zero := newTrainer(t, base+"&dact="+dact)
		kinks := newTrainer(t, base+"&dact="+dact+"&bias=kinks")
		for _, c := range []struct {
			name    string
			a, b    *nn.Net
			maxNorm float64
		}{
			{"G", zero.G, kinks.G, math.Sqrt(3) * math.Sqrt(2)},
			{"D", zero.D, kinks.D, math.Sqrt(2) * math.Hypot(4.5, 4.5)},
		} {
			b := c.b
			first := firstDense(c.a).Bias()
			moved := 0
			for i, p := range c.a.Params() {
				q := b.Params()[i]
				for k := range p.W {
					if p.W[k] == q.W[k] {
						continue
					}
					if &p.W[0] != &first[0] {
						t.Fatalf("%s %s: %s[%d] differs (%v vs %v); only the first layer's biases may", dact, c.name, p.Name, k, p.W[k], q.W[k])
					}
					moved++
				}
			}
			if moved < len(first)*9/10 {
				t.Errorf("%s %s: %d of %d first-layer biases moved", dact, c.name, moved, len(first))
			}
			d := firstDense(b)
			w, bias, out := d.Weight(), d.Bias(), d.Out()
			far := 0.0
			for j, bj := range bias {
				var n2 float64
				for i := 0; i < d.In(); i++ {
					n2 += float64(w[i*out+j]) * float64(w[i*out+j])
				}
				far = math.Max(far, math.Abs(float64(bj))/math.Sqrt(n2))
			}
			if far > c.maxNorm || far < c.maxNorm/10 {
				t.Errorf("%s %s: farthest kink %.3f from the origin; want within (%.3f, %.3f]", dact, c.name, far, c.maxNorm/10, c.maxNorm)
			}
		}
	}
}
