package nn

import "github.com/ganplayground/ganplayground/core/rng"

// Maxout is the paper's discriminator unit (Goodfellow et al. 2013): Pieces
// affine maps per output unit, of which the largest is kept. Stored as one
// Dense of width Out·Pieces whose columns are grouped by unit.
type Maxout struct {
	lin    *Dense
	out, k int
	arg    []int32 // which piece won, per output
	y, dz  []float32
}

// NewMaxout makes a maxout layer with He-scaled weights.
func NewMaxout(name string, in, out, pieces int, r *rng.RNG) *Maxout {
	return &Maxout{lin: NewDense(name, in, out*pieces, HeStd(in), r), out: out, k: pieces}
}

func (m *Maxout) In() int          { return m.lin.in }
func (m *Maxout) Out() int         { return m.out }
func (m *Maxout) Params() []*Param { return m.lin.Params() }

// Linear is the Dense holding every piece's weights and biases.
func (m *Maxout) Linear() *Dense { return m.lin }

func (m *Maxout) Forward(x []float32, rows int, train bool) []float32 {
	z := m.lin.Forward(x, rows, train)
	n := rows * m.out
	m.y = grow(m.y, n)
	if cap(m.arg) < n {
		m.arg = make([]int32, n)
	}
	m.arg = m.arg[:n]
	for u := 0; u < n; u++ {
		g := z[u*m.k : u*m.k+m.k]
		best, arg := g[0], 0
		for p := 1; p < len(g); p++ { // the first largest piece wins
			v := g[p]
			up := v > best
			best = pick(up, v, best)
			if up {
				arg = p
			}
		}
		m.y[u], m.arg[u] = best, int32(arg)
	}
	return m.y
}

func (m *Maxout) Backward(dy []float32, rows int, needDX bool) []float32 {
	return m.lin.Backward(m.scatter(dy, rows), rows, needDX)
}

func (m *Maxout) InputGrad(dy []float32, rows int) []float32 {
	return m.lin.InputGrad(m.scatter(dy, rows), rows)
}

// scatter routes each unit's gradient to the piece that won.
func (m *Maxout) scatter(dy []float32, rows int) []float32 {
	m.dz = grow(m.dz, rows*m.out*m.k)
	clear(m.dz)
	for u, g := range dy[:rows*m.out] {
		m.dz[u*m.k+int(m.arg[u])] = g
	}
	return m.dz
}
