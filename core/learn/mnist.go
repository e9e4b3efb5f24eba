package learn

import (
	"fmt"
	"math"

	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/session"
)

// MNIST's target, read by the bundled classifier as `app eval` reads it:
// every chosen digit drawn (each at least half its fair share of the
// samples: 5% with all ten digits, so a digit G draws only now and then
// does not count) and the samples' Fréchet distance from the test images
// of those digits, in the classifier's feature space, at most MNISTMaxFD.
// The gallery's long SGD run scored 3.1; samples that are digit-shaped
// blurs score about 30.
const (
	MNISTMaxFD    = 10
	MNISTMinShare = 0.5 // of a digit's fair share 1/len(digits)
)

// MNISTTarget is the target an MNIST run is scored against.
var MNISTTarget = Target{"mnist", "every digit ≥ ½ its share, FD ≤ 10", func(s Score) bool {
	return s.DigitsTotal > 0 && s.Digits == s.DigitsTotal && s.FD <= MNISTMaxFD
}}

// MNIST is what scoring an MNIST run needs: the training images it draws
// its batches from (the paper's first 50,000), the test images it is
// compared with, and the classifier that reads both. One run scores with
// it at a time (the classifier keeps buffers); NewMNIST gives each
// concurrent run its own over the same images.
type MNIST struct {
	Train, Test *data.MNIST
	Clf         *classify.Classifier
}

// LoadMNIST reads LeCun's files from dir (data.LoadModuleMNIST) and the
// classifier file's bytes.
func LoadMNIST(dir string, classifier []byte) (*MNIST, error) {
	train, test, err := data.LoadModuleMNIST(dir)
	if err != nil {
		return nil, fmt.Errorf("learn: MNIST: %w", err)
	}
	return NewMNIST(train, test, classifier)
}

// NewMNIST is LoadMNIST for files already read: all 60,000 training
// images (of which the first 50,000 are drawn from), the test images and
// the classifier file's bytes.
func NewMNIST(train, test *data.MNIST, classifier []byte) (*MNIST, error) {
	clf, err := classify.Unmarshal(classifier)
	if err != nil {
		return nil, fmt.Errorf("learn: classifier: %w", err)
	}
	return &MNIST{Train: train.TrainSplit(), Test: test, Clf: clf}, nil
}

// mnistScorer scores an MNIST run's samples against the test images of
// its digits.
type mnistScorer struct {
	clf    *classify.Classifier
	test   classify.Gaussian
	digits []int
}

func newMNISTScorer(m *MNIST, digits []int) (*mnistScorer, error) {
	rows := session.DigitRows(m.Test, digits)
	n := len(rows) / data.Pixels
	if n == 0 {
		return nil, fmt.Errorf("learn: the test images hold none of the digits %v", digits)
	}
	g, err := classify.Fit(m.Clf.Features(rows, n), n, m.Clf.FeatureDim())
	if err != nil {
		return nil, err
	}
	return &mnistScorer{clf: m.Clf, test: g, digits: digits}, nil
}

// Score draws EvalSamples samples (EvalSeed's noise, from the sampler eval
// uses: G's average when the recipe keeps one) and reads them.
func (s *mnistScorer) Score(t *gan.Trainer) (Score, error) {
	return s.score(t.Samples(EvalSamples, EvalSeed), t.Step)
}

// score reads images x (rows of data.Pixels in [0, 1]) as the samples of
// step.
func (s *mnistScorer) score(x []float32, step int) (Score, error) {
	n := len(x) / data.Pixels
	for i, v := range x {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return Score{}, fmt.Errorf("learn: sample %d has a non-finite pixel at step %d", i/data.Pixels, step)
		}
	}
	g, err := classify.Fit(s.clf.Features(x, n), n, s.clf.FeatureDim())
	if err != nil {
		return Score{}, err
	}
	fd, err := classify.Frechet(s.test, g)
	if err != nil {
		return Score{}, err
	}
	cv, err := classify.DigitCoverage(s.clf.Predict(x, n), s.digits)
	if err != nil {
		return Score{}, err
	}
	out := Score{Step: step, FD: fd, DigitsTotal: cv.Total, MinShare: 1}
	fair := 1 / float64(cv.Total)
	for _, d := range s.digits {
		out.MinShare = min(out.MinShare, cv.Share[d])
		if cv.Share[d] >= MNISTMinShare*fair {
			out.Digits++
		}
	}
	return out, nil
}
