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

// The page opened at a native run's data set and seed trains exactly the
// native run's recipe, so its step counter counts the native run's steps.
func TestStepFragmentTrainsTheNativeRecipe(t *testing.T) {
	for _, d := range benchData {
		rc, err := nativeRecipe(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, seed := range []uint64{ttlSeed, 7} {
			rc.Seed = seed
			frag, err := stepFragment(rc.String())
			if err != nil {
				t.Fatal(err)
			}
			got, run, err := ui.ParseFragment(frag)
			if err != nil || !run {
				t.Fatalf("%s: #%s: run %v, %v", d, frag, run, err)
			}
			if got.String() != rc.String() {
				t.Errorf("%s: the page at #%s trains %q, the native run %q", d, frag, got.String(), rc.String())
			}
		}
	}
}

// The native runs train the seed the page trains when its address names
// none (ring8's time in the page opens /#data=ring8&run=1), and MNIST is
// a data workload scored every 250 steps.
func TestNativeRunsTrainThePagesSeed(t *testing.T) {
	for _, d := range benchData {
		page, run, err := ui.ParseFragment("data=" + d + "&run=1")
		if err != nil || !run {
			t.Fatalf("%s: run %v, %v", d, run, err)
		}
		if page.Seed != ttlSeed {
			t.Errorf("%s: the page trains seed %d, the native run %d", d, page.Seed, ttlSeed)
		}
	}
	if !isDataWorkload("mnist") || !isImageData("mnist") || isImageData("ring8") || isDataWorkload("W2") {
		t.Error("mnist is not the image data workload")
	}
	if ttlEvery("mnist") != 250 || ttlEvery("ring8") != 50 {
		t.Errorf("scored every %d (mnist), %d (ring8)", ttlEvery("mnist"), ttlEvery("ring8"))
	}
	if got := strings.Join(ttlOrder(benchData), ","); got != "mnist,"+strings.Join(learn.TableData, ",") {
		t.Errorf("native runs start in the order %s", got)
	}
}

// MNIST's time in the page needs the native run's step: asked for
// without it, the bench stops before it starts, and says why; the
// default's MNIST is skipped then, and -only's choice applies.
func TestPageTTLOfMNISTNeedsTheNativeStep(t *testing.T) {
	both := []string{"ring8", "mnist"}
	for _, c := range []struct {
		cfg           config
		keep, skipped string
		fail          string
	}{
		{cfg: config{pageTTL: both, pageTTLGiven: true}, fail: "-page-ttl mnist needs the native steps to target"},
		{cfg: config{pageTTL: both}, keep: "ring8", skipped: "mnist"},
		{cfg: config{pageTTL: both, ttl: true, pageTTLGiven: true}, keep: "ring8,mnist"},
		{cfg: config{pageTTL: both, ttl: true, only: map[string]bool{"mnist": true}}, keep: "mnist"},
		{cfg: config{pageTTL: both, pageTTLGiven: true, only: map[string]bool{"ring8": true}}, keep: "ring8"},
		{cfg: config{pageTTL: []string{"ring9"}, ttl: true, pageTTLGiven: true}, fail: "no learning target for ring9"},
	} {
		keep, skipped, err := checkPageTTL(c.cfg)
		switch {
		case c.fail != "":
			if err == nil || !strings.Contains(err.Error(), c.fail) {
				t.Errorf("%+v: %v, want %q", c.cfg, err, c.fail)
			}
		case err != nil:
			t.Errorf("%+v: %v", c.cfg, err)
		case strings.Join(keep, ",") != c.keep || strings.Join(skipped, ",") != c.skipped:
			t.Errorf("%+v: keeps %v, skips %v; want %s, %s", c.cfg, keep, skipped, c.keep, c.skipped)
		}
	}
}

// MNIST's row: its target, the seconds over the page's rate, and the time
// measured in the page by its step counter, with the method named; a
// native run short of its target shows the time to its last step only.
func TestTimeToLearnTableMNIST(t *testing.T) {
	res := []workloadResult{
		{W: measure.Workload{Name: "mnist"}, Impl: map[string]implResult{"go": windows(40, 36), page: windows(30, 32), native: windows(45)}},
		{W: measure.Workload{Name: "ring8"}, Impl: map[string]implResult{"go": windows(200), page: windows(150)}},
	}
	ttl := []ttlResult{
		{Data: "mnist", Target: learn.MNISTTarget.Text, Result: learn.Result{Reached: true, Steps: 7250}},
		{Data: "ring8", Target: "8/8 modes, hq ≥ 0.95", Result: learn.Result{Reached: true, Steps: 2400}},
	}
	inPage := []pageTTL{
		{Data: "ring8", Reached: true, Step: 2410, Sec: 17.25, FromNav: 19.5, Readout: "8/8 modes, 95% high-quality"},
		{Data: "mnist", Frag: "data=mnist&seed=1&run=1", Native: 7250, Reached: true, Step: 7262, Sec: 240.5, FromNav: 244},
	}
	var b strings.Builder
	printTTL(&b, res, ttl, inPage)
	out := b.String()
	for _, want := range []string{
		"| mnist | 38.0 [36.0–40.0] | 31.0 [30.0–32.0] | 45.0 [45.0–45.0] | 0.82× |",
		"| mnist | every digit ≥ ½ its share, FD ≤ 10 | 7250 | 31.0 | 233.9 | 240.5 (its step counter to step 7250, the native run's) |",
		"| ring8 | 8/8 modes, hq ≥ 0.95 | 2400 | 150 | 16.0 | 17.2 (its readout, step 2410) |",
		"in the page itself (/#data=mnist&seed=1&run=1, the native run's data set and seed; its step counter polled every 100 ms, which the page shows at most every 200 ms): step 7250, the native run's, first shown as step 7262, 240.5 s after the first step (244.0 s after navigation)",
		"target first shown at step 2410, 17.2 s after the first step",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}

	ttl[0].Result = learn.Result{Steps: 9500, Last: learn.Score{Step: 9500, Digits: 10, DigitsTotal: 10, MinShare: 0.061, FD: 11.5}}
	inPage[1] = pageTTL{Data: "mnist", Native: 9500, Reached: true, Step: 9500, Sec: 320}
	b.Reset()
	printTTL(&b, res, ttl, inPage)
	want := "| mnist | every digit ≥ ½ its share, FD ≤ 10 | not by 9500 (step 9500: 10/10 digits (min share 0.061), fd 11.50) | 31.0 | — (its 9500 steps: 306.5) | — (its step counter to step 9500, where the native run stopped short: 320.0) |"
	if !strings.Contains(b.String(), want) {
		t.Errorf("the table lacks %q:\n%s", want, b.String())
	}
}
