package session

import (
	"fmt"
	"math"
	"time"

	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
)

// The MNIST quality estimate: the paper's Parzen window, the classifier's
// digit shares and a Fréchet distance. One code for both ends: `app eval`
// runs it to the end on the paper's sets (10,000 samples, 1,000
// validation images, the 10,000 test images); the page runs it in small
// units between messages on a tenth of them (data.EvalSet, 2,000 samples),
// so that the worker keeps answering. The units only cut the work into
// pieces: every figure is that of the one-call functions of core/metrics
// and core/classify.

// EvalSeed seeds the samples' noise: the same every time, and never the
// training stream, so that estimating never changes the run.
const EvalSeed uint64 = 20140610

// Bounds on the sample count. The paper fits its window to 10,000; the
// page's default is 2,000.
const (
	EvalMinSamples     = 100
	EvalMaxSamples     = 10000
	EvalDefaultSamples = 2000
)

// EvalAssets are the held-out images and the classifier an estimate
// needs. An estimate scores against the images of the run's digits, at
// most MaxValid of them to choose σ (the paper used the first 1,000).
type EvalAssets struct {
	Valid, Test *data.MNIST
	MaxValid    int
	Clf         *classify.Classifier

	rows  map[string]evalRows // per digit set: the rows, and the test features once fitted
	testG map[string]*classify.Gaussian
}

type evalRows struct{ valid, test []float32 }

// PageEvalAssets splits the page's quick evaluation set (the asset
// mnist-eval.bin: data.EvalValid validation images, then data.EvalTest
// test images).
func PageEvalAssets(images *data.MNIST, clf *classify.Classifier) (*EvalAssets, error) {
	if images.Len() != data.EvalValid+data.EvalTest {
		return nil, fmt.Errorf("the evaluation set has %d images, want %d", images.Len(), data.EvalValid+data.EvalTest)
	}
	return &EvalAssets{Valid: images.Slice(0, data.EvalValid), Test: images.Slice(data.EvalValid, images.Len()), MaxValid: data.EvalValid, Clf: clf}, nil
}

// rowsFor is the validation and test rows of the given digits, as floats
// in [0, 1], computed once per digit set.
func (a *EvalAssets) rowsFor(digits []int) evalRows {
	key := fmt.Sprint(digits)
	if r, ok := a.rows[key]; ok {
		return r
	}
	if a.rows == nil {
		a.rows, a.testG = map[string]evalRows{}, map[string]*classify.Gaussian{}
	}
	r := evalRows{valid: DigitRows(a.Valid, digits), test: DigitRows(a.Test, digits)}
	if a.MaxValid > 0 {
		r.valid = r.valid[:min(a.MaxValid*data.Pixels, len(r.valid))]
	}
	a.rows[key] = r
	return r
}

// DigitRows is m's images of the given digits, in order, as float32 rows
// scaled to [0, 1]: a model of some digits is scored against images of
// those digits (with every digit, the paper's protocol unchanged).
func DigitRows(m *data.MNIST, digits []int) []float32 {
	var want [10]bool
	for _, d := range digits {
		want[d] = true
	}
	out := make([]float32, 0, len(m.Images))
	for i, l := range m.Labels {
		if int(l) < 10 && want[l] {
			for _, v := range m.Images[i*data.Pixels : (i+1)*data.Pixels] {
				out = append(out, float32(v)/255)
			}
		}
	}
	return out
}

// EvalResult is an estimate's figures.
type EvalResult struct {
	Step     int // the generator step evaluated
	Samples  int
	Valid    int // validation images σ was chosen on
	Tests    int // test images scored
	Parzen   metrics.ParzenResult
	Coverage classify.Coverage
	FD       float64 // Fréchet distance, test images vs samples, in the classifier's feature space
}

// EvalJob is one estimate in progress. Its stages run in units small
// enough for a time slice; Progress is the share of units done.
type EvalJob struct {
	Result   EvalResult
	Err      error // why it failed; nil while running and when done
	Progress float64

	a    *EvalAssets
	t    *gan.Trainer
	rows evalRows
	key  string

	z, samples []float32
	feat       []float32 // the samples' features
	testFeat   []float32 // the test images' (first job of a digit set only)
	pred       []int
	kde        *metrics.ParzenKDE
	vll, tll   []float64
	sigma      int

	stage, done int // the stage and the rows done in it
}

const (
	stageGenerate = iota
	stageClassify
	stageTestFeatures
	stageValidLL
	stageTestLL
	stageFinish
	nStages
)

// Rows per unit of each stage: each unit costs a few milliseconds in the
// browser for an MNIST-sized G (the paper's G is ~5× that: still < 25 ms).
var stageRows = [nStages]int{50, 100, 100, 4, 16, 1}

