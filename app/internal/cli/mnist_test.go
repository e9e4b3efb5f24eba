//go:build !(js && wasm)

package cli

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/data"
)

func TestMNISTVersionMatchesGoMod(t *testing.T) {
	mod, err := os.ReadFile("../../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mod), mnistModule+" "+mnistVersion) {
		t.Fatalf("go.mod does not require %s %s", mnistModule, mnistVersion)
	}
}

// needMNIST skips where the MNIST files are not in the module cache (the
// data package's tests fail there instead), and under -short.
func needMNIST(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("MNIST: skipped with -short")
	}
	if _, err := mnistDir(""); err != nil {
		t.Skip(err)
	}
}

func TestMNISTAssetsAndTraining(t *testing.T) {
	needMNIST(t)
	dir := t.TempDir()
	mustRun(t, nil, "mnist-assets", "-o", dir)
	f, err := os.Open(filepath.Join(dir, mnistAsset))
	if err != nil {
		t.Fatal(err)
	}
	m, err := data.DecodeAsset(f)
	f.Close()
	if err != nil || m.Len() != data.TrainLen {
		t.Fatalf("asset: %v, %d images", err, m.Len())
	}
	// The quick evaluation set: held-out images only, none of the 50,000.
	b, err := os.ReadFile(filepath.Join(dir, mnistEvalAsset))
	if err != nil {
		t.Fatal(err)
	}
	ev, err := data.DecodeAsset(bytes.NewReader(b))
	if err != nil || ev.Len() != data.EvalValid+data.EvalTest {
		t.Fatalf("eval asset: %v", err)
	}
	train, _, _ := loadMNIST("")
	if !bytes.Equal(ev.Images[:data.Pixels], train.Images[data.TrainLen*data.Pixels:(data.TrainLen+1)*data.Pixels]) {
		t.Error("the eval asset does not start with the first validation image")
	}
	if c, err := os.ReadFile(filepath.Join(dir, classifierAsset)); err != nil || !bytes.Equal(c, assets.MNISTClassifier) {
		t.Errorf("classifier asset: %v", err)
	}

	file := filepath.Join(dir, "m.ckpt")
	trainTo(t, file, "data=mnist&digits=38&g=32&d=32&z=8&batch=32&steps=5")
	var r evalResult
	mustRun(t, &r, "eval", file)
	if r.ParzenLL == nil || r.ParzenSigma == nil || math.IsNaN(*r.ParzenLL) || r.Samples != parzenSamples || r.Modes != nil || r.JSD != nil {
		t.Fatalf("eval %+v", r)
	}
	if r.Temp != 1 || r.TempChoice != nil {
		t.Fatalf("without -temps: temp %v, choice %v", r.Temp, r.TempChoice)
	}

	// -temps chooses the sampling temperature on the validation images
	// and scores the test at it.
	var rt evalResult
	mustRun(t, &rt, "eval", "-temps", "1,0.3", file)
	if len(rt.TempChoice) != 2 || rt.TempChoice[0].Temp != 1 || rt.TempChoice[1].Temp != 0.3 {
		t.Fatalf("choice %+v", rt.TempChoice)
	}
	best := rt.TempChoice[0]
	if rt.TempChoice[1].ValidLL > best.ValidLL {
		best = rt.TempChoice[1]
	}
	if rt.Temp != best.Temp || rt.TempChoice[0].ValidLL == rt.TempChoice[1].ValidLL {
		t.Fatalf("chose temp %v from %+v", rt.Temp, rt.TempChoice)
	}
	if (best.Temp == 1) != (*rt.ParzenLL == *r.ParzenLL) || (best.Temp != 1) != strings.Contains(rt.Recipe, "temp=0.3") {
		t.Fatalf("scored at temp %v: ll %v (at 1: %v), recipe %s", rt.Temp, *rt.ParzenLL, *r.ParzenLL, rt.Recipe)
	}
	for _, bad := range []string{"0", "x", "1,,2", "3"} {
		if code, _, errs := cli("eval", "-temps", bad, file); code == 0 || !strings.Contains(errs, "-temps") {
			t.Errorf("-temps %q: exit %d, %q", bad, code, errs)
		}
	}
}

func TestEvalJSD(t *testing.T) {
	file := tmp(t, "a.ckpt")
	trainTo(t, file, small+"&steps=5")
	var r evalResult
	mustRun(t, &r, "eval", file)
	if r.JSD == nil || *r.JSD < 0 || *r.JSD > math.Ln2 {
		t.Fatalf("jsd %v", r.JSD)
	}
	if code, _, errs := cli("eval", "-temps", "1,0.8", file); code == 0 || !strings.Contains(errs, "MNIST") {
		t.Errorf("-temps on a 2-D model: exit %d, %q", code, errs)
	}
}

func TestMNISTDirErrors(t *testing.T) {
	code, _, errs := cli("train", "-quiet", "-mnist", t.TempDir(), "-recipe", "data=mnist&steps=1", "-o", tmp(t, "x.ckpt"))
	if code == 0 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "MNIST") {
		t.Fatalf("exit %d, %q", code, errs)
	}
}
