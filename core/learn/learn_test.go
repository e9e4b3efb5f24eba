//go:build !race

package learn

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// Each 2-D data set's one-click recipe must meet its target (Targets: the
// figures docs/time-to-learn.md promises) within its own step limit, on
// seeds of the time-to-learn table, none of which any recipe was tuned
// on. A run stops at the first scored step that meets the target, so a
// passing check trains only as far as the recipe needs. Runs are
// deterministic: a failure means the recipe, or the maths under it,
// stopped learning. The seeds train in parallel (one per core). Natively
// only (the WebAssembly build is proven identical by the golden
// fingerprints) and not under -race, which makes training 10× slower.
func learns(t *testing.T, data string, seeds ...uint64) {
	if testing.Short() || runtime.GOOS == "js" {
		t.Skip("trains default runs")
	}
	t.Parallel() // with every other learning check (collapse_test.go)
	for _, seed := range seeds {
		t.Run("seed"+strconv.FormatUint(seed, 10), func(t *testing.T) {
			t.Parallel()
			rc, err := recipe.ForData(data)
			if err != nil {
				t.Fatal(err)
			}
			rc.Seed = seed
			res, err := StepsTo(rc, 50, 0, nil)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s seed %d: %s (met %v; %.1f s)", data, seed, res.Last, res.Reached, res.Seconds)
			if !res.Reached {
				t.Errorf("%s seed %d: %s; want %s by the step limit %d", data, seed, res.Last, Targets[data].Text, rc.Steps)
			}
		})
	}
}

func TestRing8DefaultLearns(t *testing.T)  { learns(t, "ring8", 2, 3) }
func TestGrid25DefaultLearns(t *testing.T) { learns(t, "grid25", 2, 3) }
func TestMoonsDefaultLearns(t *testing.T)  { learns(t, "moons", 2, 3) }
func TestSpiralDefaultLearns(t *testing.T) { learns(t, "spiral", 2, 3) }
