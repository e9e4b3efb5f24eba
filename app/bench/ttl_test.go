//go:build !(js && wasm)

package main

import (
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/app/bench/measure"
	"github.com/ganplayground/ganplayground/app/ui"
	"github.com/ganplayground/ganplayground/core/learn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The page trains what its address says over the data set's one-click
// recipe: every workload's fragment must bring the page to exactly the
// workload's recipe (with no step limit), which the workload's own text
// does not (W1's text would train ring8's defaults with W1's layers).
func TestPageFragmentTrainsTheWorkloadsRecipe(t *testing.T) {
	for _, w := range append(append(measure.Workloads, workersWorkload), dataWorkloads()...) {
		frag, want, err := pageFragment(w.Recipe)
		if err != nil {
			t.Fatal(err)
		}
		rc, run, err := ui.ParseFragment(frag)
		if err != nil || !run {
			t.Fatalf("%s: #%s: run %v, %v", w.Name, frag, run, err)
		}
		if rc.String() != want || rc.Steps != 0 {
			t.Errorf("%s: the page at #%s trains %q, want %q", w.Name, frag, rc.String(), want)
		}
	}
	naive, _, _ := ui.ParseFragment(measure.Workloads[0].Recipe)
	exact, _ := recipe.Parse(measure.Workloads[0].Recipe)
	if naive.String() == exact.String() {
		t.Error("W1's own text now trains W1 in the page: pageFragment is no longer needed")
	}
}

// The page's readout, as the page writes it, against the targets.
func TestReadoutMeetsTargets(t *testing.T) {
	for _, c := range []struct {
		data, text string
		met        bool
	}{
		{"ring8", "8/8 modes, 95% high-quality, KL 0.012, JSD 0.031", true},
		{"ring8", "8/8 modes, 94% high-quality, KL 0.012, JSD 0.031", false},
		{"ring8", "7/8 modes, 99% high-quality, KL 0.200, JSD 0.031", false},
		{"grid25", "25/25 modes, 90% high-quality, KL 0.050, JSD 0.090", true},
		{"moons", "JSD 0.048", true},
		{"spiral", "JSD 0.051", false},
		{"moons", "", false},
	} {
		sc, ok := readout(c.text)
		if got := ok && learn.Targets[c.data].Met(sc); got != c.met {
			t.Errorf("%s %q: met %v, want %v (%+v)", c.data, c.text, got, c.met, sc)
		}
	}
}

// The time-to-learn table divides the steps to target by the page's
// median rate, and says where a run stopped short; the page / worker
// ratio pairs windows of the same round (100/110, 90/100, 95/120).
func TestTimeToLearnTable(t *testing.T) {
	res := []workloadResult{
		{W: measure.Workload{Name: "moons"}, Impl: map[string]implResult{"go": windows(110, 100, 120), page: windows(100, 90, 95), native: windows(150)}},
		{W: measure.Workload{Name: "ring8"}, Impl: map[string]implResult{"go": windows(200), page: windows(150)}},
	}
	ttl := []ttlResult{
		{Data: "moons", Target: "jsd ≤ 0.05", Result: learn.Result{Reached: true, Steps: 650}},
		{Data: "ring8", Target: "8/8 modes, hq ≥ 0.95", Result: learn.Result{Steps: 3000, Last: learn.Score{Step: 3000, Modes: 8, ModesTotal: 8, HQ: 0.927, JSD: 0.0173}}},
	}
	var b strings.Builder
	printTTL(&b, res, ttl, []pageTTL{{Data: "ring8", Step: 3000, Sec: 21.5, Readout: "8/8 modes, 93% high-quality"}})
	out := b.String()
	for _, want := range []string{
		"| moons | 110 [100–120] | 95.0 [90.0–100] | 150 [150–150] | 0.90× |",
		"| moons | jsd ≤ 0.05 | 650 | 95.0 | 6.8 |",
		"| ring8 | 8/8 modes, hq ≥ 0.95 | not by 3000 (step 3000: 8/8 modes, hq 0.927, jsd 0.0173) | 150 | — (its 3000 steps: 20.0) |",
		"target not shown by step 3000, where the run stopped 21.5 s after the first step",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
}
