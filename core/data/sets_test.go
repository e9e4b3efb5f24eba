package data

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

type spec struct {
	name   string
	digits []int
	points []float32
}

func (s spec) DataSpec() (string, []int, []float32) { return s.name, s.digits, s.points }

// Every row builds a source of its dimension whose samples fall inside the
// view's square (the 2-D sets), and the mixtures are the rows with modes.
func TestSetsTable(t *testing.T) {
	m := &MNIST{Images: make([]uint8, 20*Pixels), Labels: make([]uint8, 20)}
	for i := range m.Labels {
		m.Labels[i] = uint8(i % 10)
	}
	for _, set := range Sets {
		src, err := New(spec{set.Name, []int{3}, []float32{1, 1}}, m)
		if err != nil {
			t.Fatalf("%s: %v", set.Name, err)
		}
		if src.Dim() != set.Dim || set.Image() != (set.Dim != 2) || (set.Asset != "") != set.Image() {
			t.Errorf("%s: source dim %d, table %d, asset %q", set.Name, src.Dim(), set.Dim, set.Asset)
		}
		if _, mix := src.(*Mixture); mix != set.Modes {
			t.Errorf("%s: a mixture %v, table says modes %v", set.Name, mix, set.Modes)
		}
		if set.Image() {
			continue
		}
		const n = 2000
		pts := make([]float32, 2*n)
		src.Sample(rng.New(1), pts, n)
		out := 0
		for _, v := range pts {
			if v < -set.Extent || v > set.Extent {
				out++
			}
		}
		if out > n/100 {
			t.Errorf("%s: %d of %d coordinates outside ±%v", set.Name, out, 2*n, set.Extent)
		}
	}
	if _, err := New(spec{name: "nope"}, nil); err == nil {
		t.Error("an unknown set was built")
	}
	if _, err := New(spec{name: "mnist", digits: []int{1}}, nil); err == nil {
		t.Error("MNIST without the asset was built")
	}
}
