package nn

import (
	"fmt"
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// The float64 reference: every layer's forward pass written again from
// its definition, in float64, over float64 copies of the weights. Its
// gradients, by central differences with a step of 1e-6, are exact to
// about 1e-9 — far below float32's rounding — so the float32 Backward
// can be held to a tolerance a float32 computation can only just meet.

// weights64 is a float64 copy of every parameter of a layer.
type weights64 map[*Param][]float64

func copyWeights(l Layer) weights64 {
	w := weights64{}
	for _, p := range l.Params() {
		v := make([]float64, len(p.W))
		for i, x := range p.W {
			v[i] = float64(x)
		}
		w[p] = v
	}
	return w
}

// forward64 is l's forward pass in evaluation mode (dropout is then the
// identity; TestDropout checks training mode against its mask).
func forward64(l Layer, w weights64, x []float64, rows int) []float64 {
	switch l := l.(type) {
	case *Net:
		for _, s := range l.Layers {
			x = forward64(s, w, x, rows)
		}
		return x
	case *Dense:
		wt, b := w[&l.w], w[&l.b]
		y := make([]float64, rows*l.out)
		for i := 0; i < rows; i++ {
			for j := 0; j < l.out; j++ {
				s := b[j]
				for k := 0; k < l.in; k++ {
					s += x[i*l.in+k] * wt[k*l.out+j]
				}
				y[i*l.out+j] = s
			}
		}
		return y
	case *Act:
		y := make([]float64, len(x))
		for i, v := range x {
			switch l.kind {
			case "relu":
				y[i] = math.Max(v, 0)
			case "leaky":
				y[i] = v
				if v < 0 {
					y[i] = LeakySlope * v
				}
			case "tanh":
				y[i] = math.Tanh(v)
			case "sigmoid":
				y[i] = 1 / (1 + math.Exp(-v))
			}
		}
		return y
	case *Maxout:
		z := forward64(l.lin, w, x, rows)
		y := make([]float64, rows*l.out)
		for u := range y {
			y[u] = z[u*l.k]
			for p := 1; p < l.k; p++ {
				y[u] = math.Max(y[u], z[u*l.k+p])
			}
		}
		return y
	case *Dropout:
		return x
	}
	panic(fmt.Sprintf("no float64 reference for %T", l))
}

// dot is Σ y·c, the objective whose gradient the checks compare: dL/dy = c
// exercises every path of Backward.
func dot(y, c []float64) float64 {
	var s float64
	for i := range y {
		s += y[i] * c[i]
	}
	return s
}

// Tolerances, as |float32 − float64| ≤ tol·max(1, |float64|). The largest
// differences measured on these layers (natively and in WASM alike) were
// 8.6e-8 for outputs and 3.5e-7 for gradients: the tolerances leave about
// ten times that.
const (
	forwardTol  = 1e-6
	gradientTol = 4e-6
)

func close64(got float32, want, tol float64) bool {
	return math.Abs(float64(got)-want) <= tol*math.Max(1, math.Abs(want))
}

// checkLayer compares l's float32 Forward with the reference, then its
// Backward (dL/dx and every parameter gradient) with the reference's
// central differences.
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
		dy[i] = float32(r.Normal())
		c[i] = float64(dy[i])
	}
	x64 := make([]float64, len(x))
	for i, v := range x {
		x64[i] = float64(v)
	}
	w := copyWeights(l)

	y := l.Forward(x, rows, false)
	for i, want := range forward64(l, w, x64, rows) {
		if !close64(y[i], want, forwardTol) {
			t.Fatalf("%s: y[%d] = %v, float64 reference %v", name, i, y[i], want)
		}
	}
	for _, p := range l.Params() {
		clear(p.G)
	}
	dx := append([]float32(nil), l.Backward(dy, rows, true)...)

	const h = 1e-6
	compare := func(what string, v []float64, grad []float32) {
		for i := range v {
			old := v[i]
			v[i] = old + h
			lp := dot(forward64(l, w, x64, rows), c)
			v[i] = old - h
			lm := dot(forward64(l, w, x64, rows), c)
			v[i] = old
			if num := (lp - lm) / (2 * h); !close64(grad[i], num, gradientTol) {
				t.Fatalf("%s: dL/d%s[%d]: backward %v, float64 reference %v", name, what, i, grad[i], num)
			}
		}
	}
	compare("x", x64, dx)
	for _, p := range l.Params() {
		compare(p.Name, w[p], p.G)
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
	checkLayer(t, "dropout (evaluation)", NewDropout(0.5, 6, r), rows, r)
	checkLayer(t, "mlp", NewMLP(Spec{Name: "G", In: 3, Hidden: []int{5, 4}, Out: 2, Act: "tanh", OutAct: "sigmoid"}, r), rows, r)
	checkLayer(t, "mlp-relu", NewMLP(Spec{Name: "G", In: 3, Hidden: []int{6, 5}, Out: 2, Act: "relu"}, r), rows, r)
	checkLayer(t, "mlp-leaky", NewMLP(Spec{Name: "D", In: 3, Hidden: []int{6}, Out: 1, Act: "leaky"}, r), rows, r)
	checkLayer(t, "mlp-maxout", NewMLP(Spec{Name: "D", In: 3, Hidden: []int{4}, Out: 1, Act: "maxout", Pieces: 2, Drop: 0.5, InDrop: 0.2}, r), rows, r)
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
