package gan

import (
	"math"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Sharded recipes exercising every batch-level path: packing, dropout on
// both nets and D's input, maxout, k > 1, WGAN's clipping, gema.
var shardRecipes = []string{
	"batch=64&pack=2&shards=8&g=32,32&d=32,32&gdrop=0.2&ddrop=0.3&ddropin=0.1&z=8&decay=1",
	"batch=32&pack=1&shards=4&g=16&d=16&dact=maxout&pieces=3&ddrop=0.5&z=4&opt=sgd&lrg=0.05&lrd=0.05&momramp=10&loss=wgan&k=2",
	"batch=48&pack=3&shards=16&g=16,16&d=24&z=3&loss=lsgan&gema=0.9&prior=uniform",
}

func trainShards(t *testing.T, s string, workers, steps int) *Trainer {
	t.Helper()
	tr := newTrainer(t, s)
	tr.SetWorkers(workers)
	t.Cleanup(func() { tr.SetWorkers(1) })
	for i := 0; i < steps; i++ {
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	return tr
}

// Any number of goroutine workers, a whole number of subtrees each or not
// (3 workers over 8 shards), trains the same bits, statistics included.
func TestShardsAnyWorkers(t *testing.T) {
	for _, s := range shardRecipes {
		one := trainShards(t, s, 1, 20)
		want := Fingerprint(one.Sampler(), one.D)
		for _, w := range []int{2, 3, 8} {
			tr := trainShards(t, s, w, 20)
			if got := Fingerprint(tr.Sampler(), tr.D); got != want {
				t.Errorf("%s: %d workers give %s, one gives %s", s, w, got, want)
			}
			if tr.Stats != one.Stats {
				t.Errorf("%s: %d workers' stats %+v, one's %+v", s, w, tr.Stats, one.Stats)
			}
		}
	}
}

// A golden fingerprint of a sharded recipe: this test runs natively and in
// WebAssembly (make test-wasm), so the sharded path trains the same bits
// in the browser's workers as on the command line.
func TestShardsGolden(t *testing.T) {
	const s = "batch=64&pack=2&shards=8&g=32,32&d=32,32&gdrop=0.2&ddrop=0.3&ddropin=0.1&z=8&decay=1"
	for _, w := range []int{1, 3} {
		tr := trainShards(t, s, w, 30)
		if got, want := Fingerprint(tr.Sampler(), tr.D), "64e7680ca9cc6cb2"; got != want {
			t.Errorf("%d workers: fingerprint %s, want %s", w, got, want)
		}
	}
}

// The sharded gradient is the whole batch's: from the same weights and
// the same stream, one update's gradient with S shards equals the one of
// shards=1 up to float32 rounding (the sums run in another order), for D
// and for G, with dropout and packing. A wrong row offset, mask or divisor
// would be off by far more.
func TestShardsGradientIsBatchGradient(t *testing.T) {
	for _, s := range shardRecipes {
		rc, err := recipe.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		whole := rc
		whole.Shards = 1
		a, b := newTrainer(t, whole.String()), newTrainer(t, s)
		b.SetWorkers(3)
		t.Cleanup(func() { b.SetWorkers(1) })
		for step := 0; step < 3; step++ {
			for _, upd := range []struct {
				name string
				net  func(*Trainer) []float32
				run  func(*Trainer) error
			}{
				{"D", func(t *Trainer) []float32 { return flatGrad(t.D.Params()) }, (*Trainer).StepD},
				{"G", func(t *Trainer) []float32 { return flatGrad(t.G.Params()) }, (*Trainer).StepG},
			} {
				// Both start each update from the same weights and stream.
				copyTrainer(t, b, a)
				if err := upd.run(a); err != nil {
					t.Fatal(err)
				}
				if err := upd.run(b); err != nil {
					t.Fatal(err)
				}
				ga, gb := upd.net(a), upd.net(b)
				var scale float64
				for _, v := range ga {
					scale = math.Max(scale, math.Abs(float64(v)))
				}
				if scale == 0 {
					t.Fatalf("%s: %s's gradient is zero", s, upd.name)
				}
				for i := range ga {
					if d := math.Abs(float64(ga[i] - gb[i])); d > 1e-5*scale {
						t.Fatalf("%s step %d: %s gradient[%d] sharded %v, whole %v (scale %v)", s, step, upd.name, i, gb[i], ga[i], scale)
					}
				}
				if d := math.Abs(a.Stats.DLoss - b.Stats.DLoss); d > 1e-6 {
					t.Fatalf("%s: D loss sharded %v, whole %v", s, b.Stats.DLoss, a.Stats.DLoss)
				}
				if d := math.Abs(a.Stats.GLoss - b.Stats.GLoss); d > 1e-6 {
					t.Fatalf("%s: G loss sharded %v, whole %v", s, b.Stats.GLoss, a.Stats.GLoss)
				}
			}
		}
	}
}

func flatGrad(ps []*nn.Param) []float32 {
	var g []float32
	for _, p := range ps {
		g = append(g, p.G...)
	}
	return g
}

// copyTrainer makes dst's weights, optimiser state and stream src's.
func copyTrainer(t *testing.T, dst, src *Trainer) {
	t.Helper()
	for i, net := range src.Nets() {
		for j, p := range net.Params() {
			copy(dst.Nets()[i].Params()[j].W, p.W)
		}
	}
	so, do := src.OptD.State(), dst.OptD.State()
	for i := range so {
		copy(do[i], so[i])
	}
	so, do = src.OptG.State(), dst.OptG.State()
	for i := range so {
		copy(do[i], so[i])
	}
	dst.OptD.T, dst.OptD.Scale, dst.OptD.B1T, dst.OptD.B2T = src.OptD.T, src.OptD.Scale, src.OptD.B1T, src.OptD.B2T
	dst.OptG.T, dst.OptG.Scale, dst.OptG.B1T, dst.OptG.B2T = src.OptG.T, src.OptG.Scale, src.OptG.B1T, src.OptG.B2T
	*dst.RNG = *src.RNG
}

// In the steady state a sharded step allocates nothing, with goroutine
// workers too.
func TestShardsZeroAlloc(t *testing.T) {
	tr := trainShards(t, shardRecipes[0], 3, 3)
	if a := testing.AllocsPerRun(10, func() {
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}); a != 0 {
		t.Fatalf("%v allocations per sharded step", a)
	}
}

// Subtrees of a block are aligned, maximal, and tile it.
func TestSubtrees(t *testing.T) {
	type node struct{ lo, size int }
	cases := []struct {
		lo, hi int
		want   []node
	}{
		{0, 8, []node{{0, 8}}},
		{0, 2, []node{{0, 2}}},
		{2, 5, []node{{2, 2}, {4, 1}}},
		{5, 8, []node{{5, 1}, {6, 2}}},
		{0, 3, []node{{0, 2}, {2, 1}}},
		{1, 8, []node{{1, 1}, {2, 2}, {4, 4}}},
	}
	for _, c := range cases {
		var got []node
		Subtrees(c.lo, c.hi, func(lo, size int) { got = append(got, node{lo, size}) })
		if len(got) != len(c.want) {
			t.Fatalf("Subtrees(%d, %d) = %v, want %v", c.lo, c.hi, got, c.want)
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Fatalf("Subtrees(%d, %d) = %v, want %v", c.lo, c.hi, got, c.want)
			}
		}
	}
}

// A replica needs shards, and at most one worker per shard.
func TestSetReplicaRefuses(t *testing.T) {
	if err := newTrainer(t, "batch=64&g=8&d=8").SetReplica(0, 2, nil); err == nil {
		t.Error("replica of a recipe with shards=1: no error")
	}
	tr := newTrainer(t, "batch=64&g=8&d=8&shards=4")
	for _, c := range [][2]int{{0, 5}, {2, 2}, {-1, 2}, {0, 0}, {0, 2}} {
		if err := tr.SetReplica(c[0], c[1], nil); err == nil {
			t.Errorf("replica %d of %d with 4 shards: no error", c[0], c[1])
		}
	}
}

// shards must be a power of two dividing batch/pack: the recipe says so
// by name.
func TestShardsKeyChecked(t *testing.T) {
	for _, s := range []string{"batch=64&shards=3", "batch=64&pack=2&shards=64", "batch=48&pack=3&shards=32"} {
		if _, err := recipe.Parse(s); err == nil || !strings.Contains(err.Error(), "shards") {
			t.Errorf("%s: error %v, want one naming shards", s, err)
		}
	}
}
