package main

import (
	"fmt"
	"math"
	"time"

	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/protocol"
)

// The page's quick MNIST quality estimate (OpEvaluate): the paper's Parzen
// window, the classifier's digit shares and a Fréchet distance, from a
// tenth of the paper's sets (data.EvalSet), so that it takes seconds in a
// browser. It runs in small units between message checks (evalSlice), so
// the worker keeps answering; training waits while it runs.

// Bounds on OpEvaluate's N (generated samples). The paper fits its window
// to 10,000; the page's default is 2,000.
const (
	evalMinSamples     = 100
	evalMaxSamples     = 10000
	evalDefaultSamples = 2000
	evalSeed           = 0xe7a1 // the samples' noise: the same every time, never the training stream
)

// evalAssets are the held-out images and the classifier, fetched once.
type evalAssets struct {
	valid, test []float32 // rows of data.Pixels in [0, 1]
	clf         *classify.Classifier
	testFeat    *classify.Gaussian // the test images in feature space, fitted by the first job
}

// newEvalAssets checks and prepares the fetched files.
func newEvalAssets(images *data.MNIST, clf *classify.Classifier) (*evalAssets, error) {
	if images.Len() != data.EvalValid+data.EvalTest {
		return nil, fmt.Errorf("the evaluation set has %d images, want %d", images.Len(), data.EvalValid+data.EvalTest)
	}
	px := images.Float32()
	return &evalAssets{valid: px[:data.EvalValid*data.Pixels], test: px[data.EvalValid*data.Pixels:], clf: clf}, nil
}

// evalJob is one estimate in progress. Its stages run in units small
// enough for a time slice; progress is the share of units done.
type evalJob struct {
	res protocol.Eval
	a   *evalAssets
	t   *gan.Trainer
	n   int

	z, samples []float32
	feat       []float32 // the samples' features
	testFeat   []float32 // the test images' (first job only)
	pred       []int
	kde        *metrics.ParzenKDE
	vll, tll   []float64
	sigma      float64

	stage, done int // the stage and the rows done in it
}

// Rows per unit of each stage: each unit costs a few milliseconds in the
// browser for an MNIST-sized G (the paper's G is ~5× that: still < 25 ms).
const (
	stageGenerate = iota
	stageClassify
	stageTestFeatures
	stageValidLL
	stageTestLL
	stageFinish
	nStages
)

var stageRows = [nStages]int{50, 100, 100, 4, 16, 1}

// startEval begins an estimate of t's samples; the result goes into res.
func startEval(t *gan.Trainer, a *evalAssets, n int) *evalJob {
	if n == 0 {
		n = evalDefaultSamples
	}
	j := &evalJob{a: a, t: t, n: min(max(n, evalMinSamples), evalMaxSamples)}
	j.res = protocol.Eval{State: protocol.EvalRunning, Step: t.Step, Samples: j.n, Tests: data.EvalTest}
	// Fixed noise from a stream of its own: evaluating never changes the run.
	j.z = t.Noise(j.n, evalSeed)
	j.samples = make([]float32, 0, j.n*data.Pixels)
	return j
}

// rows is the row count of the current stage.
func (j *evalJob) rows() int {
	switch j.stage {
	case stageGenerate, stageClassify:
		return j.n
	case stageTestFeatures:
		if j.a.testFeat != nil {
			return 0
		}
		return data.EvalTest
	case stageValidLL:
		return data.EvalValid
	case stageTestLL:
		return data.EvalTest
	}
	return 1
}

// step does one unit and reports whether the job is over (done or failed).
func (j *evalJob) step() bool {
	if j.res.State != protocol.EvalRunning {
		return true
	}
	if err := j.unit(); err != nil {
		j.res.State, j.res.Error = protocol.EvalFailed, err.Error()
		return true
	}
	for j.stage < nStages && j.done >= j.rows() {
		j.stage, j.done = j.stage+1, 0
	}
	if j.stage == nStages {
		j.res.State, j.res.Progress = protocol.EvalDone, 1
		return true
	}
	j.res.Progress = (float64(j.stage) + float64(j.done)/float64(max(j.rows(), 1))) / nStages
	return false
}

