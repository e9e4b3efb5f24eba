package nn

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/rng"
)

// Net is a chain of layers.
type Net struct {
	Layers []Layer
	params []*Param
	first  int // index of the first layer with parameters
}

// Spec describes an MLP: In → Hidden… → Out.
type Spec struct {
	Name   string  // prefix of parameter names, "G" or "D"
	In     int     // input dimension
	Hidden []int   // hidden layer sizes
	Out    int     // output dimension
	Act    string  // hidden activation: relu, leaky, tanh, sigmoid or maxout
	Pieces int     // maxout pieces
	Drop   float64 // dropout probability after each hidden layer
	InDrop float64 // dropout probability on the input
	OutAct string  // "" (linear) or "sigmoid"
}

// NewMLP builds a network from a spec, initialising it from r (He for
// ReLU-like units, Glorot otherwise). r is kept for dropout masks.
func NewMLP(s Spec, r *rng.RNG) *Net {
	n := &Net{}
	add := func(l Layer) { n.Layers = append(n.Layers, l) }
	if s.InDrop > 0 {
		add(NewDropout(s.InDrop, s.In, r))
	}
	in := s.In
	for i, h := range s.Hidden {
		name := fmt.Sprintf("%s.%d", s.Name, i)
		if s.Act == "maxout" {
			add(NewMaxout(name, in, h, s.Pieces, r))
		} else {
			std := HeStd(in)
			if s.Act == "tanh" || s.Act == "sigmoid" {
				std = GlorotStd(in, h)
			}
			add(NewDense(name, in, h, std, r))
			add(NewAct(s.Act, h))
		}
		if s.Drop > 0 {
			add(NewDropout(s.Drop, h, r))
		}
		in = h
	}
	add(NewDense(fmt.Sprintf("%s.%d", s.Name, len(s.Hidden)), in, s.Out, GlorotStd(in, s.Out), r))
	if s.OutAct != "" {
		add(NewAct(s.OutAct, s.Out))
	}
	n.index()
	return n
}

// index lists the parameters and finds the first layer that has some.
func (n *Net) index() {
	n.first = -1
	for i, l := range n.Layers {
		if n.first < 0 && len(l.Params()) > 0 {
			n.first = i
		}
		n.params = append(n.params, l.Params()...)
	}
}

// Params lists every trainable tensor, layer by layer, weights then biases.
func (n *Net) Params() []*Param { return n.params }

// In and Out are the net's input and output dimensions.
func (n *Net) In() int  { return n.Layers[0].In() }
func (n *Net) Out() int { return n.Layers[len(n.Layers)-1].Out() }

// Forward runs the batch x (rows×In) through every layer.
func (n *Net) Forward(x []float32, rows int, train bool) []float32 {
	for _, l := range n.Layers {
		x = l.Forward(x, rows, train)
	}
	return x
}

// Backward propagates dL/dout back through the net, accumulating parameter
// gradients; it returns dL/dinput when needDX, else nil. Without needDX it
// stops at the first layer with parameters: below it (D's input dropout)
// nothing needs a gradient, and that layer's dL/dx is D's largest product.
func (n *Net) Backward(dy []float32, rows int, needDX bool) []float32 {
	for i := len(n.Layers) - 1; i >= 0; i-- {
		if !needDX && i <= n.first {
			n.Layers[i].Backward(dy, rows, false)
			return nil
		}
		dy = n.Layers[i].Backward(dy, rows, true)
	}
	return dy
}

// InputGrad propagates dL/dout back to dL/dinput, leaving every parameter
// gradient as it was.
func (n *Net) InputGrad(dy []float32, rows int) []float32 {
	for i := len(n.Layers) - 1; i >= 0; i-- {
		dy = n.Layers[i].InputGrad(dy, rows)
	}
	return dy
}

// ZeroGrad clears every gradient.
func (n *Net) ZeroGrad() {
	for _, p := range n.params {
		clear(p.G)
	}
}

// OutputBias returns the bias of the last Dense layer (to initialise G's
// output from the data marginals, as the paper's code did).
func (n *Net) OutputBias() []float32 {
	for i := len(n.Layers) - 1; i >= 0; i-- {
		if d, ok := n.Layers[i].(*Dense); ok {
			return d.b.W
		}
	}
	return nil
}

// ParamCount is the number of trainable scalars.
func (n *Net) ParamCount() int {
	c := 0
	for _, p := range n.params {
		c += len(p.W)
	}
	return c
}
