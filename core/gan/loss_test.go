package gan

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// Every loss's gradient against central differences in float64.
func TestLossGradients(t *testing.T) {
	r := rng.New(3)
	for _, name := range []string{"minimax", "nonsat", "lsgan", "hinge", "wgan"} {
		l, _ := NewLoss(name)
		real, fake := make([]float32, 7), make([]float32, 7)
		for i := range real {
			real[i], fake[i] = float32(2*r.Normal()), float32(2*r.Normal())
			for math.Abs(math.Abs(float64(real[i]))-1) < 0.05 || math.Abs(math.Abs(float64(fake[i]))-1) < 0.05 {
				real[i], fake[i] = float32(2*r.Normal()), float32(2*r.Normal()) // off the hinge kinks
			}
		}
		gr, gf, gg := make([]float32, 7), make([]float32, 7), make([]float32, 7)
		l.D(real, fake, gr, gf)
		l.G(fake, gg)
		scratch := make([]float32, 7)
		const h = 1e-3
		num := func(v []float32, i int, f func() float64) float64 {
			old := v[i]
			v[i] = old + h
			p := f()
			v[i] = old - h
			m := f()
			v[i] = old
			return (p - m) / (2 * h)
		}
		dl := func() float64 { return l.D(real, fake, scratch, scratch) }
		gl := func() float64 { return l.G(fake, scratch) }
		for i := range real {
			for _, c := range []struct {
				what string
				n    float64
				a    float32
			}{{"D/dreal", num(real, i, dl), gr[i]}, {"D/dfake", num(fake, i, dl), gf[i]}, {"G/dfake", num(fake, i, gl), gg[i]}} {
				if math.Abs(c.n-float64(c.a)) > 1e-3 {
					t.Errorf("%s %s[%d]: analytic %v, numeric %v", name, c.what, i, c.a, c.n)
				}
			}
		}
	}
	if _, err := NewLoss("x"); err == nil {
		t.Fatal("unknown loss accepted")
	}
}

// At the game's fixed point D = 1/2 everywhere, the minimax D loss is
// log 4: V(D*, G) = −log 4 (the seed's C(G) floor).
func TestFixedPoint(t *testing.T) {
	z := make([]float32, 10)
	g := make([]float32, 10)
	if v := (NonSat{}).D(z, z, g, g); math.Abs(v-math.Log(4)) > 1e-12 {
		t.Fatalf("D loss at D=1/2 is %v, want log 4", v)
	}
}
