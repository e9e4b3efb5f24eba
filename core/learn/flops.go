package learn

import (
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// StepFLOPs is the matrix work of one training step of rc
// (gan.Trainer.StepFLOPs), without any data set's files: an image recipe
// gets a blank image of each digit, since the count depends on the nets,
// not on the pixels.
func StepFLOPs(rc recipe.Recipe) (float64, error) {
	var images *data.MNIST
	if rc.DataSet().Image() {
		images = &data.MNIST{Images: make([]uint8, 10*data.Pixels), Labels: []uint8{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}}
	}
	src, err := data.New(rc, images)
	if err != nil {
		return 0, err
	}
	t, err := gan.New(rc, src)
	if err != nil {
		return 0, err
	}
	return t.StepFLOPs(), nil
}
