package classify

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/rng"
)

// Classes is the number of digit classes.
const Classes = 10

// DefaultHidden is the shipped classifier's architecture: 784→256→128→10.
var DefaultHidden = []int{256, 128}

// Classifier is an MLP from MNIST pixels (scaled to [0, 1]) to ten logits,
// ReLU hidden units. Its last hidden layer is the feature space of FD.
// Its layers keep their outputs' buffers from call to call, so one
// Classifier reads one batch at a time: goroutines each need their own.
type Classifier struct {
	Hidden []int
	Net    *nn.Net
}

// New makes an untrained classifier with the given hidden sizes,
// initialised from seed.
func New(hidden []int, seed uint64) (*Classifier, error) {
	if len(hidden) == 0 || len(hidden) > 8 {
		return nil, fmt.Errorf("classify: want 1 to 8 hidden layers, got %d", len(hidden))
	}
	for _, h := range hidden {
		if h < 1 || h > 4096 {
			return nil, fmt.Errorf("classify: hidden size %d out of 1…4096", h)
		}
	}
	net := nn.NewMLP(nn.Spec{Name: "C", In: data.Pixels, Hidden: hidden, Out: Classes, Act: "relu"}, rng.New(seed))
	return &Classifier{Hidden: append([]int(nil), hidden...), Net: net}, nil
}

// FeatureDim is the size of the penultimate (feature) layer.
func (c *Classifier) FeatureDim() int { return c.Hidden[len(c.Hidden)-1] }

// chunk bounds the rows pushed through the net at once, so that scoring
// 10,000 images does not hold 10,000 rows of every layer.
const chunk = 500

// Logits returns the rows×Classes logits of x (rows×784).
func (c *Classifier) Logits(x []float32, rows int) []float32 {
	return c.apply(x, rows, len(c.Net.Layers), Classes)
}

// Features returns the rows×FeatureDim activations of the last hidden
// layer (after its ReLU).
func (c *Classifier) Features(x []float32, rows int) []float32 {
	return c.apply(x, rows, len(c.Net.Layers)-1, c.FeatureDim())
}

// Predict returns the most likely digit of each row.
func (c *Classifier) Predict(x []float32, rows int) []int {
	return Argmax(c.Logits(x, rows), rows, Classes)
}

// apply runs the first nl layers in inference mode, chunk rows at a time.
func (c *Classifier) apply(x []float32, rows, nl, outDim int) []float32 {
	if len(x) < rows*data.Pixels {
		panic(fmt.Sprintf("classify: %d values for %d rows of %d", len(x), rows, data.Pixels))
	}
	out := make([]float32, rows*outDim)
	for i := 0; i < rows; i += chunk {
		n := min(chunk, rows-i)
		y := x[i*data.Pixels : (i+n)*data.Pixels]
		for _, l := range c.Net.Layers[:nl] {
			y = l.Forward(y, n, false)
		}
		copy(out[i*outDim:], y[:n*outDim])
	}
	return out
}

// Accuracy is the fraction of m's images classified as their label.
func (c *Classifier) Accuracy(m *data.MNIST) float64 {
	if m.Len() == 0 {
		return 0
	}
	pred := c.Predict(m.Float32(), m.Len())
	ok := 0
	for i, p := range pred {
		if p == int(m.Labels[i]) {
			ok++
		}
	}
	return float64(ok) / float64(m.Len())
}
