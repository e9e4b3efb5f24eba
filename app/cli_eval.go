//go:build !(js && wasm)

package main

import (
	"errors"
	"io"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
)

func init() {
	register(&command{
		name:  "eval",
		usage: "[-mnist DIR] FILE   score a checkpoint; prints JSON",
		run:   runEval,
	})
}

// Scoring draws evalSamples samples from G with the fixed evalSeed (the
// paper's arXiv date), so that two evaluations of a file agree and two
// files are compared on the same noise.
const (
	evalSamples        = 2500
	evalSeed    uint64 = 20140610
)

// evalResult is eval's JSON. The metric groups are pointers so that a data
// set without modes, say, has no mode fields rather than zeros.
type evalResult struct {
	Data        string `json:"data"`
	Step        int    `json:"step"`
	Fingerprint string `json:"fingerprint"`
	Recipe      string `json:"recipe"`
	Samples     int    `json:"samples"`
	SampleSeed  uint64 `json:"sample_seed"`
	*metrics.Modes
	JSD         *float64 `json:"jsd,omitempty"`          // 2-D sets: nats, 0 (perfect) to ln 2
	ParzenLL    *float64 `json:"parzen_ll,omitempty"`    // MNIST: mean test log-likelihood, nats
	ParzenSE    *float64 `json:"parzen_se,omitempty"`    // its standard error
	ParzenSigma *float64 `json:"parzen_sigma,omitempty"` // window width chosen on the validation images
}

func runEval(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval", stderr)
	mnist := fs.String("mnist", "", "folder of the MNIST .gz files (default: the GoMNIST module's)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("want one checkpoint file: app eval FILE")
	}
	t, err := loadCheckpoint(fs.Arg(0))
	if err != nil {
		return err
	}
	res := evalResult{
		Data: t.Recipe.Data, Step: t.Step, Fingerprint: t.Fingerprint(), Recipe: t.Recipe.String(),
		Samples: evalSamples, SampleSeed: evalSeed,
	}
	if t.Recipe.Data == "mnist" {
		err = scoreMNIST(&res, t, *mnist)
	} else {
		err = score2D(&res, t)
	}
	if err != nil {
		return err
	}
	return printJSON(stdout, res)
}

// score2D scores 2-D samples: JSD against the data for every set, mode
// coverage for the mixtures (whose modes are known).
func score2D(res *evalResult, t *gan.Trainer) error {
	samples := t.Samples(evalSamples, evalSeed)
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

func scoreMNIST(res *evalResult, t *gan.Trainer, dir string) error {
	train, test, err := loadMNIST(dir)
	if err != nil {
		return err
	}
	valid := train.ValidSplit()
	valid = valid.Slice(0, min(parzenValid, valid.Len()))
	res.Samples = parzenSamples
	p, err := metrics.Parzen(t.Samples(parzenSamples, evalSeed), valid.Float32(), test.Float32(), t.Recipe.DataDim(), nil)
	if err != nil {
		return err
	}
	res.ParzenLL, res.ParzenSE, res.ParzenSigma = &p.LL, &p.SE, &p.Sigma
	return nil
}