func (j *evalJob) unit() error {
	i0 := j.done
	i1 := min(i0+stageRows[j.stage], j.rows())
	j.done = i1
	px := data.Pixels
	switch j.stage {
	case stageGenerate:
		z := j.z[i0*j.t.Recipe.Z : i1*j.t.Recipe.Z]
		j.samples = append(j.samples, j.t.Generate(z, i1-i0)...)
	case stageClassify:
		if i0 == 0 {
			for i, v := range j.samples {
				if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
					return fmt.Errorf("sample %d has a non-finite pixel: the generator has diverged", i/px)
				}
			}
		}
		x := j.samples[i0*px : i1*px]
		j.feat = append(j.feat, j.a.clf.Features(x, i1-i0)...)
		j.pred = append(j.pred, j.a.clf.Predict(x, i1-i0)...)
	case stageTestFeatures:
		j.testFeat = append(j.testFeat, j.a.clf.Features(j.a.test[i0*px:i1*px], i1-i0)...)
		if i1 == data.EvalTest {
			g, err := classify.Fit(j.testFeat, data.EvalTest, j.a.clf.FeatureDim())
			if err != nil {
				return err
			}
			j.a.testFeat, j.testFeat = &g, nil
		}
	case stageValidLL:
		if i0 == 0 {
			kde, err := metrics.NewParzenKDE(j.samples, px)
			if err != nil {
				return err
			}
			j.kde = kde
			j.vll = make([]float64, data.EvalValid*len(metrics.ParzenSigmas()))
		}
		ns := len(metrics.ParzenSigmas())
		if err := j.kde.LL(j.vll[i0*ns:i1*ns], j.a.valid[i0*px:i1*px], metrics.ParzenSigmas(), nil); err != nil {
			return err
		}
	case stageTestLL:
		if i0 == 0 {
			j.sigma = bestSigma(j.vll)
			j.tll = make([]float64, data.EvalTest)
		}
		if err := j.kde.LL(j.tll[i0:i1], j.a.test[i0*px:i1*px], []float64{j.sigma}, nil); err != nil {
			return err
		}
	case stageFinish:
		return j.finish()
	}
	return nil
}

// bestSigma is the paper's choice: the width with the highest mean
// validation log-likelihood (vll is rows × ParzenSigmas).
func bestSigma(vll []float64) float64 {
	sig := metrics.ParzenSigmas()
	_, best := metrics.ChooseSigma(vll, len(sig))
	return sig[best]
}

func (j *evalJob) finish() error {
	j.res.ParzenLL, j.res.ParzenSE = metrics.MeanSE(j.tll)
	j.res.Sigma = j.sigma

	dim := j.a.clf.FeatureDim()
	g, err := classify.Fit(j.feat, j.n, dim)
	if err != nil {
		return err
	}
	if j.res.FD, err = classify.Frechet(g, *j.a.testFeat); err != nil {
		return err
	}
	cv, err := classify.DigitCoverage(j.pred, j.t.Recipe.Digits)
	if err != nil {
		return err
	}
	j.res.Shares = j.res.Shares[:0]
	for _, s := range cv.Share {
		j.res.Shares = append(j.res.Shares, float32(s))
	}
	return nil
}

// slice runs units of the job for about budget.
func (j *evalJob) slice(budget time.Duration, now func() time.Time) {
	end := now().Add(budget)
	for !j.step() && now().Before(end) {
	}
}

// report is the job's state for a snapshot, its shares copied into dst
// (the report's reused buffer). No job: EvalNone.
func (j *evalJob) report(dst []float32) protocol.Eval {
	if j == nil {
		return protocol.Eval{Shares: dst}
	}
	r := j.res
	r.Shares = append(dst, j.res.Shares...)
	return r
}

// NeedsEvalAssets reports whether c is an estimate the worker must first
// fetch the evaluation files for.
func (s *Session) NeedsEvalAssets(c *protocol.Command) bool {
	return c.Op == protocol.OpEvaluate && s.evalA == nil && s.t != nil && s.t.Recipe.Data == "mnist"
}

// SetEvalAssets gives the session the decoded evaluation set and
// classifier; a bad pair fails the next estimate with the reason.
func (s *Session) SetEvalAssets(images *data.MNIST, clf *classify.Classifier, err error) {
	if err == nil {
		s.evalA, err = newEvalAssets(images, clf)
	}
	if err != nil {
		s.evalErr = "the evaluation files are not available (" + err.Error() + "): build them with `make assets`"
	}
}

// Evaluating reports whether an estimate is waiting for time slices.
func (s *Session) Evaluating() bool {
	return s.eval != nil && s.eval.res.State == protocol.EvalRunning
}

// EvalSlice gives the estimate about budget of work.
func (s *Session) EvalSlice(budget time.Duration) { s.eval.slice(budget, s.now) }

func (s *Session) startEval(n int) {
	fail := func(msg string) {
		s.eval = &evalJob{res: protocol.Eval{State: protocol.EvalFailed, Error: msg, Step: s.t.Step}}
	}
	switch {
	case s.t.Recipe.Data != "mnist":
		fail("the quality estimate is for MNIST; 2-D data shows modes, HQ and JSD as it trains")
	case s.evalA == nil:
		fail(s.evalErr)
	case n < 0 || n > evalMaxSamples:
		fail(fmt.Sprintf("samples must be 0 (default %d) to %d, got %d", evalDefaultSamples, evalMaxSamples, n))
	case s.Evaluating():
		// Already running: one at a time.
	default:
		s.eval = startEval(s.t, s.evalA, n)
	}
}
