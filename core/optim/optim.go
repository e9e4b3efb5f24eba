// Package optim updates parameters from their gradients: SGD with momentum
// (with the paper's momentum ramp and learning-rate decay) and Adam.
package optim

import (
	"fmt"
	"math"

	"github.com/ganplayground/ganplayground/core/mat"
	"github.com/ganplayground/ganplayground/core/nn"
)

// Config is one network's optimiser settings.
type Config struct {
	Kind    string  // "sgd" or "adam"
	LR      float64 // base learning rate
	Mom     float64 // SGD momentum at the start / Adam β1
	MomEnd  float64 // SGD momentum at the end of the ramp
	MomRamp int     // ramp length in updates; 0 = constant momentum
	Decay   float64 // the learning rate is divided by Decay every update
	LRMin   float64 // floor under decay
	B2      float64 // Adam β2
}

// Optimizer holds the per-parameter state of one network. It allocates its
// state once; Update allocates nothing.
type Optimizer struct {
	Cfg    Config
	T      int     // updates done
	Scale  float64 // accumulated decay, 1/Decay^T, kept as a product so that it is exact to replay
	B1T    float64 // β1^T (Adam bias correction), kept as a product for the same reason
	B2T    float64 // β2^T
	params []*nn.Param
	m, v   [][]float32 // SGD velocity in m; Adam moments in m and v
}

// New makes an optimiser over params.
func New(cfg Config, params []*nn.Param) (*Optimizer, error) {
	if cfg.Kind != "sgd" && cfg.Kind != "adam" {
		return nil, fmt.Errorf("optim: unknown optimiser %q", cfg.Kind)
	}
	o := &Optimizer{Cfg: cfg, Scale: 1, B1T: 1, B2T: 1, params: params}
	for _, p := range params {
		o.m = append(o.m, make([]float32, len(p.W)))
		if cfg.Kind == "adam" {
			o.v = append(o.v, make([]float32, len(p.W)))
		}
	}
	return o, nil
}

// LR is the learning rate the next update uses.
func (o *Optimizer) LR() float64 {
	return math.Max(o.Cfg.LR*o.Scale, math.Min(o.Cfg.LRMin, o.Cfg.LR))
}

// Momentum is the SGD momentum the next update uses.
func (o *Optimizer) Momentum() float64 {
	c := o.Cfg
	if c.MomRamp <= 0 || o.T >= c.MomRamp {
		if c.MomRamp > 0 {
			return c.MomEnd
		}
		return c.Mom
	}
	return c.Mom + (c.MomEnd-c.Mom)*float64(o.T)/float64(c.MomRamp)
}

// State exposes the moment buffers (for checkpoints), in Params order:
// all of m, then all of v.
func (o *Optimizer) State() [][]float32 { return append(append([][]float32{}, o.m...), o.v...) }

// Update applies one step from the gradients in params.
func (o *Optimizer) Update() {
	lr := o.LR()
	switch o.Cfg.Kind {
	case "sgd":
		mom, step := float32(o.Momentum()), float32(lr)
		for i, p := range o.params {
			mat.SGD(p.W, p.G, o.m[i], mom, step)
		}
	case "adam":
		b1, b2 := o.Cfg.Mom, o.Cfg.B2
		o.B1T *= b1
		o.B2T *= b2
		// Fold both bias corrections into the step size (Kingma & Ba, §2).
		step := float32(lr * math.Sqrt(1-o.B2T) / (1 - o.B1T))
		eps := float32(1e-8 * math.Sqrt(1-o.B2T))
		fb1, fb2 := float32(b1), float32(b2)
		cb1, cb2 := float32(1-b1), float32(1-b2)
		for i, p := range o.params {
			mat.Adam(p.W, p.G, o.m[i], o.v[i], fb1, cb1, fb2, cb2, step, eps)
		}
	}
	o.T++
	if o.Cfg.Decay > 1 {
		o.Scale /= o.Cfg.Decay
	}
}
