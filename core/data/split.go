package data

import "fmt"

// TrainLen is where the paper's split cuts LeCun's 60,000 training images:
// the first 50,000 train, the last 10,000 validate (choose σ for the
// Parzen estimate, pick checkpoints).
const TrainLen = 50000

// Slice returns images [i, j) as a view sharing m's memory. The views are
// capped, so appending to one cannot overwrite its neighbour. It panics on
// a bad range, like slicing does.
func (m *MNIST) Slice(i, j int) *MNIST {
	if i < 0 || j < i || j > m.Len() {
		panic(fmt.Sprintf("data: MNIST.Slice(%d, %d) of %d images", i, j, m.Len()))
	}
	return &MNIST{
		Images: m.Images[i*Pixels : j*Pixels : j*Pixels],
		Labels: m.Labels[i:j:j],
	}
}

// TrainSplit is the paper's training part of the training file: its first
// TrainLen images (all of them if there are fewer).
func (m *MNIST) TrainSplit() *MNIST { return m.Slice(0, min(TrainLen, m.Len())) }

// ValidSplit is the paper's validation part of the training file: the
// images after the first TrainLen (none if there are not more).
func (m *MNIST) ValidSplit() *MNIST { return m.Slice(min(TrainLen, m.Len()), m.Len()) }

// The page's quick evaluation set (the asset mnist-eval.bin): the first
// EvalValid images of the validation split, to choose the Parzen window's
// σ, then the first EvalTest images of the test file, to score. A tenth of
// the paper's sets, so that the estimate takes seconds in a browser; the
// CLI's eval uses all of them.
const (
	EvalValid = 500
	EvalTest  = 1000
)

// EvalSet joins the quick evaluation set from the training file (its
// validation split) and the test file.
func EvalSet(train, test *MNIST) (*MNIST, error) {
	v := train.ValidSplit()
	if v.Len() < EvalValid || test.Len() < EvalTest {
		return nil, fmt.Errorf("data: the evaluation set needs %d validation and %d test images, have %d and %d", EvalValid, EvalTest, v.Len(), test.Len())
	}
	v, t := v.Slice(0, EvalValid), test.Slice(0, EvalTest)
	return &MNIST{
		Images: append(append([]uint8(nil), v.Images...), t.Images...),
		Labels: append(append([]uint8(nil), v.Labels...), t.Labels...),
	}, nil
}
