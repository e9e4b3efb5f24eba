package nn

import "github.com/ganplayground/ganplayground/core/rng"

// Dropout zeroes each input with probability P during training and scales
// the survivors by 1/(1−P) ("inverted" dropout: evaluation is the identity,
// which is equivalent to the paper's test-time weight scaling).
type Dropout struct {
	P     float64
	dim   int
	r     *rng.RNG
	mask  []float32 // 0 or 1/(1−P) per element of the last training batch
	y, dx []float32
	on    bool
	// The sharded path (shard.go): masks for the whole batch, drawn ahead
	// by DrawMask (or those of src, the layer a replica shares them with),
	// and the rows of them the last shard's Forward used.
	full, used, mine []float32
	src              *Dropout
}

// NewDropout draws its masks from r, the trainer's generator, so that runs
// stay reproducible and checkpoints capture the stream.
func NewDropout(p float64, dim int, r *rng.RNG) *Dropout { return &Dropout{P: p, dim: dim, r: r} }

func (d *Dropout) In() int          { return d.dim }
func (d *Dropout) Out() int         { return d.dim }
func (d *Dropout) Params() []*Param { return nil }

func (d *Dropout) Forward(x []float32, rows int, train bool) []float32 {
	d.on = train && d.P > 0
	if !d.on {
		return x
	}
	n := rows * d.dim
	d.mask, d.y = grow(d.mask, n), grow(d.y, n)
	scale := float32(1 / (1 - d.P))
	x, y := x[:n], d.y[:n]
	for i := range d.mask {
		m := pick(d.r.Float64() < d.P, 0, scale)
		d.mask[i], y[i] = m, float32(x[i]*m)
	}
	d.used = d.mask
	return y
}

// InputGrad is Backward: dropout has no parameters.
func (d *Dropout) InputGrad(dy []float32, rows int) []float32 { return d.Backward(dy, rows, true) }

func (d *Dropout) Backward(dy []float32, rows int, needDX bool) []float32 {
	if !d.on {
		return dy
	}
	d.dx = grow(d.dx, rows*d.dim)
	dx, dy := d.dx, dy[:len(d.dx)]
	for i, m := range d.used[:len(dx)] {
		dx[i] = float32(dy[i] * m)
	}
	return dx
}
