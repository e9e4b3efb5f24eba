package ui

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
)

func TestParseFragment(t *testing.T) {
	rc, run, err := ParseFragment("#data=grid25&loss=lsgan&run=1&steps=200")
	if err != nil || !run || rc.Data != "grid25" || rc.Loss != "lsgan" || rc.Steps != 200 {
		t.Fatalf("%+v %v %v", rc, run, err)
	}
	if Fragment(rc) != "data=grid25&steps=200&loss=lsgan" {
		t.Fatalf("fragment %q", Fragment(rc))
	}
	rc, run, err = ParseFragment("#data=nope&run=1")
	if err == nil || run || rc.Data != "ring8" {
		t.Fatalf("bad fragment: %+v %v %v", rc.Data, run, err)
	}
	if _, run, err := ParseFragment(""); err != nil || run {
		t.Fatal("empty fragment", err)
	}
}

func TestFields(t *testing.T) {
	byName := map[string]field{}
	for _, f := range fields() {
		byName[f.Name] = f
	}
	if f := byName["loss"]; len(f.Options) != 5 || f.Options[0] != "nonsat" {
		t.Fatalf("loss options %v", f.Options)
	}
	if f := byName["lrg"]; !f.Live || f.Options != nil {
		t.Fatalf("lrg %+v", f)
	}
	if _, ok := byName["data"]; ok {
		t.Fatal("data has its own picker")
	}
}

func TestHistoryThins(t *testing.T) {
	var h history
	for s := 1; s <= 5000; s++ {
		h.add(&protocol.Report{Run: 1, Step: s, History: []protocol.Point{{Step: s}}, ModesTotal: 8})
	}
	if len(h.points) >= maxHistory || len(h.points) < maxHistory/4 || len(h.modes) >= maxHistory {
		t.Fatalf("%d points, %d modes", len(h.points), len(h.modes))
	}
	h.add(&protocol.Report{Run: 2, History: []protocol.Point{{Step: 1}}})
	if len(h.points) != 1 || h.run != 2 {
		t.Fatal("a new run must restart the history")
	}
}

func TestPresets(t *testing.T) {
	seen := map[string]bool{}
	for i, pr := range Presets {
		rc, err := recipe.Parse(pr.Recipe)
		if err != nil {
			t.Fatalf("preset %q: %v", pr.Name, err)
		}
		if seen[rc.String()] {
			t.Fatalf("preset %q repeats another", pr.Name)
		}
		seen[rc.String()] = true
		if got := presetIndex(rc); got != i {
			t.Errorf("presetIndex(%q) = %d, want %d", pr.Name, got, i)
		}
	}
	if ring8, err := recipe.ForData("ring8"); err != nil || presetIndex(ring8) != 0 {
		t.Errorf("the first preset is not the ring's default recipe (%v)", err)
	}
	if rc, _ := recipe.Parse(Presets[1].Recipe); rc.Pack != 1 {
		t.Error("the vanilla preset packs")
	}
	if rc, _ := recipe.Parse(Presets[2].Recipe); rc.Data != "mnist" || rc.Z != 100 || rc.DAct != "maxout" || rc.Opt != "sgd" {
		t.Errorf("paper preset %+v", rc)
	}
	mnist, _ := recipe.ForData("mnist")
	if rc, _ := recipe.Parse(Presets[3].Recipe); rc.Get("digits") != "37" || rc.Diff(mnist, "digits") != nil {
		t.Errorf("the two-digit preset is not MNIST's one-click recipe on 3 and 7: %v", rc.Diff(mnist, "digits"))
	}
}

// The estimate's samples × images stays near the ten-digit cost; one
// digit gets the full protocol's sample count.
func TestEvalSamples(t *testing.T) {
	for digits, want := range map[int]int{0: 2000, 10: 2000, 5: 4000, 3: 6666, 2: 10000, 1: 10000} {
		if got := evalSamples(digits); got != want {
			t.Errorf("evalSamples(%d) = %d, want %d", digits, got, want)
		}
	}
}
