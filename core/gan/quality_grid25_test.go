//go:build !race

package gan

import (
	"runtime"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The grid25 preset, on seeds it was not tuned on (tuning used seed 21),
// must cover the grid: at least grid25MinModes of 25 modes with hq at least
// grid25MinHQ. Measured at the preset's 10,000 steps: 25/25 on both seeds,
// hq 0.900 (seed 7) and 0.905 (seed 1234) — the target of 0.90 —
// so the floor leaves 0.02 below them for a change that moves a run a
// little without breaking what bias=kinks fixed (with zero biases: 23/25,
// hq 0.13). The two seeds train in parallel (one per core), ≈ 3 minutes;
// natively only and not under -race, like the ring8 check.
const (
	grid25MinModes = 25
	grid25MinHQ    = 0.88
)

func TestGrid25PresetLearnsGrid25(t *testing.T) {
	if testing.Short() || runtime.GOOS == "js" {
		t.Skip("trains two full grid25 runs")
	}
	for _, seed := range []string{"7", "1234"} {
		t.Run("seed"+seed, func(t *testing.T) {
			t.Parallel()
			rc, err := recipe.Preset("grid25", "seed="+seed)
			if err != nil {
				t.Fatal(err)
			}
			src, _ := data.New(rc, nil)
			tr, err := New(rc, src)
			if err != nil {
				t.Fatal(err)
			}
			for !tr.Done() {
				if err := tr.StepOnce(); err != nil {
					t.Fatal(err)
				}
			}
			m := metrics.ModeCoverage(data.Grid25(), tr.Samples(2500, 99))
			t.Logf("seed %s, %d steps: %d/%d modes, hq %.3f, mode_kl %.4f", seed, tr.Step, m.Hit, m.Total, m.HQ, m.KL)
			if m.Hit < grid25MinModes || m.HQ < grid25MinHQ {
				t.Errorf("seed %s: %d/25 modes, hq %.3f; want ≥ %d/25, hq ≥ %.2f", seed, m.Hit, m.HQ, grid25MinModes, grid25MinHQ)
			}
		})
	}
}
