//go:build !race

package learn

import (
	"runtime"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// modesAtLimit trains the preset, with extra keys on top, to its step
// limit and counts the ring's modes hit, as eval counts them.
func modesAtLimit(t *testing.T, preset, extra string) metrics.Modes {
	rc, err := recipe.Preset(preset, extra)
	if err != nil {
		t.Fatal(err)
	}
	src, _ := data.New(rc, nil)
	tr, err := gan.New(rc, src)
	if err != nil {
		t.Fatal(err)
	}
	for !tr.Done() {
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	return metrics.ModeCoverage(data.Ring8(), tr.Samples(EvalSamples, EvalSeed))
}

// The vanilla preset is the collapse the page shows: on seeds it was not
// tuned on (it was on 21, 22 and 5), G covers at most 6 of ring8's 8
// modes at the preset's step limit, and the same recipe with PacGAN's
// pack=2 covers all 8 (measured: 4, 4, 3 of 8 against 8, 8, 8). Six runs
// of 3,000 steps on batches of 64 (about a quarter of the matrix work of
// the batch-256 recipe before it), each its own parallel subtest, in
// parallel with every other learning check (`make test-learning` lets
// them all train at once).
func TestVanillaCollapsesAndPackingCures(t *testing.T) {
	if testing.Short() || runtime.GOOS == "js" {
		t.Skip("trains six short runs")
	}
	t.Parallel()
	for _, seed := range []string{"2", "3", "4"} {
		t.Run("seed"+seed, func(t *testing.T) {
			t.Parallel()
			if m := modesAtLimit(t, "vanilla", "seed="+seed); m.Hit > 6 {
				t.Errorf("seed %s: vanilla covers %d/8 modes (hq %.3f), want at most 6 (a collapse to watch)", seed, m.Hit, m.HQ)
			} else {
				t.Logf("seed %s: vanilla %d/8 modes (hq %.3f)", seed, m.Hit, m.HQ)
			}
		})
		t.Run("seed"+seed+"-pack2", func(t *testing.T) {
			t.Parallel()
			if m := modesAtLimit(t, "vanilla", "seed="+seed+"&pack=2"); m.Hit != 8 {
				t.Errorf("seed %s: vanilla with pack=2 covers %d/8 modes (hq %.3f), want 8", seed, m.Hit, m.HQ)
			} else {
				t.Logf("seed %s: vanilla with pack=2 %d/8 modes (hq %.3f)", seed, m.Hit, m.HQ)
			}
		})
	}
}
