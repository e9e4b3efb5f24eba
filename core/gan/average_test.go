package gan

import (
	"slices"
	"testing"
)

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

// With gavg=S the samples come, from step S+1 on, from the plain mean of
// G's weights after each step since S (Polyak averaging); before that
// from G (or gema's average). The average never feeds back: G and D
// train exactly as without it.
func TestPlainAverageOfG(t *testing.T) {
	const base = "batch=32&g=8,8&d=8&z=2&lrg=0.01&lrd=0.01"
	tr, plain := newTrainer(t, base+"&gavg=5"), newTrainer(t, base)
	if tr.GAvg == nil || tr.Sampler() != tr.GAvg {
		t.Fatal("gavg=5 keeps no average")
	}
	var sum [][]float64
	for _, p := range tr.G.Params() {
		sum = append(sum, make([]float64, len(p.W)))
	}
	for step := 1; step <= 25; step++ {
		for _, x := range []*Trainer{tr, plain} {
			if err := x.StepOnce(); err != nil {
				t.Fatal(err)
			}
		}
		if step <= 5 {
			for i, p := range tr.GAvg.Params() {
				if !slices.Equal(p.W, tr.G.Params()[i].W) {
					t.Fatalf("step %d, before the window: the sampler is not G", step)
				}
			}
			continue
		}
		for i, p := range tr.G.Params() {
			for j, v := range p.W {
				sum[i][j] += float64(v)
			}
		}
	}
	for i, p := range tr.GAvg.Params() {
		for j, v := range p.W {
			want := sum[i][j] / 20
			if d := float64(v) - want; d > 1e-6 || d < -1e-6 {
				t.Fatalf("%s[%d] = %g, the mean of steps 6…25 is %g", p.Name, j, v, want)
			}
		}
	}
	if Fingerprint(tr.G, tr.D) != Fingerprint(plain.G, plain.D) {
		t.Error("averaging changed how G and D train")
	}
}

// A run continued with its window opened later (train -from … gavg=S) is
// bit for bit the run that had gavg from the start — what lets a long run
// be given its averaging window afterwards. Opening it behind the run, or
// moving one that has started, is refused.
func TestStartAverageAt(t *testing.T) {
	const base = "batch=32&g=8,8&d=8&z=2&lrg=0.01&lrd=0.01&gema=0.9"
	whole, staged := newTrainer(t, base+"&gavg=10"), newTrainer(t, base)
	steps(t, staged, 10)
	if err := staged.StartAverageAt(10); err != nil {
		t.Fatal(err)
	}
	steps(t, staged, 15)
	steps(t, whole, 25)
	if a, b := Fingerprint(whole.Sampler(), whole.D), Fingerprint(staged.Sampler(), staged.D); a != b {
		t.Errorf("window opened at step 10 on continuing: fingerprint %s, from the start %s", b, a)
	}
	if staged.Recipe.String() != whole.Recipe.String() {
		t.Errorf("recipe %q, want %q", staged.Recipe.String(), whole.Recipe.String())
	}
	if err := staged.StartAverageAt(20); err == nil {
		t.Error("moved a window that has started")
	}
	late := newTrainer(t, "batch=32&g=8,8&d=8&z=2")
	steps(t, late, 3)
	if err := late.StartAverageAt(2); err == nil {
		t.Error("opened a window behind the run")
	}
	if err := late.StartAverageAt(3); err != nil || late.GAvg == nil {
		t.Errorf("gavg=3 at step 3: %v, average %v", err, late.GAvg != nil)
	}
}

func steps(t *testing.T, tr *Trainer, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
}
