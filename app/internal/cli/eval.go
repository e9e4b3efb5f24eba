//go:build !(js && wasm)

package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/session"
)

func init() {
	register(&command{
		name:  "eval",
		usage: "[-mnist DIR] [-temps T,T,…] FILE   score a checkpoint or a model link (.link, as in assets/gallery); prints JSON",
		run:   runEval,
	})
}

// Scoring draws evalSamples samples from G with the fixed evalSeed (the
// paper's arXiv date), so that two evaluations of a file agree and two
// files are compared on the same noise.
const (
	evalSamples = 2500
	evalSeed    = session.EvalSeed
)

// evalResult is eval's JSON. The metric groups are pointers so that a data
// set without modes, say, has no mode fields rather than zeros.
type evalResult struct {
	Data        string `json:"data"`
	Step        int    `json:"step"`
	Fingerprint string `json:"fingerprint"`
	Recipe      string `json:"recipe"` // as train -recipe reads it (recipe.Compact)
	Samples     int    `json:"samples"`
	SampleSeed  uint64 `json:"sample_seed"`
	*metrics.Modes
	JSD         *float64    `json:"jsd,omitempty"`          // 2-D sets: nats, 0 (perfect) to ln 2
	ParzenLL    *float64    `json:"parzen_ll,omitempty"`    // MNIST: mean test log-likelihood, nats
	ParzenSE    *float64    `json:"parzen_se,omitempty"`    // its standard error
	ParzenSigma *float64    `json:"parzen_sigma,omitempty"` // window width chosen on the validation images
	Temp        float64     `json:"temp"`                   // the sampling temperature scored (recipe temp)
	TempChoice  []TempScore `json:"temp_choice,omitempty"`  // with -temps: each candidate's validation score
	*MNISTQuality
}

// MNISTQuality is what the bundled classifier (core/classify) says about
// the same 10,000 samples Parzen scores: how they spread over the digits,
// and the Fréchet distance from the test images in its feature space.
type MNISTQuality struct {
	DigitShare    []float64 `json:"digit_share"`    // fraction of samples classified as 0…9
	DigitsCovered int       `json:"digits_covered"` // selected digits with ≥ classify.CoverMin of their fair share
	DigitsTotal   int       `json:"digits_total"`   // selected digits
	DigitMax      float64   `json:"digit_max"`      // the largest share
	DigitKL       float64   `json:"digit_kl"`       // KL(shares over the selected digits ‖ uniform), nats
	DigitStray    float64   `json:"digit_stray"`    // share classified as digits not selected
	FDClassifier  float64   `json:"fd_classifier"`  // Fréchet distance, samples vs test images, in the classifier's last hidden layer
}

func runEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	mnist := fs.String("mnist", "", "folder of the MNIST .gz files (default: the GoMNIST module's)")
	clsFile := fs.String("classifier", "", "MNIST classifier file for digit shares and fd_classifier (default: the bundled assets/mnist-classifier.bin)")
	temps := fs.String("temps", "", "MNIST: sampling temperatures to choose from on the validation images, e.g. 1,0.9,0.8 (as σ is chosen); the test is scored at the chosen one")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("want one checkpoint or .link file: app eval FILE")
	}
	t, err := loadModel(fs.Arg(0))
	if err != nil {
		return err
	}
	var choice []TempScore
	if *temps != "" {
		ts, err := parseTemps(*temps)
		if err != nil {
			return err
		}
		if choice, err = chooseTemp(t, *mnist, ts); err != nil {
			return err
		}
	}
	res, err := evaluate(t, *mnist, *clsFile)
	if err != nil {
		return err
	}
	res.TempChoice = choice
	return printJSON(stdout, res)
}

// evaluate scores a generator: what eval prints and what the gallery
// records for each model.
func evaluate(t *gan.Trainer, mnist, clsFile string) (evalResult, error) {
	res := evalResult{
		Data: t.Recipe.Data, Step: t.Step, Fingerprint: t.Fingerprint(), Recipe: t.Recipe.Compact(), Temp: t.Recipe.Temp,
		Samples: evalSamples, SampleSeed: evalSeed,
	}
	var err error
	if t.Recipe.DataSet().Image() {
		err = scoreMNIST(&res, t, mnist, clsFile)
	} else {
		err = score2D(&res, t)
	}
	return res, err
}

// score2D scores 2-D samples: JSD against the data for every set, mode
// coverage for the mixtures (whose modes are known).
func score2D(res *evalResult, t *gan.Trainer) error {
	samples := t.Samples(evalSamples, evalSeed)
	if err := finiteSamples(samples, t.Recipe.DataDim()); err != nil {
		return err
	}
	src, err := data.New(t.Recipe, nil)
	if err != nil {
		return err
	}
	js, err := metrics.JSD(src, samples)
	if err != nil {
		return err
	}
	res.JSD = &js
	if mix, ok := src.(*data.Mixture); ok {
		m := metrics.ModeCoverage(mix, samples)
		res.Modes = &m
	}
	return nil
}

// The paper's Parzen protocol: 10,000 samples of G, σ chosen on the first
// 1,000 validation images, the log-likelihood of the 10,000 test images.
const (
	parzenSamples = 10000
	parzenValid   = 1000
)

// scoreMNIST runs the estimate of core/session, the page's own, to its
// end on the paper's sets: 10,000 samples, σ chosen on the first 1,000
// validation images of the model's digits, the test images of those
// digits scored.
func scoreMNIST(res *evalResult, t *gan.Trainer, dir, clsFile string) error {
	cls, err := loadClassifier(clsFile)
	if err != nil {
		return err
	}
	train, test, err := loadMNIST(dir)
	if err != nil {
		return err
	}
	a := &session.EvalAssets{Valid: train.ValidSplit(), Test: test, MaxValid: parzenValid, Clf: cls}
	j, err := session.NewEvalJob(t, a, parzenSamples)
	if err != nil {
		return err
	}
	r, err := j.Finish()
	if err != nil {
		return err
	}
	res.Samples = r.Samples
	res.ParzenLL, res.ParzenSE, res.ParzenSigma = &r.Parzen.LL, &r.Parzen.SE, &r.Parzen.Sigma
	res.MNISTQuality = quality(r)
	return nil
}

// quality is the classifier's part of an estimate, as eval prints it.
func quality(r session.EvalResult) *MNISTQuality {
	cv := r.Coverage
	return &MNISTQuality{
		DigitShare: cv.Share[:], DigitsCovered: cv.Covered, DigitsTotal: cv.Total,
		DigitMax: cv.Max, DigitKL: cv.KL, DigitStray: cv.Stray, FDClassifier: r.FD,
	}
}

// loadClassifier reads a classifier file, or the bundled one for "".
func loadClassifier(path string) (*classify.Classifier, error) {
	b := assets.MNISTClassifier
	if path != "" {
		var err error
		if b, err = readCapped(path, capClassifier); err != nil {
			return nil, err
		}
	}
	c, err := classify.Unmarshal(b)
	if err != nil && path != "" {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return c, err
}
