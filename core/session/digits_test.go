package session

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
)

// A model of some digits is scored against the images of those digits
// only, in order, scaled to [0, 1].
func TestDigitRowsKeepsTheSelectedDigits(t *testing.T) {
	labels := []uint8{3, 1, 3, 8, 0}
	m := &data.MNIST{Images: make([]uint8, len(labels)*data.Pixels), Labels: labels}
	for i := range labels {
		m.Images[i*data.Pixels] = uint8(10 * i) // the image's index, in its first pixel
		m.Images[i*data.Pixels+1] = 255
	}
	got := DigitRows(m, []int{3, 8})
	if len(got) != 3*data.Pixels {
		t.Fatalf("%d rows, want 3", len(got)/data.Pixels)
	}
	for r, want := range []int{0, 2, 3} {
		row := got[r*data.Pixels:]
		if row[0] != float32(10*want)/255 || row[1] != 1 {
			t.Errorf("row %d starts %v, %v; want image %d", r, row[0], row[1], want)
		}
	}
	if all := DigitRows(m, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}); len(all) != len(labels)*data.Pixels {
		t.Errorf("every digit: %d rows", len(all)/data.Pixels)
	}
}
