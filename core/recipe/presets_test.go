package recipe

import (
	"errors"
	"testing"
)

// Every preset parses, and its canonical form parses back to it.
func TestPresetsParse(t *testing.T) {
	for _, name := range PresetNames() {
		r, err := Preset(name, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		back, err := Parse(r.String())
		if err != nil || back.Full() != r.Full() {
			t.Errorf("%s: round trip %q: %v", name, r.String(), err)
		}
	}
}

func TestPaperMNIST(t *testing.T) {
	r, err := Preset("paper-mnist", "steps=100&seed=7")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"data": "mnist", "z": "100", "prior": "uniform", "g": "1200,1200", "gact": "relu",
		"d": "240,240", "dact": "maxout", "pieces": "5", "ddropin": "0.2", "ddrop": "0.5",
		"opt": "sgd", "lrg": "0.1", "lrd": "0.1", "decay": "1.000004", "lrmin": "1e-06",
		"mom": "0.5", "momend": "0.7", "momramp": "125000", "batch": "100", "k": "1",
		"pack": "1", "steps": "100", "seed": "7",
	}
	for k, v := range want {
		if got := r.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if _, err := Preset("nope", ""); !errors.Is(err, ErrRecipe) {
		t.Errorf("unknown preset: %v", err)
	}
	if _, err := Preset("paper-mnist", "z=0"); err == nil {
		t.Error("z=0 on top of a preset: want an error")
	}
}
