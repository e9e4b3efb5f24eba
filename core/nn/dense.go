package nn

import (
	"math"

	"github.com/ganplayground/ganplayground/core/mat"
	"github.com/ganplayground/ganplayground/core/rng"
)

// Dense is y = x·W + b with W stored In×Out.
type Dense struct {
	in, out int
	w, b    Param
	x       []float32
	y, dx   []float32
}

// NewDense makes a layer with weights drawn N(0, std²) and zero biases.
func NewDense(name string, in, out int, std float64, r *rng.RNG) *Dense {
	d := &Dense{in: in, out: out,
		w: Param{Name: name + ".w", Rows: in, Cols: out, W: make([]float32, in*out), G: make([]float32, in*out)},
		b: Param{Name: name + ".b", Rows: 1, Cols: out, W: make([]float32, out), G: make([]float32, out)},
	}
	for i := range d.w.W {
		d.w.W[i] = float32(r.Normal() * std)
	}
	return d
}

// HeStd is the He initialisation scale for ReLU-like units.
func HeStd(fanIn int) float64 { return math.Sqrt(2 / float64(fanIn)) }

// GlorotStd is the Glorot (Xavier) scale for tanh, sigmoid and linear units.
func GlorotStd(fanIn, fanOut int) float64 { return math.Sqrt(2 / float64(fanIn+fanOut)) }

func (d *Dense) In() int           { return d.in }
func (d *Dense) Out() int          { return d.out }
func (d *Dense) Params() []*Param  { return []*Param{&d.w, &d.b} }
func (d *Dense) Bias() []float32   { return d.b.W }
func (d *Dense) Weight() []float32 { return d.w.W }

func (d *Dense) Forward(x []float32, rows int, train bool) []float32 {
	d.x = x
	d.y = grow(d.y, rows*d.out)
	for i := 0; i < rows; i++ {
		copy(d.y[i*d.out:(i+1)*d.out], d.b.W)
	}
	mat.MulNN(d.y, x, d.w.W, rows, d.in, d.out, true)
	return d.y
}

func (d *Dense) Backward(dy []float32, rows int, needDX bool) []float32 {
	mat.MulTN(d.w.G, d.x, dy, d.in, rows, d.out, true)
	mat.AddRows(d.b.G[:d.out], dy, rows)
	if !needDX {
		return nil
	}
	return d.InputGrad(dy, rows)
}

func (d *Dense) InputGrad(dy []float32, rows int) []float32 {
	d.dx = grow(d.dx, rows*d.in)
	mat.MulNT(d.dx, dy, d.w.W, rows, d.out, d.in, false)
	return d.dx
}
