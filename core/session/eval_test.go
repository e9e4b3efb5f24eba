package session

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/protocol"
)

const evalRecipe = "data=mnist&digits=17&g=16&d=16&z=8&batch=8&steps=3&seed=2"

func classifier(t *testing.T) *classify.Classifier {
	t.Helper()
	clf, err := classify.Unmarshal(assets.MNISTClassifier)
	if err != nil {
		t.Fatal(err)
	}
	return clf
}

// evalSession is a trained MNIST session with the page's evaluation files.
func evalSession(t *testing.T) *Session {
	t.Helper()
	s := New()
	s.SetMNIST(datatest.RandomMNIST(60))
	s.Init(evalRecipe, true)
	for s.Training() {
		s.Train(time.Millisecond)
	}
	a, err := PageEvalAssets(datatest.RandomMNIST(data.EvalValid+data.EvalTest), classifier(t))
	if err != nil {
		t.Fatal(err)
	}
	s.SetEvalAssets(a, nil)
	return s
}

// The estimate, run in slices between messages, gives the figures of one
// uninterrupted run (what `app eval` does), which are those of the
// one-call definitions in core/metrics and core/classify on the run's
// digits; and it leaves the run untouched.
func TestEvalInSlicesIsTheWholeEstimate(t *testing.T) {
	s := evalSession(t)
	before := s.Trainer().Fingerprint()
	s.Evaluate(300)
	slices := 0
	last := -1.0
	for s.Evaluating() {
		s.EvalSlice(time.Millisecond)
		e := s.EvalReport(nil)
		if e.State == protocol.EvalRunning && e.Progress < last {
			t.Fatalf("progress went back from %v to %v", last, e.Progress)
		}
		last = e.Progress
		slices++
	}
	e := s.EvalReport(nil)
	tests := len(DigitRows(s.evalA.Test, []int{1, 7})) / data.Pixels
	if e.State != protocol.EvalDone || e.Error != "" || e.Progress != 1 || e.Samples != 300 || e.Tests != tests || e.Step != 3 {
		t.Fatalf("eval %+v (want %d tests)", e, tests)
	}
	if slices < 10 {
		t.Errorf("the estimate ran in %d slices: too coarse to keep the worker answering", slices)
	}
	if got := s.Trainer().Fingerprint(); got != before {
		t.Error("evaluating changed the weights")
	}

	// One uninterrupted run of a fresh job (fresh assets: the test
	// features fitted again) gives the same figures, bit for bit.
	a, _ := PageEvalAssets(datatest.RandomMNIST(data.EvalValid+data.EvalTest), classifier(t))
	j, err := NewEvalJob(s.Trainer(), a, 300)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := j.Finish()
	if err != nil {
		t.Fatal(err)
	}
	if whole.Parzen.LL != e.ParzenLL || whole.Parzen.SE != e.ParzenSE || whole.Parzen.Sigma != e.Sigma || whole.FD != e.FD {
		t.Errorf("whole run %+v, in slices %+v", whole, e)
	}

	// The definitions: Parzen on the samples of EvalSeed, against the
	// images of digits 1 and 7 only.
	samples := s.Trainer().Samples(300, EvalSeed)
	valid, test := DigitRows(a.Valid, []int{1, 7}), DigitRows(a.Test, []int{1, 7})
	want, err := metrics.Parzen(samples, valid, test, data.Pixels, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e.ParzenLL != want.LL || e.ParzenSE != want.SE || e.Sigma != want.Sigma {
		t.Errorf("Parzen %v ± %v (σ %v), want %v ± %v (σ %v)", e.ParzenLL, e.ParzenSE, e.Sigma, want.LL, want.SE, want.Sigma)
	}
	clf := a.Clf
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
	gt, _ := classify.Fit(clf.Features(test, tests), tests, clf.FeatureDim())
	if fd, _ := classify.Frechet(gt, gs); e.FD != fd || !(e.FD >= 0) {
		t.Errorf("FD %v, want %v", e.FD, fd)
	}

	// A second estimate reuses the fitted test features and agrees.
	s.Evaluate(300)
	for s.Evaluating() {
		s.EvalSlice(time.Second)
	}
	if again := s.EvalReport(nil); again.ParzenLL != e.ParzenLL || again.FD != e.FD {
		t.Errorf("second estimate %+v, first %+v", again, e)
	}
	// A new run forgets it.
	s.Init(evalRecipe, false)
	if got := s.EvalReport(nil).State; got != protocol.EvalNone {
		t.Errorf("after a new run the estimate is %v", got)
	}
}

// What cannot be estimated says why, and nothing else changes.
func TestEvalRefusals(t *testing.T) {
	s := New()
	s.Init("data=ring8&steps=2", false)
	if s.NeedsEvalAssets() {
		t.Error("a 2-D run asks for the MNIST evaluation files")
	}
	s.Evaluate(0)
	if e := s.EvalReport(nil); e.State != protocol.EvalFailed || !strings.Contains(e.Error, "MNIST") {
		t.Errorf("ring8: %+v", e)
	}

	s = New()
	s.SetMNIST(datatest.RandomMNIST(60))
	s.Init(evalRecipe, false)
	if !s.NeedsEvalAssets() {
		t.Error("an MNIST session without the files does not ask for them")
	}
	s.SetEvalAssets(nil, errors.New("404"))
	s.Evaluate(0)
	if e := s.EvalReport(nil); e.State != protocol.EvalFailed || !strings.Contains(e.Error, "make assets") {
		t.Errorf("missing files: %+v", e)
	}

	if _, err := PageEvalAssets(datatest.RandomMNIST(10), classifier(t)); err == nil {
		t.Error("a short evaluation set was taken")
	}

	s = evalSession(t)
	s.Evaluate(EvalMaxSamples + 1)
	if e := s.EvalReport(nil); e.State != protocol.EvalFailed || !strings.Contains(e.Error, "samples") {
		t.Errorf("too many samples: %+v", e)
	}
	// A diverged generator: named, not scored.
	for _, p := range s.Trainer().G.Params() {
		p.W[0] = float32(math.NaN())
	}
	s.Evaluate(100)
	for s.Evaluating() {
		s.EvalSlice(time.Second)
	}
	if e := s.EvalReport(nil); e.State != protocol.EvalFailed || !strings.Contains(e.Error, "diverged") {
		t.Errorf("NaN generator: %+v", e)
	}
}
