package nn

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/fmath"
	"github.com/ganplayground/ganplayground/core/mat"
)

// LeakySlope is the negative slope of LeakyReLU (the DCGAN value).
const LeakySlope = 0.2

// Act is an element-wise activation. Backward uses the saved output, which
// is enough for every kind here.
type Act struct {
	kind  string
	dim   int
	y, dx []float32
}

// NewAct makes one of relu, leaky, tanh, sigmoid. It panics on any other
// name: the recipe whitelist has already checked it.
func NewAct(kind string, dim int) *Act {
	switch kind {
	case "relu", "leaky", "tanh", "sigmoid":
	default:
		panic(fmt.Sprintf("nn: unknown activation %q", kind))
	}
	return &Act{kind: kind, dim: dim}
}

func (a *Act) In() int          { return a.dim }
func (a *Act) Out() int         { return a.dim }
func (a *Act) Params() []*Param { return nil }
func (a *Act) Kind() string     { return a.kind }

func (a *Act) Forward(x []float32, rows int, train bool) []float32 {
	a.y = grow(a.y, rows*a.dim)
	y := a.y
	switch a.kind {
	case "relu": // v <= 0 rather than max(v, 0): the same values, NaN included
		mat.ReLU(y, x)
	case "leaky":
		mat.Leaky(y, x, LeakySlope)
	case "tanh":
		for i, v := range x[:len(y)] {
			y[i] = fmath.Tanh(v)
		}
	case "sigmoid":
		for i, v := range x[:len(y)] {
			y[i] = fmath.Sigmoid(v)
		}
	}
	return y
}

// InputGrad is Backward: an activation has no parameters.
func (a *Act) InputGrad(dy []float32, rows int) []float32 { return a.Backward(dy, rows, true) }

func (a *Act) Backward(dy []float32, rows int, needDX bool) []float32 {
	a.dx = grow(a.dx, rows*a.dim)
	dx := a.dx
	y := a.y[:len(dx)]
	switch a.kind {
	case "relu":
		mat.ReLUGrad(dx, dy, y)
	case "leaky":
		mat.LeakyGrad(dx, dy, y, LeakySlope)
	case "tanh":
		for i, g := range dy[:len(dx)] {
			dx[i] = float32(g * (1 - float32(y[i]*y[i])))
		}
	case "sigmoid":
		for i, g := range dy[:len(dx)] {
			dx[i] = float32(g * float32(y[i]*(1-y[i])))
		}
	}
	return dx
}
