//go:build !(js && wasm)

package main

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
	mod, err := os.ReadFile("../go.mod")
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
}

func TestEvalJSD(t *testing.T) {
	file := tmp(t, "a.ckpt")
	trainTo(t, file, small+"&steps=5")
	var r evalResult
	mustRun(t, &r, "eval", file)
	if r.JSD == nil || *r.JSD < 0 || *r.JSD > math.Ln2 {
		t.Fatalf("jsd %v", r.JSD)
	}
}

func TestMNISTDirErrors(t *testing.T) {
	code, _, errs := cli("train", "-quiet", "-mnist", t.TempDir(), "-recipe", "data=mnist&steps=1", "-o", tmp(t, "x.ckpt"))
	if code == 0 || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "MNIST") {
		t.Fatalf("exit %d, %q", code, errs)
	}
}
