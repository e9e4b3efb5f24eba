//go:build !race

package learn

import (
	"runtime"
	"testing"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// Each 2-D data set's one-click recipe, on a seed of the time-to-learn
// table (none was used to tune it), trained until it meets its target or
// reaches its step limit, must score at least `floor`: the target where
// the recipe meets it, else a little below what it measured
// (docs/time-to-learn.md). Runs are deterministic, so a failure means the
// recipe, or the maths under it, stopped learning. Natively only (the
// WebAssembly build is proven identical by the golden fingerprints) and
// not under -race, which makes training 10× slower.
func learns(t *testing.T, data string, seed uint64, floor string, ok func(Score) bool) {
	if testing.Short() || runtime.GOOS == "js" {
		t.Skip("trains a default run")
	}
	rc, err := recipe.ForData(data)
	if err != nil {
		t.Fatal(err)
	}
	rc.Seed = seed
	res, err := StepsTo(rc, 50, 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s seed %d: %s (target %s: met %v; %.1f s)", data, seed, res.Last, Targets[data].Text, res.Reached, res.Seconds)
	if !ok(res.Last) {
		t.Errorf("%s seed %d: %s; want %s by the step limit %d", data, seed, res.Last, floor, rc.Steps)
	}
}

func TestRing8DefaultLearns(t *testing.T) {
	learns(t, "ring8", 2, "8/8 modes, hq ≥ 0.90", func(s Score) bool { return s.Modes == 8 && s.HQ >= 0.90 })
}

func TestMoonsDefaultLearns(t *testing.T) {
	learns(t, "moons", 2, Targets["moons"].Text, Targets["moons"].Met)
}

func TestSpiralDefaultLearns(t *testing.T) {
	learns(t, "spiral", 2, Targets["spiral"].Text, Targets["spiral"].Met)
}
