package data

import (
	"math"

	"github.com/ganplayground/ganplayground/core/rng"
)

// Spiral is a noisy two-turn spiral of radius up to 4.
type Spiral struct{}

func (Spiral) Dim() int { return 2 }

func (Spiral) Sample(r *rng.RNG, out []float32, n int) {
	for i := 0; i < n; i++ {
		t := math.Sqrt(r.Float64()) // uniform along the arc, roughly
		a := 4 * math.Pi * t
		rad := 0.3 + 3.7*t
		out[2*i] = float32(rad*math.Cos(a) + 0.08*r.Normal())
		out[2*i+1] = float32(rad*math.Sin(a) + 0.08*r.Normal())
	}
}

// Moons is scikit-learn's two interleaving half circles, centred and
// scaled by 2, noise 0.1.
type Moons struct{}

func (Moons) Dim() int { return 2 }

func (Moons) Sample(r *rng.RNG, out []float32, n int) {
	for i := 0; i < n; i++ {
		a := math.Pi * r.Float64()
		x, y := math.Cos(a), math.Sin(a)
		if r.IntN(2) == 1 {
			x, y = 1-x, 0.5-y
		}
		out[2*i] = float32(2*(x-0.5) + 0.1*r.Normal())
		out[2*i+1] = float32(2*(y-0.25) + 0.1*r.Normal())
	}
}
