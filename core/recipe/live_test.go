package recipe

import (
	"strings"
	"testing"
)

// The "live" column: the keys a running trainer may take, set as numbers
// with the checks text gets, and refused otherwise with nothing changed.
func TestLiveKeys(t *testing.T) {
	var live, sampling []string
	for _, k := range keys {
		if Live(k.name) {
			live = append(live, k.name)
		}
		if SamplingKey(k.name) {
			sampling = append(sampling, k.name)
		}
	}
	if got := strings.Join(live, ","); got != "steps,lrg,lrd,k,temp" {
		t.Errorf("live keys %s", got)
	}
	if got := strings.Join(sampling, ","); got != "temp" {
		t.Errorf("sampling keys %s", got)
	}

	r := Default()
	for _, c := range []struct {
		key  string
		v    float64
		text string
	}{{"lrg", 0.00031, "0.00031"}, {"k", 4, "4"}, {"steps", 0, "0"}, {"temp", 0.7, "0.7"}} {
		if err := r.SetNumber(c.key, c.v); err != nil {
			t.Fatalf("%s=%v: %v", c.key, c.v, err)
		}
		viaText := Default()
		if err := viaText.Set(c.key, c.text); err != nil {
			t.Fatal(err)
		}
		if got, _ := r.Number(c.key); got != c.v || r.Get(c.key) != viaText.Get(c.key) {
			t.Errorf("%s: number %v, text %q; via text %q", c.key, got, r.Get(c.key), viaText.Get(c.key))
		}
	}
	before := r
	for _, c := range []struct {
		key string
		v   float64
	}{{"k", 2.5}, {"k", 0}, {"lrg", 11}, {"temp", 0.01}, {"data", 1}, {"nope", 1}} {
		if err := r.SetNumber(c.key, c.v); err == nil {
			t.Errorf("%s=%v accepted", c.key, c.v)
		}
	}
	if r.String() != before.String() {
		t.Errorf("a refused value changed the recipe: %q, was %q", r, before)
	}
	if _, ok := r.Number("data"); ok {
		t.Error("data has a number")
	}
}
