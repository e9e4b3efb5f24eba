package data

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/rng"
)

// MNIST holds images as bytes (0–255), Pixels per image, with labels 0–9.
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
		if d < 0 || d > 9 {
			return nil, fmt.Errorf("data: %d is not a digit", d)
		}
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

func (d *Digits) Dim() int { return Pixels }

// Len is the number of images in the subset.
func (d *Digits) Len() int { return len(d.idx) }

// Image is the subset's image i (0 ≤ i < Len()), pixels 0–255; it shares
// the set's storage: do not modify it.
func (d *Digits) Image(i int) []uint8 {
	j := int(d.idx[i])
	return d.set.Images[j*Pixels : (j+1)*Pixels]
}

func (d *Digits) Sample(r *rng.RNG, out []float32, n int) {
	for i := 0; i < n; i++ {
		j := int(d.idx[r.IntN(len(d.idx))])
		img := d.set.Images[j*Pixels : (j+1)*Pixels]
		o := out[i*Pixels : (i+1)*Pixels]
		for p, v := range img {
			o[p] = float32(v) / 255
		}
	}
}

// Float32 returns the images as float32 pixels scaled to [0, 1], row-major
// (Len()×Pixels): the form the generator produces and the metrics take.
func (m *MNIST) Float32() []float32 {
	out := make([]float32, len(m.Images))
	for i, v := range m.Images {
		out[i] = float32(v) / 255
	}
	return out
}
