package gan

import "testing"

// GAvg follows a ← e·a + (1−e)·w after every G update, from G's initial
// weights; samples come from it; without gema there is none.
func TestAverageOfG(t *testing.T) {
	tr := newTrainer(t, "batch=32&g=8,8&d=8&z=2&lrg=0.01&lrd=0.01&gema=0.75")
	if tr.GAvg == nil || tr.Sampler() != tr.GAvg {
		t.Fatal("gema=0.75 keeps no average")
	}
	want := make([][]float64, 0)
	for _, p := range tr.G.Params() {
		a := make([]float64, len(p.W))
		for j, v := range p.W {
			a[j] = float64(v)
		}
		want = append(want, a)
	}
	for step := 0; step < 20; step++ {
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
		for i, p := range tr.G.Params() {
			for j, v := range p.W {
				want[i][j] = 0.75*want[i][j] + 0.25*float64(v)
			}
		}
	}
	moved := false
	for i, p := range tr.GAvg.Params() {
		for j, v := range p.W {
			if d := float64(v) - want[i][j]; d > 1e-5 || d < -1e-5 {
				t.Fatalf("%s[%d] = %g, the average is %g", p.Name, j, v, want[i][j])
			}
			moved = moved || v != tr.G.Params()[i].W[j]
		}
	}
	if !moved {
		t.Error("the average equals G: it is not an average")
	}
	a, g := tr.Samples(4, 1), tr.G.Forward(tr.Noise(4, 1), 4, false)
	if a[0] == g[0] && a[1] == g[1] {
		t.Error("samples come from G, not from its average")
	}
	if plain := newTrainer(t, "batch=32&g=8,8&d=8&z=2"); plain.GAvg != nil || plain.Sampler() != plain.G {
		t.Error("gema=0 keeps an average")
	}
}
