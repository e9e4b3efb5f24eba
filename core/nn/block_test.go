package nn

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// A block of shards in one pass gives each shard the bits it gets alone:
// the same outputs, the same dL/dx, and in each shard's buffer the same
// parameter gradients. Shards of 3 rows put the kernels' row pairs and
// quads across shard edges; half-zero inputs, ReLU and dropout send some
// products down the zero-skipping loops; 70 and 68 columns reach the
// tiles' edges.
func TestBackwardShardsIsEachShardAlone(t *testing.T) {
	specs := map[string]Spec{
		"maxout+dropout": {Name: "D", In: 70, Hidden: []int{68, 9}, Out: 1, Act: "maxout", Pieces: 3, Drop: 0.3, InDrop: 0.2},
		"relu":           {Name: "D", In: 70, Hidden: []int{68, 12}, Out: 5, Act: "relu"},
		"leaky+dropout":  {Name: "G", In: 6, Hidden: []int{68, 70}, Out: 70, Act: "leaky", Drop: 0.5, OutAct: "tanh"},
	}
	const s, lo, hi, p = 8, 2, 6, 3 // shards, the block, each shard's real (and fake) rows
	const b, np = hi - lo, s * p
	for name, spec := range specs {
		r := rng.New(11)
		n := NewMLP(spec, r)
		n.DrawMasks(2 * np)
		in, out := n.In(), n.Out()
		x, dy := make([]float32, 2*b*p*in), make([]float32, 2*b*p*out)
		for i := range x {
			if r.Float64() < 0.5 {
				x[i] = float32(r.Normal())
			}
		}
		for i := range dy {
			dy[i] = float32(r.Normal())
		}
		size := n.GradSize()

		// Each shard alone, on a replica as a goroutine worker would.
		one := n.Replica()
		var wantY, wantDX []float32
		want := make([][]float32, b)
		for j := range b {
			rows := 2 * p
			want[j] = make([]float32, size)
			one.PointGrads(want[j])
			y := one.ForwardShard(x[j*rows*in:(j+1)*rows*in], rows, Rows{A: (lo + j) * p, Split: p, B: np + (lo+j)*p})
			wantY = append(wantY, y...)
			wantDX = append(wantDX, one.Backward(dy[j*rows*out:(j+1)*rows*out], rows, true)...)
		}

		// Buffers holding an earlier update's values, and longer than
		// needed, as pooled ones may be: the gradients overwrite them.
		got := make([][]float32, b)
		for j := range got {
			got[j] = make([]float32, size+5)
		}
		stale := func() {
			for j := range got {
				for i := range got[j] {
					got[j][i] = 7
				}
			}
		}
		stale()
		y := n.ForwardShard(x, 2*b*p, Rows{A: lo * p, Split: p, B: np + lo*p, Each: 2 * p})
		same(t, name+" output", y, wantY)
		same(t, name+" dL/dx", n.BackwardShards(dy, 2*b*p, got, true), wantDX)
		for j := range b {
			same(t, name+" gradient", got[j][:size], want[j])
			for _, v := range got[j][size:] {
				if v != 7 {
					t.Fatalf("%s: a value written past the gradient", name)
				}
			}
		}
		stale()
		if dx := n.BackwardShards(dy, 2*b*p, got, false); dx != nil {
			t.Fatalf("%s: dL/dx without needDX", name)
		}
		for j := range b {
			same(t, name+" gradient without dL/dx", got[j][:size], want[j])
		}
		if nonzero(want[b-1]) == 0 {
			t.Fatalf("%s: a zero gradient compares nothing", name)
		}
	}
}

func same(t *testing.T, what string, got, want []float32) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for i := range want {
		if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
			t.Fatalf("%s[%d] = %v, alone %v", what, i, got[i], want[i])
		}
	}
}

func nonzero(v []float32) int {
	c := 0
	for _, x := range v {
		if x != 0 {
			c++
		}
	}
	return c
}
