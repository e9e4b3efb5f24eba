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
	bad    bool        // the last Update left a moment NaN or Inf (see Err)
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
		// The largest |velocity|, NaN if any is NaN: the kernels return
		// their own, and the builtin max keeps NaN.
		var hi float32
		for i, p := range o.params {
			hi = max(hi, mat.SGD(p.W, p.G, o.m[i], mom, step))
		}
		o.bad = !(hi <= math.MaxFloat32)
	case "adam":
		b1, b2 := o.Cfg.Mom, o.Cfg.B2
		o.B1T *= b1
		o.B2T *= b2
		// Fold both bias corrections into the step size (Kingma & Ba, §2).
		step := float32(lr * math.Sqrt(1-o.B2T) / (1 - o.B1T))
		eps := float32(1e-8 * math.Sqrt(1-o.B2T))
		fb1, fb2 := float32(b1), float32(b2)
		cb1, cb2 := float32(1-b1), float32(1-b2)
		// A gradient past ~1.8e19 overflows v to +Inf: the step m/√v is
		// then 0, so weights and losses stay finite while the state is
		// lost. hi, the largest |m| and |v| the kernels wrote, catches it
		// (and NaN, which they and the builtin max propagate).
		var hi float32
		for i, p := range o.params {
			hi = max(hi, mat.Adam(p.W, p.G, o.m[i], o.v[i], fb1, cb1, fb2, cb2, step, eps))
		}
		o.bad = !(hi <= math.MaxFloat32)
	}
	o.T++
	// The decay stops at the floor, as Skip's does (LR() no longer
	// changes there), and never reaches zero: a scale of zero is a state
	// no checkpoint may hold.
	if o.Cfg.Decay > 1 && o.Cfg.LR*o.Scale >= o.Cfg.LRMin && o.Scale/o.Cfg.Decay > 0 {
		o.Scale /= o.Cfg.Decay
	}
}

// Err reports a moment that the last Update left NaN or Inf, naming the
// first: a state a checkpoint cannot hold and training cannot use.
func (o *Optimizer) Err() error {
	if !o.bad {
		return nil
	}
	return CheckState(o)
}

// CheckState scans every moment for NaN, Inf or (Adam's second moments,
// which are squares) a negative value, and reports the first. It is the
// rule checkpoints apply to optimiser state on both writing and reading.
func CheckState(o *Optimizer) error {
	bufs := o.State()
	for i, b := range bufs {
		square := i >= len(o.m)
		for j, v := range b {
			if BadValue(v, square) {
				return fmt.Errorf("optimiser moment %d[%d] is %v", i, j, v)
			}
		}
	}
	return nil
}

// BadValue is the rule for a stored float: NaN and Inf are bad, and so is
// a negative value where only squares belong (nonNeg).
func BadValue(v float32, nonNeg bool) bool {
	return v != v || math.IsInf(float64(v), 0) || (nonNeg && v < 0)
}
