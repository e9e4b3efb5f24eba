package classify

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// The gradient of SoftmaxCE against central differences of its value.
func TestSoftmaxCEGradient(t *testing.T) {
	r := rng.New(3)
	const rows, classes = 4, 5
	logits := make([]float32, rows*classes)
	for i := range logits {
		logits[i] = float32(2 * r.Normal())
	}
	labels := []uint8{0, 3, 4, 1}
	grad := make([]float32, len(logits))
	SoftmaxCE(logits, labels, rows, classes, grad)
	const h = 1e-2
	for i := range logits {
		old := logits[i]
		logits[i] = old + h
		lp := SoftmaxCE(logits, labels, rows, classes, nil)
		logits[i] = old - h
		lm := SoftmaxCE(logits, labels, rows, classes, nil)
		logits[i] = old
		num := (lp - lm) / (2 * h)
		if math.Abs(num-float64(grad[i])) > 1e-4 {
			t.Fatalf("d/dlogit[%d]: analytic %v, finite difference %v", i, grad[i], num)
		}
	}
}

func TestSoftmaxCEValues(t *testing.T) {
	cases := []struct {
		name   string
		logits []float32
		label  uint8
		want   float64
	}{
		{"uniform", []float32{0, 0, 0, 0}, 2, math.Log(4)},
		{"huge logits stay finite", []float32{1000, -1000}, 0, 0},
		{"huge wrong logit", []float32{1000, 0}, 1, 1000},
	}
	for _, c := range cases {
		got := SoftmaxCE(c.logits, []uint8{c.label}, 1, len(c.logits), make([]float32, len(c.logits)))
		if math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
