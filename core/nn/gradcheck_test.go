package nn

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// objective is L = Σ y·c for fixed random c, accumulated in float64, so
// dL/dy = c and the check exercises every path of Backward.
func objective(l Layer, x []float32, rows int, c []float64) float64 {
	y := l.Forward(x, rows, false)
	var s float64
	for i, v := range y {
		s += float64(v) * c[i]
	}
	return s
}

// checkLayer compares Backward with central differences of Forward. The
// layers compute in float32, so the step is large-ish and the tolerance
// relative; a wrong gradient is off by far more.
func checkLayer(t *testing.T, name string, l Layer, rows int, r *rng.RNG) {
	t.Helper()
	x := make([]float32, rows*l.In())
	for i := range x {
		x[i] = float32(r.Normal())
		for math.Abs(float64(x[i])) < 0.05 { // keep away from ReLU/maxout kinks
			x[i] = float32(r.Normal())
		}
	}
	c := make([]float64, rows*l.Out())
	dy := make([]float32, len(c))
	for i := range c {
		c[i] = r.Normal()
		dy[i] = float32(c[i])
	}
	for _, p := range l.Params() {
		clear(p.G)
	}
	l.Forward(x, rows, false)
	dx := append([]float32(nil), l.Backward(dy, rows, true)...)

	const h = 1e-2
	compare := func(what string, v []float32, grad []float32) {
		for i := range v {
			old := v[i]
			v[i] = old + h
			lp := objective(l, x, rows, c)
			v[i] = old - h
			lm := objective(l, x, rows, c)
			v[i] = old
			num := (lp - lm) / (2 * h)
			if d := math.Abs(num - float64(grad[i])); d > 2e-2*math.Max(1, math.Abs(num)) {
				t.Fatalf("%s: d/d%s[%d]: backward %v, finite difference %v", name, what, i, grad[i], num)
			}
		}
	}
	compare("x", x, dx)
	for _, p := range l.Params() {
		compare(p.Name, p.W, append([]float32(nil), p.G...))
	}
}

func TestGradients(t *testing.T) {
	r := rng.New(1)
	const rows = 5
	checkLayer(t, "dense", NewDense("d", 4, 3, 0.5, r), rows, r)
	for _, k := range []string{"relu", "leaky", "tanh", "sigmoid"} {
		checkLayer(t, k, NewAct(k, 6), rows, r)
	}
	checkLayer(t, "maxout", NewMaxout("m", 4, 3, 3, r), rows, r)
	checkLayer(t, "mlp", NewMLP(Spec{Name: "G", In: 3, Hidden: []int{5, 4}, Out: 2, Act: "tanh", OutAct: "sigmoid"}, r), rows, r)
	checkLayer(t, "mlp-maxout", NewMLP(Spec{Name: "D", In: 3, Hidden: []int{4}, Out: 1, Act: "maxout", Pieces: 2}, r), rows, r)
}

// Dropout is random, so it is checked against its own mask: with the mask
// fixed it is linear, and its gradient is the mask itself.
func TestDropout(t *testing.T) {
	r := rng.New(2)
	d := NewDropout(0.5, 1000, r)
	x := make([]float32, 1000)
	for i := range x {
		x[i] = 1
	}
	y := d.Forward(x, 1, true)
	kept := 0
	for _, v := range y {
		switch v {
		case 0:
		case 2:
			kept++
		default:
			t.Fatalf("dropout output %v, want 0 or 2", v)
		}
	}
	if kept < 430 || kept > 570 {
		t.Fatalf("kept %d of 1000 at p=0.5", kept)
	}
	dy := make([]float32, 1000)
	for i := range dy {
		dy[i] = 3
	}
	dx := d.Backward(dy, 1, true)
	for i := range dx {
		if dx[i] != 3*y[i] {
			t.Fatalf("dropout grad %v at %d, mask %v", dx[i], i, y[i])
		}
	}
	if e := d.Forward(x, 1, false); &e[0] != &x[0] {
		t.Fatal("dropout at eval must be the identity")
	}
}

func TestMLPShapesAndParams(t *testing.T) {
	n := NewMLP(Spec{Name: "D", In: 784, Hidden: []int{240, 240}, Out: 1, Act: "maxout", Pieces: 5, Drop: 0.5, InDrop: 0.2}, rng.New(1))
	want := (784*1200 + 1200) + (240*1200 + 1200) + (240 + 1)
	if n.ParamCount() != want {
		t.Fatalf("param count %d want %d", n.ParamCount(), want)
	}
	names := []string{}
	for _, p := range n.Params() {
		names = append(names, p.Name)
	}
	if len(names) != 6 || names[0] != "D.0.w" || names[1] != "D.0.b" || names[5] != "D.2.b" {
		t.Fatalf("param order %v", names)
	}
}

func TestZeroAllocForward(t *testing.T) {
	n := NewMLP(Spec{Name: "G", In: 8, Hidden: []int{32, 32}, Out: 2, Act: "relu", Drop: 0.1}, rng.New(1))
	x := make([]float32, 64*8)
	dy := make([]float32, 64*2)
	step := func() {
		n.ZeroGrad()
		n.Forward(x, 64, true)
		n.Backward(dy, 64, true)
	}
	step()
	if a := testing.AllocsPerRun(20, step); a != 0 {
		t.Fatalf("%v allocations per forward/backward", a)
	}
}
