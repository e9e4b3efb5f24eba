package share

import (
	"math"
	"testing"
)

// A run that averages G shares the average — the generator its samples
// come from — and the opened model's samples are those samples.
func TestLinkCarriesTheAverageOfG(t *testing.T) {
	tr := trained(t, "steps=30&g=16,16&d=16&seed=4&gema=0.9", 30)
	s, _, err := EncodeQuant(tr, QuantF16)
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := Decode(s)
	if err != nil {
		t.Fatal(err)
	}
	if got.GAvg == nil {
		t.Fatal("the opened recipe keeps no average")
	}
	for i, p := range got.G.Params() {
		for j, v := range p.W {
			a := tr.GAvg.Params()[i].W[j]
			if math.Abs(float64(v-a)) > 1e-3*max(1, math.Abs(float64(a))) || got.GAvg.Params()[i].W[j] != v {
				t.Fatalf("opened %s[%d] = %g (average %g), the sender's average is %g", p.Name, j, v, got.GAvg.Params()[i].W[j], a)
			}
		}
	}
	if d := maxDiff(tr, got, 256); d > 0.02 {
		t.Errorf("samples differ by %g", d)
	}
}
