package gan

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// lossRef64 is every loss written again from its definition, in float64:
// D's loss on real logits r and fake logits f, and G's on f, each the mean
// over its batch. D(x) = σ(logit).
var lossRef64 = map[string]struct{ d, g func(r, f []float64) float64 }{
	"minimax": {bceRef, func(_, f []float64) float64 {
		return mean(f, func(v float64) float64 { return math.Log(1 - sigma(v)) })
	}},
	"nonsat": {bceRef, func(_, f []float64) float64 { return mean(f, func(v float64) float64 { return -math.Log(sigma(v)) }) }},
	"lsgan": {
		func(r, f []float64) float64 {
			return mean(r, func(v float64) float64 { return (v - 1) * (v - 1) / 2 }) + mean(f, func(v float64) float64 { return v * v / 2 })
		},
		func(_, f []float64) float64 { return mean(f, func(v float64) float64 { return (v - 1) * (v - 1) / 2 }) },
	},
	"hinge": {
		func(r, f []float64) float64 {
			return mean(r, func(v float64) float64 { return math.Max(0, 1-v) }) + mean(f, func(v float64) float64 { return math.Max(0, 1+v) })
		},
		func(_, f []float64) float64 { return -mean(f, func(v float64) float64 { return v }) },
	},
	"wgan": {
		func(r, f []float64) float64 {
			return -mean(r, func(v float64) float64 { return v }) + mean(f, func(v float64) float64 { return v })
		},
		func(_, f []float64) float64 { return -mean(f, func(v float64) float64 { return v }) },
	},
}

// bceRef is the value function's D side: −[log D(x) + log(1 − D(G(z)))].
func bceRef(r, f []float64) float64 {
	return mean(r, func(v float64) float64 { return -math.Log(sigma(v)) }) + mean(f, func(v float64) float64 { return -math.Log(1 - sigma(v)) })
}

func sigma(v float64) float64 { return 1 / (1 + math.Exp(-v)) }

func mean(x []float64, f func(float64) float64) float64 {
	var s float64
	for _, v := range x {
		s += f(v)
	}
	return s / float64(len(x))
}

// Every loss's value and gradient against the float64 reference (its
// gradient by central differences with a step of 1e-6, exact to about
// 1e-10). The losses sum in float64 and compute each gradient in float32:
// measured (natively and in WASM alike), values agree to 2.2e-16 and
// gradients, of size about 1/7 here, to 2.5e-8; the tolerances leave
// roughly ten times that: a gradient off by a few parts in a million fails.
func TestLossGradients(t *testing.T) {
	const (
		valueTol    = 2e-15
		gradientTol = 2e-7
	)
	r := rng.New(3)
	for _, name := range []string{"minimax", "nonsat", "lsgan", "hinge", "wgan"} {
		ref := lossRef64[name]
		l, err := NewLoss(name)
		if err != nil {
			t.Fatal(err)
		}
		real, fake := make([]float32, 7), make([]float32, 7)
		for i := range real {
			real[i], fake[i] = float32(2*r.Normal()), float32(2*r.Normal())
			for math.Abs(math.Abs(float64(real[i]))-1) < 0.05 || math.Abs(math.Abs(float64(fake[i]))-1) < 0.05 {
				real[i], fake[i] = float32(2*r.Normal()), float32(2*r.Normal()) // off the hinge kinks
			}
		}
		r64, f64 := widen(real), widen(fake)
		gr, gf, gg := make([]float32, 7), make([]float32, 7), make([]float32, 7)
		if got, want := l.D(real, fake, gr, gf), ref.d(r64, f64); math.Abs(got-want) > valueTol*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: D loss %v, float64 reference %v", name, got, want)
		}
		if got, want := l.G(fake, gg), ref.g(r64, f64); math.Abs(got-want) > valueTol*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: G loss %v, float64 reference %v", name, got, want)
		}
		const h = 1e-6
		num := func(v []float64, i int, f func(r, f []float64) float64) float64 {
			old := v[i]
			v[i] = old + h
			p := f(r64, f64)
			v[i] = old - h
			m := f(r64, f64)
			v[i] = old
			return (p - m) / (2 * h)
		}
		for i := range real {
			for _, c := range []struct {
				what string
				n    float64
				a    float32
			}{{"D/dreal", num(r64, i, ref.d), gr[i]}, {"D/dfake", num(f64, i, ref.d), gf[i]}, {"G/dfake", num(f64, i, ref.g), gg[i]}} {
				if math.Abs(c.n-float64(c.a)) > gradientTol {
					t.Errorf("%s %s[%d]: analytic %v, float64 reference %v", name, c.what, i, c.a, c.n)
				}
			}
		}
	}
	if _, err := NewLoss("x"); err == nil {
		t.Fatal("unknown loss accepted")
	}
}

func widen(v []float32) []float64 {
	w := make([]float64, len(v))
	for i, x := range v {
		w[i] = float64(x)
	}
	return w
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
