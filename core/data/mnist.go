package data

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/rng"
)

// MNIST holds images as bytes (0–255), 784 per image, with labels.
type MNIST struct {
	Images []uint8
	Labels []uint8
}

// Len is the number of images.
func (m *MNIST) Len() int { return len(m.Labels) }

// Subset returns a source over the images of the given digits.
func (m *MNIST) Subset(digits []int) (*Digits, error) {
	want := [10]bool{}
	for _, d := range digits {
		want[d] = true
	}
	s := &Digits{set: m}
	for i, l := range m.Labels {
		if int(l) < 10 && want[l] {
			s.idx = append(s.idx, int32(i))
		}
	}
	if len(s.idx) == 0 {
		return nil, fmt.Errorf("data: no MNIST images for digits %v", digits)
	}
	return s, nil
}

// Digits samples images of some digits, pixels scaled to [0, 1].
type Digits struct {
	set *MNIST
	idx []int32
}

func (d *Digits) Dim() int { return 784 }

// Len is the number of images in the subset.
func (d *Digits) Len() int { return len(d.idx) }

func (d *Digits) Sample(r *rng.RNG, out []float32, n int) {
	for i := 0; i < n; i++ {
		j := int(d.idx[r.IntN(len(d.idx))])
		img := d.set.Images[j*784 : (j+1)*784]
		o := out[i*784 : (i+1)*784]
		for p, v := range img {
			o[p] = float32(v) / 255
		}
	}
}
