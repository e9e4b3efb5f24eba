package learn

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Scoring draws the samples `app eval` draws: EvalSamples with the fixed
// EvalSeed, so a step counted here is the step eval would agree with.
const (
	EvalSamples        = 2500
	EvalSeed    uint64 = 20140610
)

// Score is what a run is judged by at one step: a 2-D run by its JSD
// (and modes, for mixtures), an MNIST run by the classifier (mnist.go).
type Score struct {
	Step        int     `json:"step"`
	Modes       int     `json:"modes,omitempty"`
	ModesTotal  int     `json:"modes_total,omitempty"`
	HQ          float64 `json:"hq,omitempty"`
	JSD         float64 `json:"jsd,omitempty"`
	Digits      int     `json:"digits,omitempty"`       // chosen digits drawn (MNISTMinShare)
	DigitsTotal int     `json:"digits_total,omitempty"` // chosen digits
	MinShare    float64 `json:"min_share,omitempty"`    // the smallest chosen digit's share of the samples
	FD          float64 `json:"fd,omitempty"`           // Fréchet distance in the classifier's features
}

func (s Score) String() string {
	if s.DigitsTotal > 0 {
		return fmt.Sprintf("step %d: %d/%d digits (min share %.3f), fd %.2f", s.Step, s.Digits, s.DigitsTotal, s.MinShare, s.FD)
	}
	if s.ModesTotal > 0 {
		return fmt.Sprintf("step %d: %d/%d modes, hq %.3f, jsd %.4f", s.Step, s.Modes, s.ModesTotal, s.HQ, s.JSD)
	}
	return fmt.Sprintf("step %d: jsd %.4f", s.Step, s.JSD)
}

// Target is a data set's learning target.
type Target struct {
	Data string
	Text string // what it asks, for tables and messages
	Met  func(Score) bool
}

// Targets are the 2-D data sets' targets: every mode of a mixture with
// almost every sample near one (PacGAN's grid25 result, 24.8/25 at 93.6%,
// is the anchor for grid25's), and a small JSD for the continuous shapes.
var Targets = map[string]Target{
	"ring8":  {"ring8", "8/8 modes, hq ≥ 0.95", func(s Score) bool { return s.Modes == 8 && s.HQ >= 0.95 }},
	"grid25": {"grid25", "25/25 modes, hq ≥ 0.90", func(s Score) bool { return s.Modes == 25 && s.HQ >= 0.90 }},
	"spiral": {"spiral", "jsd ≤ 0.05", func(s Score) bool { return s.JSD <= 0.05 }},
	"moons":  {"moons", "jsd ≤ 0.05", func(s Score) bool { return s.JSD <= 0.05 }},
}

// TargetOf is rc's data set's target: MNISTTarget for images, else its
// entry in Targets.
func TargetOf(rc recipe.Recipe) (Target, error) {
	if rc.DataSet().Image() {
		return MNISTTarget, nil
	}
	tg, ok := Targets[rc.Data]
	if !ok {
		return Target{}, fmt.Errorf("learn: no target for data=%s", rc.Data)
	}
	return tg, nil
}

// scorer scores a run at its current step.
type scorer interface {
	Score(t *gan.Trainer) (Score, error)
}

// Scorer scores a 2-D run's samples against its data set.
type Scorer struct {
	ref *metrics.JSDRef
	mix *data.Mixture
}

// NewScorer prepares the reference density of src (a 2-D source).
func NewScorer(src data.Source) (*Scorer, error) {
	ref, err := metrics.NewJSDRef(src)
	if err != nil {
		return nil, err
	}
	mix, _ := src.(*data.Mixture)
	return &Scorer{ref: ref, mix: mix}, nil
}

// Score scores t's samples at its current step.
func (s *Scorer) Score(t *gan.Trainer) (Score, error) {
	samples := t.Samples(EvalSamples, EvalSeed)
	js, err := s.ref.JSD(samples)
	if err != nil {
		return Score{}, err
	}
	out := Score{Step: t.Step, JSD: js}
	if s.mix != nil {
		m := metrics.ModeCoverage(s.mix, samples)
		out.Modes, out.ModesTotal, out.HQ = m.Hit, m.Total, m.HQ
	}
	return out, nil
}
