package nn

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// InputGrad must return exactly Backward's dL/dx and leave every parameter
// gradient untouched.
func TestInputGrad(t *testing.T) {
	r := rng.New(3)
	const rows = 7
	layers := map[string]Layer{
		"dense":   NewDense("d", 5, 3, 0.5, r),
		"act":     NewAct("tanh", 4),
		"maxout":  NewMaxout("m", 5, 3, 3, r),
		"dropout": NewDropout(0.5, 6, r),
		"mlp":     NewMLP(Spec{Name: "D", In: 4, Hidden: []int{6, 5}, Out: 1, Act: "maxout", Pieces: 2, Drop: 0.3, InDrop: 0.1}, r),
	}
	for name, l := range layers {
		x, dy := make([]float32, rows*l.In()), make([]float32, rows*l.Out())
		for i := range x {
			x[i] = float32(r.Normal())
		}
		for i := range dy {
			dy[i] = float32(r.Normal())
		}
		for _, p := range l.Params() {
			for i := range p.G {
				p.G[i] = float32(i) // sentinel values
			}
		}
		l.Forward(x, rows, true)
		got := append([]float32(nil), l.InputGrad(dy, rows)...)
		for _, p := range l.Params() {
			for i, g := range p.G {
				if g != float32(i) {
					t.Fatalf("%s: InputGrad changed %s.G[%d]", name, p.Name, i)
				}
			}
		}
		want := l.Backward(dy, rows, true)
		for i := range want {
			if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
				t.Fatalf("%s: InputGrad[%d]=%v, Backward %v", name, i, got[i], want[i])
			}
		}
	}
}

// Without needDX, Backward stops at the first layer with parameters (here
// below D's input dropout) and returns nil, with the same gradients.
func TestBackwardWithoutInputGrad(t *testing.T) {
	r := rng.New(4)
	const rows = 6
	n := NewMLP(Spec{Name: "D", In: 5, Hidden: []int{4}, Out: 1, Act: "maxout", Pieces: 3, InDrop: 0.3}, r)
	x, dy := make([]float32, rows*5), make([]float32, rows)
	for i := range x {
		x[i] = float32(r.Normal())
	}
	for i := range dy {
		dy[i] = float32(r.Normal())
	}
	n.Forward(x, rows, true)
	n.ZeroGrad()
	n.Backward(dy, rows, true)
	var want [][]float32
	for _, p := range n.Params() {
		want = append(want, append([]float32(nil), p.G...))
	}
	n.ZeroGrad()
	if dx := n.Backward(dy, rows, false); dx != nil {
		t.Fatal("Backward without needDX returned a gradient")
	}
	for i, p := range n.Params() {
		for j, g := range p.G {
			if math.Float32bits(g) != math.Float32bits(want[i][j]) {
				t.Fatalf("%s.G[%d] = %v, with needDX %v", p.Name, j, g, want[i][j])
			}
		}
	}
}
