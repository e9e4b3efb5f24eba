//go:build !(js && wasm)

package cli

import (
	"bytes"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The CLI trains exactly what the recipe says: same fingerprint as the
// trainer driven directly.
func TestTrainMatchesTrainer(t *testing.T) {
	res := trainTo(t, tmp(t, "a.ckpt"), small+"&steps=40")
	// train -recipe starts a new run: the data set's default under the text
	// (ring8's makes k D steps per G step).
	rc, _ := recipe.ParseNew(small + "&steps=40")
	if res.Step != 40 || res.DSteps != 40*rc.K || res.Seconds <= 0 || res.StepsPerSec <= 0 {
		t.Fatalf("result %+v (k=%d)", res, rc.K)
	}
	src, _ := data.New(rc, nil)
	tr, _ := gan.New(rc, src)
	for !tr.Done() {
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	if res.Fingerprint != tr.Fingerprint() || res.GLoss != tr.Stats.GLoss {
		t.Fatalf("CLI %s, trainer %s", res.Fingerprint, tr.Fingerprint())
	}
}

func TestTrainShowsProgress(t *testing.T) {
	code, _, errs := cli("train", "-recipe", small+"&steps=5", "-o", tmp(t, "a.ckpt"))
	if code != 0 || !strings.Contains(errs, "5/5") || !strings.HasSuffix(errs, "\n") {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
}

// -from continues a run: steps counts from its start, so 30 + (60 − 30)
// equals 60 uninterrupted, whether or not the other keys are restated
// (lrg 0.005 is ring8's default, written another way).
func TestFromContinuesBitIdentically(t *testing.T) {
	wholeFile := tmp(t, "whole.ckpt")
	whole := trainTo(t, wholeFile, small+"&steps=60")
	half := tmp(t, "half.ckpt")
	trainTo(t, half, small+"&steps=30")
	for _, again := range []string{"steps=60", small + "&steps=60", "#lrg=0.0050&steps=60"} {
		res := trainTo(t, tmp(t, "rest.ckpt"), again, "-from", half)
		if res.Fingerprint != whole.Fingerprint || res.Step != 60 {
			t.Errorf("-recipe %q: continued to %s at %d, uninterrupted %s", again, res.Fingerprint, res.Step, whole.Fingerprint)
		}
	}
	// The sampling temperature may change too: training never reads it.
	warm := tmp(t, "warm.ckpt")
	if res := trainTo(t, warm, "steps=60&temp=0.7", "-from", half); res.Fingerprint != whole.Fingerprint {
		t.Errorf("temp=0.7: continued to %s, uninterrupted %s", res.Fingerprint, whole.Fingerprint)
	}
	if tr, err := loadCheckpoint(warm); err != nil {
		t.Error(err)
	} else if tr.Recipe.Temp != 0.7 {
		t.Errorf("the continued run's checkpoint has temp %v, want 0.7", tr.Recipe.Temp)
	}
	// gavg may open its averaging window at or after the checkpoint's
	// step: the result is the run that had it from the start.
	// The average never feeds back, so G and D are the run without it.
	avg, avg2 := tmp(t, "avg.ckpt"), tmp(t, "avg2.ckpt")
	trainTo(t, avg, small+"&steps=60&gavg=30")
	if res := trainTo(t, avg2, "steps=60&gavg=30", "-from", half); res.Fingerprint != whole.Fingerprint {
		t.Errorf("gavg=30 from step 30: G and D %s, without gavg %s", res.Fingerprint, whole.Fingerprint)
	}
	if a, b, w := samplerPrint(t, avg), samplerPrint(t, avg2), samplerPrint(t, wholeFile); a != b || a == w {
		t.Errorf("gavg=30: sampler from step 30 %s, from the start %s, without gavg %s", b, a, w)
	}
	// Continuing in place: -o may be the -from file.
	res := trainTo(t, half, "steps=60", "-from", half)
	if res.Fingerprint != whole.Fingerprint {
		t.Errorf("in place: %s, want %s", res.Fingerprint, whole.Fingerprint)
	}
}

// samplerPrint is the fingerprint of what a checkpoint draws samples from.
func samplerPrint(t *testing.T, file string) string {
	t.Helper()
	tr, err := loadCheckpoint(file)
	if err != nil {
		t.Fatal(err)
	}
	return gan.Fingerprint(tr.Sampler(), tr.D)
}

func TestFromRefusesOtherSettings(t *testing.T) {
	half := tmp(t, "half.ckpt")
	trainTo(t, half, small+"&steps=10")
	cases := []struct{ recipe, key string }{
		{"lrg=0.01&steps=20", "lrg=0.01 (checkpoint has lrg=0.005)"},
		{"g=32,32", "g=32,32 (checkpoint has g=16,16)"},
		{"seed=4&batch=64", "seed=4 (checkpoint has seed=3), batch=64"},
		{"data=grid25", "data=grid25"},
		{"gavg=5&steps=20", "gavg=5: this run is at step 10"},
	}
	for _, c := range cases {
		code, out, errs := cli("train", "-quiet", "-recipe", c.recipe, "-from", half, "-o", tmp(t, "x.ckpt"))
		if code == 0 || out != "" || !strings.Contains(errs, c.key) || strings.Count(errs, "\n") != 1 {
			t.Errorf("-recipe %q: exit %d, stderr %q, want one line naming %q", c.recipe, code, errs, c.key)
		}
	}
}

// A run that diverges fails, and leaves the last good checkpoint alone:
// an older file stays byte for byte; with -every, the last finite save.
func TestDivergenceKeepsLastGood(t *testing.T) {
	const wild = "batch=16&g=8&d=8&steps=300&opt=sgd&lrg=10&lrd=10&mom=0.99"
	out := tmp(t, "good.ckpt")
	trainTo(t, out, small+"&steps=5")
	before, _ := os.ReadFile(out)
	code, _, errs := cli("train", "-quiet", "-recipe", wild, "-o", out)
	after, _ := os.ReadFile(out)
	if code == 0 || !strings.Contains(errs, "diverged") || !strings.Contains(errs, "not written") || !bytes.Equal(before, after) {
		t.Fatalf("exit %d, stderr %q, file changed: %v", code, errs, !bytes.Equal(before, after))
	}

	code, _, errs = cli("train", "-quiet", "-every", "1", "-recipe", wild, "-o", out)
	m := regexp.MustCompile(`keeps step (\d+)`).FindStringSubmatch(errs)
	if code == 0 || m == nil {
		t.Fatalf("with -every 1: exit %d, stderr %q", code, errs)
	}
	var ev evalResult
	mustRun(t, &ev, "eval", out)
	if kept, _ := strconv.Atoi(m[1]); ev.Step == 0 || ev.Step != kept {
		t.Fatalf("kept file is at step %d, error says %s", ev.Step, m[1])
	}
}

// Every temporary file is gone after a run, whatever happened.
func TestNoTemporaryFilesLeft(t *testing.T) {
	dir := t.TempDir()
	trainTo(t, dir+"/a.ckpt", small+"&steps=3")
	cli("train", "-quiet", "-recipe", "batch=16&g=8&d=8&steps=300&opt=sgd&lrg=10&lrd=10&mom=0.99", "-o", dir+"/b.ckpt")
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "a.ckpt" {
		t.Fatalf("folder holds %v", entries)
	}
}
