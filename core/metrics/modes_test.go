package metrics

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/rng"
)

func TestModeCoverage(t *testing.T) {
	m := data.Ring8()
	s := make([]float32, 2*2500)
	m.Sample(rng.New(1), s, 2500)
	r := ModeCoverage(m, s)
	if r.Hit != 8 || r.HQ < 0.99 || r.KL > 0.01 {
		t.Fatalf("the data itself scores %+v", r)
	}
	// All samples on one mode: collapse.
	for i := 0; i < 2500; i++ {
		s[2*i], s[2*i+1] = 2, 0
	}
	r = ModeCoverage(m, s)
	if r.Hit != 1 || r.HQ != 1 || math.Abs(r.KL-math.Log(8)) > 1e-9 {
		t.Fatalf("collapsed samples score %+v", r)
	}
	// Samples between modes: none high quality.
	for i := range s {
		s[i] = 0
	}
	if r = ModeCoverage(m, s); r.Hit != 0 || r.HQ != 0 || math.IsNaN(r.KL) {
		t.Fatalf("off-mode samples score %+v", r)
	}
}