// NewEvalJob begins an estimate of t's samples (n of them; 0: the page's
// default) against a's images of the run's digits.
func NewEvalJob(t *gan.Trainer, a *EvalAssets, n int) (*EvalJob, error) {
	if n == 0 {
		n = EvalDefaultSamples
	}
	if n < EvalMinSamples || n > EvalMaxSamples {
		return nil, fmt.Errorf("samples must be 0 (default %d) or %d to %d, got %d", EvalDefaultSamples, EvalMinSamples, EvalMaxSamples, n)
	}
	j := &EvalJob{a: a, t: t, rows: a.rowsFor(t.Recipe.Digits), key: fmt.Sprint(t.Recipe.Digits)}
	if len(j.rows.valid) == 0 || len(j.rows.test) == 0 {
		return nil, fmt.Errorf("the evaluation images hold none of the digits %v", t.Recipe.Digits)
	}
	j.Result = EvalResult{Step: t.Step, Samples: n, Valid: len(j.rows.valid) / data.Pixels, Tests: len(j.rows.test) / data.Pixels}
	j.z = t.Noise(n, EvalSeed)
	j.samples = make([]float32, 0, n*data.Pixels)
	return j, nil
}

// Running reports whether the job has work left.
func (j *EvalJob) Running() bool { return j.Err == nil && j.stage < nStages }

// rows is the row count of the current stage.
func (j *EvalJob) rowCount() int {
	switch j.stage {
	case stageGenerate, stageClassify:
		return j.Result.Samples
	case stageTestFeatures:
		if j.a.testG[j.key] != nil {
			return 0
		}
		return j.Result.Tests
	case stageValidLL:
		return j.Result.Valid
	case stageTestLL:
		return j.Result.Tests
	}
	return 1
}

// Step does one unit and reports whether the job is over (done or failed).
func (j *EvalJob) Step() bool {
	if !j.Running() {
		return true
	}
	if err := j.unit(); err != nil {
		j.Err = err
		return true
	}
	for j.stage < nStages && j.done >= j.rowCount() {
		j.stage, j.done = j.stage+1, 0
	}
	if j.stage == nStages {
		j.Progress = 1
		return true
	}
	j.Progress = (float64(j.stage) + float64(j.done)/float64(max(j.rowCount(), 1))) / nStages
	return false
}

// Slice runs units for about budget.
func (j *EvalJob) Slice(budget time.Duration, now func() time.Time) {
	end := now().Add(budget)
	for !j.Step() && now().Before(end) {
	}
}

// Finish runs the job to its end.
func (j *EvalJob) Finish() (EvalResult, error) {
	for !j.Step() {
	}
	return j.Result, j.Err
}

func (j *EvalJob) unit() error {
	i0 := j.done
	i1 := min(i0+stageRows[j.stage], j.rowCount())
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
		j.feat = append(j.feat, j.a.Clf.Features(x, i1-i0)...)
		j.pred = append(j.pred, j.a.Clf.Predict(x, i1-i0)...)
	case stageTestFeatures:
		j.testFeat = append(j.testFeat, j.a.Clf.Features(j.rows.test[i0*px:i1*px], i1-i0)...)
		if i1 == j.Result.Tests {
			g, err := classify.Fit(j.testFeat, j.Result.Tests, j.a.Clf.FeatureDim())
			if err != nil {
				return err
			}
			j.a.testG[j.key], j.testFeat = &g, nil
		}
	case stageValidLL:
		if i0 == 0 {
			kde, err := metrics.NewParzenKDE(j.samples, px)
			if err != nil {
				return err
			}
			j.kde = kde
			j.vll = make([]float64, j.Result.Valid*len(metrics.ParzenSigmas()))
		}
		ns := len(metrics.ParzenSigmas())
		return j.kde.LL(j.vll[i0*ns:i1*ns], j.rows.valid[i0*px:i1*px], metrics.ParzenSigmas(), nil)
	case stageTestLL:
		sig := metrics.ParzenSigmas()
		if i0 == 0 {
			p := &j.Result.Parzen
			p.Sigmas, p.N = sig, j.Result.Tests
			p.ValidLL, j.sigma = metrics.ChooseSigma(j.vll, len(sig))
			p.Sigma = sig[j.sigma]
			j.tll = make([]float64, j.Result.Tests)
		}
		return j.kde.LL(j.tll[i0:i1], j.rows.test[i0*px:i1*px], sig[j.sigma:j.sigma+1], nil)
	case stageFinish:
		return j.finish()
	}
	return nil
}

func (j *EvalJob) finish() error {
	r := &j.Result
	r.Parzen.LL, r.Parzen.SE = metrics.MeanSE(j.tll)
	gs, err := classify.Fit(j.feat, r.Samples, j.a.Clf.FeatureDim())
	if err != nil {
		return err
	}
	if r.FD, err = classify.Frechet(*j.a.testG[j.key], gs); err != nil {
		return err
	}
	r.Coverage, err = classify.DigitCoverage(j.pred, j.t.Recipe.Digits)
	return err
}
