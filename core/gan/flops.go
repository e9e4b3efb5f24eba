package gan

import (
	"strings"

	"github.com/ganplayground/ganplayground/core/nn"
)

// StepFLOPs counts the matrix-product work one StepOnce needs, 2·rows·in·out
// per product, the way docs/speed.md does: forward, weight gradient
// and input gradient of every Dense, except what is not needed — the first
// layer's input gradient, and D's weight gradients in the G step. Bias adds,
// activations and the optimiser are left out. It is the dense count: the
// kernels skip zero inputs, so the work done can be less (benchmarks report
// GFLOP/s from this count, which makes them comparable with a dense
// implementation such as TF.js).
func (t *Trainer) StepFLOPs() float64 {
	m, np := float64(t.Recipe.Batch), float64(t.Recipe.Batch/t.Recipe.Pack)
	gAll, gFirst := weightMACs(t.G)
	dAll, dFirst := weightMACs(t.D)
	stepD := m*gAll + 2*np*(dAll+dAll+dAll-dFirst) // G fwd; D fwd, dW, dx on real+fake
	stepG := m*gAll + np*(dAll+dAll) +             // G fwd; D fwd, dx
		m*(gAll+gAll-gFirst) // G dW, dx
	return 2 * (float64(t.Recipe.K)*stepD + stepG)
}

// weightMACs returns Σ in·out over a net's weight matrices (one row's
// multiply-adds per product), and the first layer's share of it.
func weightMACs(n *nn.Net) (all, first float64) {
	for _, p := range n.Params() {
		if strings.HasSuffix(p.Name, ".w") {
			if all == 0 {
				first = float64(p.Rows * p.Cols)
			}
			all += float64(p.Rows * p.Cols)
		}
	}
	return all, first
}
