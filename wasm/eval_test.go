package main

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/protocol"
)

const evalRecipe = "data=mnist&digits=17&g=16&d=16&z=8&batch=8&steps=3&seed=2"

// evalSession is a trained MNIST session with the evaluation files.
func evalSession(t *testing.T) *Session {
	t.Helper()
	s := NewSession()
	s.SetMNIST(fakeMNIST(60))
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: evalRecipe, Play: true})
	for s.Training() {
		s.Train(time.Millisecond)
	}
	clf, err := classify.Unmarshal(assets.MNISTClassifier)
	if err != nil {
		t.Fatal(err)
	}
	s.SetEvalAssets(fakeMNIST(data.EvalValid+data.EvalTest), clf, nil)
	return s
}

// The estimate, run in slices, gives exactly the one-call figures of
// core/metrics and core/classify, and leaves the run untouched.
func TestEvalMatchesTheCore(t *testing.T) {
	s := evalSession(t)
	before := s.t.Fingerprint()
	s.Handle(&protocol.Command{Op: protocol.OpEvaluate, N: 300})
	slices := 0
	last := -1.0
	for s.Evaluating() {
		s.EvalSlice(time.Millisecond)
		r := snapshot(t, s)
		if r.Eval.State == protocol.EvalRunning && r.Eval.Progress < last {
			t.Fatalf("progress went back from %v to %v", last, r.Eval.Progress)
		}
		last = r.Eval.Progress
		slices++
	}
	r := snapshot(t, s)
	e := r.Eval
	if e.State != protocol.EvalDone || e.Error != "" || e.Progress != 1 || e.Samples != 300 || e.Tests != data.EvalTest || e.Step != 3 {
		t.Fatalf("eval %+v", e)
	}
	if slices < 10 {
		t.Errorf("the estimate ran in %d slices: too coarse to keep the worker answering", slices)
	}
	if got := s.t.Fingerprint(); got != before {
		t.Error("evaluating changed the weights")
	}

	// The same figures in one call each.
	j := startEval(s.t, s.evalA, 300)
	samples := append([]float32(nil), s.t.Generate(j.z, 300)...)
	px := fakeMNIST(data.EvalValid + data.EvalTest).Float32()
	want, err := metrics.Parzen(samples, px[:data.EvalValid*data.Pixels], px[data.EvalValid*data.Pixels:], data.Pixels, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.ParzenLL != want.LL || e.ParzenSE != want.SE || e.Sigma != want.Sigma {
		t.Errorf("Parzen %v ± %v (σ %v), want %v ± %v (σ %v)", e.ParzenLL, e.ParzenSE, e.Sigma, want.LL, want.SE, want.Sigma)
	}
	clf := s.evalA.clf
	cv, _ := classify.DigitCoverage(clf.Predict(samples, 300), []int{1, 7})
	var sum float64
	for d, v := range e.Shares {
		sum += float64(v)
		if v != float32(cv.Share[d]) {
			t.Errorf("share of %d: %v, want %v", d, v, cv.Share[d])
		}
	}
	if math.Abs(sum-1) > 1e-5 {
		t.Errorf("shares sum to %v", sum)
	}
	gs, _ := classify.Fit(clf.Features(samples, 300), 300, clf.FeatureDim())
	gt, _ := classify.Fit(clf.Features(px[data.EvalValid*data.Pixels:], data.EvalTest), data.EvalTest, clf.FeatureDim())
	if fd, _ := classify.Frechet(gs, gt); math.Abs(e.FD-fd) > 1e-9*max(1, fd) || !(e.FD >= 0) {
		t.Errorf("FD %v, want %v", e.FD, fd)
	}

	// A second estimate reuses the fitted test features and agrees.
	s.Handle(&protocol.Command{Op: protocol.OpEvaluate, N: 300})
	for s.Evaluating() {
		s.EvalSlice(time.Second)
	}
	if again := snapshot(t, s).Eval; again.ParzenLL != e.ParzenLL || again.FD != e.FD {
		t.Errorf("second estimate %+v, first %+v", again, e)
	}
	// A new run forgets it.
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: evalRecipe})
	if got := snapshot(t, s).Eval.State; got != protocol.EvalNone {
		t.Errorf("after a new run the estimate is %v", got)
	}
}

// What cannot be estimated says why, and nothing else changes.
func TestEvalRefusals(t *testing.T) {
	s := NewSession()
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=ring8&steps=2"})
	s.Handle(&protocol.Command{Op: protocol.OpEvaluate})
	if e := snapshot(t, s).Eval; e.State != protocol.EvalFailed || !strings.Contains(e.Error, "MNIST") {
		t.Errorf("ring8: %+v", e)
	}

	s = NewSession()
	s.SetMNIST(fakeMNIST(60))
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: evalRecipe})
	if !s.NeedsEvalAssets(&protocol.Command{Op: protocol.OpEvaluate}) {
		t.Error("an MNIST session without the files does not ask for them")
	}
	s.SetEvalAssets(nil, nil, errors.New("404"))
	s.Handle(&protocol.Command{Op: protocol.OpEvaluate})
	if e := snapshot(t, s).Eval; e.State != protocol.EvalFailed || !strings.Contains(e.Error, "make assets") {
		t.Errorf("missing files: %+v", e)
	}

	s = evalSession(t)
	s.Handle(&protocol.Command{Op: protocol.OpEvaluate, N: evalMaxSamples + 1})
	if e := snapshot(t, s).Eval; e.State != protocol.EvalFailed || !strings.Contains(e.Error, "samples") {
		t.Errorf("too many samples: %+v", e)
	}
	// A diverged generator: named, not scored.
	for _, p := range s.t.G.Params() {
		p.W[0] = float32(math.NaN())
	}
	s.Handle(&protocol.Command{Op: protocol.OpEvaluate, N: 100})
	for s.Evaluating() {
		s.EvalSlice(time.Second)
	}
	if e := snapshot(t, s).Eval; e.State != protocol.EvalFailed || !strings.Contains(e.Error, "diverged") {
		t.Errorf("NaN generator: %+v", e)
	}
}
