//go:build !(js && wasm)

package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/session"
)

// TempScore is one candidate sampling temperature, scored the way the
// paper chooses the Parzen window: the mean log-likelihood of the
// validation images, at the best σ for that temperature. The test images
// are never looked at while choosing.
type TempScore struct {
	Temp    float64 `json:"temp"`
	Sigma   float64 `json:"sigma"`
	ValidLL float64 `json:"valid_ll"`
}

// parseTemps reads eval's -temps list.
func parseTemps(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || v < 0.05 || v > 2 {
			return nil, fmt.Errorf("-temps: %q is not a temperature between 0.05 and 2", f)
		}
		out = append(out, v)
	}
	return out, nil
}

// chooseTemp sets t's sampling temperature to the candidate whose samples
// give the validation images the highest Parzen log-likelihood (ties: the
// first listed), and returns every candidate's score. A temperature below
// 1 trades variety for typical samples; this picks the trade on data the
// test never sees, as σ is picked.
func chooseTemp(t *gan.Trainer, mnist string, temps []float64) ([]TempScore, error) {
	if !t.Recipe.DataSet().Image() {
		return nil, fmt.Errorf("-temps chooses on MNIST's validation images; this model is %s", t.Recipe.Data)
	}
	train, _, err := loadMNIST(mnist)
	if err != nil {
		return nil, err
	}
	valid := session.DigitRows(train.ValidSplit(), t.Recipe.Digits)
	valid = valid[:min(parzenValid*data.Pixels, len(valid))]
	sig := metrics.ParzenSigmas()
	nv := len(valid) / data.Pixels
	var scores []TempScore
	best := -1
	for _, temp := range temps {
		if err := t.Set("temp", temp); err != nil {
			return nil, err
		}
		samples := t.Samples(parzenSamples, evalSeed)
		if err := finiteSamples(samples, t.Recipe.DataDim()); err != nil {
			return nil, err
		}
		ll := make([]float64, nv*len(sig))
		if err := metrics.ParzenLL(ll, samples, valid, data.Pixels, sig, nil); err != nil {
			return nil, err
		}
		means, k := metrics.ChooseSigma(ll, len(sig))
		s := TempScore{Temp: temp, Sigma: sig[k], ValidLL: means[k]}
		scores = append(scores, s)
		if best < 0 || s.ValidLL > scores[best].ValidLL {
			best = len(scores) - 1
		}
	}
	return scores, t.Set("temp", scores[best].Temp)
}
