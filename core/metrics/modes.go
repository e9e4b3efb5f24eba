package metrics

import (
	"math"

	"github.com/ganplayground/ganplayground/core/data"
)

// Modes is the mode-coverage report of the unrolled-GAN/PacGAN papers.
type Modes struct {
	HQ     float64 `json:"hq"`          // fraction of samples within 3 std of their nearest mode
	Hit    int     `json:"modes"`       // modes with at least one high-quality sample
	Total  int     `json:"modes_total"` // modes of the mixture
	KL     float64 `json:"mode_kl"`     // KL(histogram of HQ samples over modes ‖ uniform)
	Counts []int   `json:"-"`           // HQ samples per mode
}

// ModeCoverage scores samples (n×2) against a mixture's modes.
func ModeCoverage(m *data.Mixture, samples []float32) Modes {
	n := len(samples) / 2
	r := Modes{Total: len(m.Means), Counts: make([]int, len(m.Means))}
	lim := 3 * m.Std
	hq := 0
	for i := 0; i < n; i++ {
		x, y := float64(samples[2*i]), float64(samples[2*i+1])
		best, bi := math.Inf(1), -1
		for k, c := range m.Means {
			if d := math.Hypot(x-c[0], y-c[1]); d < best {
				best, bi = d, k
			}
		}
		if best <= lim {
			hq++
			r.Counts[bi]++
		}
	}
	if n > 0 {
		r.HQ = float64(hq) / float64(n)
	}
	for _, c := range r.Counts {
		if c > 0 {
			r.Hit++
			p := float64(c) / float64(hq)
			r.KL += p * math.Log(p*float64(r.Total))
		}
	}
	if hq == 0 {
		r.KL = math.Log(float64(r.Total)) // nothing covered: report the worst finite value, not NaN
	}
	return r
}
