//go:build !(js && wasm)

package cli

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/session"
)

// The classifier scores of eval (core/session's estimate), on a tiny
// MNIST generator and few samples (eval itself scores 10,000;
// TestMNISTAssetsAndTraining runs it whole), against what the classifier
// says of real images.
func TestClassifierScores(t *testing.T) {
	needMNIST(t)
	cls, err := loadClassifier("")
	if err != nil {
		t.Fatal(err)
	}
	train, test, err := loadMNIST("")
	if err != nil {
		t.Fatal(err)
	}
	const n = 500
	// Real images against other real images: every digit, a small FD.
	real, other := test.Slice(0, n).Float32(), test.Slice(n, 2*n).Float32()
	cv, err := classify.DigitCoverage(cls.Predict(real, n), []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	if err != nil {
		t.Fatal(err)
	}
	gr, _ := classify.Fit(cls.Features(real, n), n, cls.FeatureDim())
	gother, _ := classify.Fit(cls.Features(other, n), n, cls.FeatureDim())
	realFD, err := classify.Frechet(gother, gr)
	if err != nil {
		t.Fatal(err)
	}
	if cv.Covered != 10 || cv.Max > 0.2 || cv.Stray != 0 {
		t.Errorf("real images: %+v", cv)
	}
	// A trained-for-nothing generator: far from the data.
	file := filepath.Join(t.TempDir(), "m.ckpt")
	trainTo(t, file, "data=mnist&digits=38&g=32&d=32&z=8&batch=32&steps=2")
	tr, err := loadCheckpoint(file)
	if err != nil {
		t.Fatal(err)
	}
	a := &session.EvalAssets{Valid: train.ValidSplit().Slice(0, 2*n), Test: test.Slice(0, 2*n), Clf: cls}
	j, err := session.NewEvalJob(tr, a, n)
	if err != nil {
		t.Fatal(err)
	}
	r, err := j.Finish()
	if err != nil {
		t.Fatal(err)
	}
	g := quality(r)
	var sum float64
	for _, s := range g.DigitShare {
		sum += s
	}
	if g.DigitsTotal != 2 || len(g.DigitShare) != 10 || math.Abs(sum-1) > 1e-9 || !(g.FDClassifier > 10*realFD) {
		t.Errorf("untrained generator: %+v (real vs real FD %v)", g, realFD)
	}
	if _, err := loadClassifier(file); err == nil {
		t.Error("a checkpoint read as a classifier: want an error")
	}
}

// Every preset prints and parses, and the gallery's recipe files are the
// presets of the same name (the page offers them by that name).
func TestPresetsAndGalleryRecipe(t *testing.T) {
	for _, name := range recipe.PresetNames() {
		var out strings.Builder
		if code := Run([]string{"preset", name}, &out, &out); code != 0 {
			t.Fatalf("preset %s: %s", name, out.String())
		}
		// What preset prints is ready for train -recipe: a new run's
		// recipe that is the preset exactly, data-set defaults and all.
		got, err := recipe.ParseNew(strings.TrimSpace(out.String()))
		want, _ := recipe.Preset(name, "")
		if err != nil || got.Full() != want.Full() {
			t.Errorf("preset %s prints %q: as a new run's recipe %q, %v; want %q", name, out.String(), got.Full(), err, want.Full())
		}
	}
	for _, id := range []string{"grid25", "mnist-all", "mnist-one"} {
		b, err := os.ReadFile("../../../assets/gallery/" + id + ".recipe")
		if err != nil {
			t.Fatal(err)
		}
		got, err := recipe.Parse(strings.TrimSpace(string(b)))
		if err != nil {
			t.Fatal(err)
		}
		want, err := recipe.Preset(id, "")
		if err != nil {
			t.Fatal(err)
		}
		if got.Full() != want.Full() {
			t.Errorf("assets/gallery/%s.recipe\n%s\nis not the %s preset\n%s", id, got, id, want)
		}
	}
}
