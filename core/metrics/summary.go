package metrics

import "github.com/ganplayground/ganplayground/core/data"

// Summary is the evaluation of a generator on a 2-D mixture, as the CLI
// writes it: the mode-coverage fields plus the grid JSD, flat in JSON
// (modes, modes_total, hq, mode_kl, jsd).
type Summary struct {
	Modes
	JSD float64 `json:"jsd"` // nats, 0 (perfect) to ln 2 (disjoint)
}

// Summary2D scores samples (n×2, row-major) against a mixture. To score
// many sample sets against one mixture, keep a JSDRef and call
// ModeCoverage and JSDRef.JSD directly.
func Summary2D(mix *data.Mixture, samples []float32) (Summary, error) {
	js, err := JSD(mix, samples)
	if err != nil {
		return Summary{}, err
	}
	return Summary{Modes: ModeCoverage(mix, samples), JSD: js}, nil
}
