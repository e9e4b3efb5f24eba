package recipe

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultRoundTrip(t *testing.T) {
	r := Default()
	if r.String() != "" {
		t.Fatalf("default encodes as %q, want empty", r.String())
	}
	for _, s := range []string{Default().Full(), r.String()} {
		p, err := Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(p, r) {
			t.Fatalf("Parse(%q) = %+v", s, p)
		}
	}
}

func TestParseValid(t *testing.T) {
	s := "#data=mnist&digits=8,3,3,5&seed=7&g=1200,1200&gact=relu&dact=maxout&pieces=5&ddrop=0.5&ddropin=0.2&opt=sgd&lrg=0.1&lrd=0.1&mom=0.5&momend=0.7&momramp=100000&decay=1.000004&batch=100&z=100&prior=uniform&loss=minimax&k=1"
	r, err := Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Digits, []int{3, 5, 8}) || r.Data != "mnist" || r.Decay != 1.000004 || r.G[1] != 1200 {
		t.Fatalf("parsed %+v", r)
	}
	r2, err := Parse(r.String())
	if err != nil || !reflect.DeepEqual(r, r2) {
		t.Fatalf("round trip: %v %+v", err, r2)
	}
	if r.String() != strings.Join([]string{"data=mnist", "digits=358", "seed=7", "batch=100", "z=100", "prior=uniform", "g=1200,1200", "dact=maxout", "ddrop=0.5", "ddropin=0.2", "loss=minimax", "opt=sgd", "lrg=0.1", "lrd=0.1", "momramp=100000", "decay=1.000004"}, "&") {
		t.Fatalf("canonical form %q", r.String())
	}
}

func TestCustomPoints(t *testing.T) {
	r, err := Parse("data=custom&points=0.12345,-1;2,3.5")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Get("points"); got != "0.123,-1;2,3.5" {
		t.Fatalf("points encode as %q", got)
	}
	r2, _ := Parse(r.String())
	if !reflect.DeepEqual(r.Points, r2.Points) {
		t.Fatal("points do not round-trip")
	}
}

func TestBadRecipes(t *testing.T) {
	cases := map[string]string{
		"foo=1":                       "foo",
		"data=cifar":                  "data",
		"lrg=NaN":                     "lrg",
		"lrg=Inf":                     "lrg",
		"lrd=-1":                      "lrd",
		"batch=0":                     "batch",
		"batch=1e9":                   "batch",
		"g=":                          "g",
		"g=64,,64":                    "g",
		"d=1,2,3,4,5,6,7,8,9":         "d",
		"g=4096,4096,4096":            "g",
		"digits=abc":                  "digits",
		"data=mnist&digits=":          "digits",
		"data=custom":                 "points",
		"points=1,NaN":                "points",
		"points=1":                    "points",
		"points=99,0":                 "points",
		"seed=-3":                     "seed",
		"k=0":                         "k",
		"batch=10&pack=3":             "pack",
		"seed=1&seed=2":               "seed",
		"steps":                       "steps",
		"loss=wasserstein":            "loss",
		"mom=1":                       "mom",
		"data=ring8&z=2000":           "z",
		strings.Repeat("a", MaxLen+1): "",
	}
	for s, key := range cases {
		_, err := Parse(s)
		var re *Error
		if !errors.As(err, &re) || !errors.Is(err, ErrRecipe) {
			t.Errorf("Parse(%.40q): err %v, want a recipe error", s, err)
			continue
		}
		if re.Key != key {
			t.Errorf("Parse(%.40q): error names %q, want %q (%v)", s, re.Key, key, err)
		}
	}
}

func TestDiffAndSet(t *testing.T) {
	a, _ := Parse("seed=3&steps=600")
	b, _ := Parse("seed=3&steps=1200&lrg=0.01")
	if d := a.Diff(b, "steps"); !reflect.DeepEqual(d, []string{"lrg"}) {
		t.Fatalf("diff %v", d)
	}
	if err := a.Set("lrg", "0.5"); err != nil || a.LRG != 0.5 {
		t.Fatal(err)
	}
	if err := a.Set("lrg", "x"); err == nil || a.LRG != 0.5 {
		t.Fatal("bad Set changed the recipe")
	}
}

func FuzzParse(f *testing.F) {
	f.Add("data=mnist&digits=358")
	f.Add("data=custom&points=1,2;3,4")
	f.Add(Default().Full())
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err != nil {
			return
		}
		r2, err := Parse(r.String())
		if err != nil {
			t.Fatalf("canonical form %q of %q does not parse: %v", r.String(), s, err)
		}
		if r2.String() != r.String() {
			t.Fatalf("not canonical: %q vs %q", r.String(), r2.String())
		}
	})
}
