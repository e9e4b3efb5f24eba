package data

import (
	"math"

	"github.com/ganplayground/ganplayground/core/rng"
)

// Mixture is an equal-weight mixture of isotropic 2-D Gaussians. Its modes
// are known, which is what the mode-coverage metrics need.
type Mixture struct {
	Means [][2]float64
	Std   float64
}

// Ring8 is 8 Gaussians on a circle of radius 2, std 0.02 (the
// unrolled-GAN / PacGAN benchmark).
func Ring8() *Mixture {
	m := &Mixture{Std: 0.02}
	for i := 0; i < 8; i++ {
		a := 2 * math.Pi * float64(i) / 8
		m.Means = append(m.Means, [2]float64{2 * math.Cos(a), 2 * math.Sin(a)})
	}
	return m
}

// Grid25 is 25 Gaussians at {−4,−2,0,2,4}², std 0.05.
func Grid25() *Mixture {
	m := &Mixture{Std: 0.05}
	for i := -2; i <= 2; i++ {
		for j := -2; j <= 2; j++ {
			m.Means = append(m.Means, [2]float64{2 * float64(i), 2 * float64(j)})
		}
	}
	return m
}

// CustomStd is the spread around each hand-drawn point.
const CustomStd = 0.05

// Custom is a mixture centred on hand-drawn points (x0,y0,x1,y1,…).
func Custom(points []float32) *Mixture {
	m := &Mixture{Std: CustomStd}
	for i := 0; i+1 < len(points); i += 2 {
		m.Means = append(m.Means, [2]float64{float64(points[i]), float64(points[i+1])})
	}
	return m
}

func (m *Mixture) Dim() int { return 2 }

func (m *Mixture) Sample(r *rng.RNG, out []float32, n int) {
	for i := 0; i < n; i++ {
		c := m.Means[r.IntN(len(m.Means))]
		out[2*i] = float32(c[0] + r.Normal()*m.Std)
		out[2*i+1] = float32(c[1] + r.Normal()*m.Std)
	}
}

// Density is p(x, y) of the mixture.
func (m *Mixture) Density(x, y float64) float64 {
	s2 := m.Std * m.Std
	var p float64
	for _, c := range m.Means {
		dx, dy := x-c[0], y-c[1]
		p += math.Exp(-(dx*dx + dy*dy) / (2 * s2))
	}
	return p / (float64(len(m.Means)) * 2 * math.Pi * s2)
}
