//go:build !(js && wasm)

package cli

import (
	"os"
	"testing"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/metrics"
)

func TestTrainThenEvalRing8(t *testing.T) {
	file := tmp(t, "a.ckpt")
	tr := trainTo(t, file, small+"&steps=50")
	var a, b evalResult
	mustRun(t, &a, "eval", file)
	mustRun(t, &b, "eval", file)
	if a.Data != "ring8" || a.Step != 50 || a.Fingerprint != tr.Fingerprint || a.Samples != evalSamples || a.Modes == nil {
		t.Fatalf("eval %+v", a)
	}
	if a.Total != 8 || a.Hit < 0 || a.Hit > 8 || a.HQ < 0 || a.HQ > 1 {
		t.Fatalf("modes %+v", *a.Modes)
	}
	if a.HQ != b.HQ || a.KL != b.KL || a.Hit != b.Hit {
		t.Fatal("two evaluations of one file disagree")
	}
	// The numbers are ModeCoverage's on the fixed sample seed.
	f, _ := os.Open(file)
	defer f.Close()
	m, err := checkpoint.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	want := metrics.ModeCoverage(data.Ring8(), m.Samples(evalSamples, evalSeed))
	if a.HQ != want.HQ || a.Hit != want.Hit || a.KL != want.KL {
		t.Fatalf("eval %+v, ModeCoverage %+v", *a.Modes, want)
	}
}

// Data sets without modes report no mode fields, rather than zeros.
func TestEvalFieldsFollowTheData(t *testing.T) {
	cases := []struct {
		recipe string
		modes  int
	}{
		{"data=grid25", 25},
		{"data=custom&points=1,1;-1,-1;0,2", 3},
		{"data=moons", 0},
	}
	for _, c := range cases {
		file := tmp(t, "a.ckpt")
		trainTo(t, file, "batch=16&g=8&d=8&steps=3&"+c.recipe)
		var r evalResult
		mustRun(t, &r, "eval", file)
		if (r.Modes == nil) != (c.modes == 0) || (r.Modes != nil && r.Total != c.modes) {
			t.Errorf("%s: modes %+v", c.recipe, r.Modes)
		}
	}
}
