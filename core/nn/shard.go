package nn

// The sharded path: a batch cut into shards whose gradients are computed
// each into its own buffer, by whichever worker holds the shard, a block
// of shards at once (block.go). The random stream must stay the one of the
// whole batch, so dropout masks are drawn for every row before any shard
// is computed (DrawMasks, in the order Forward draws them: layer by layer,
// all rows of a layer at once), and a block's Forward takes its rows of
// them (ForwardShard). Workers in one process compute on replicas
// (Replica): nets sharing the weights and masks, with buffers of their own.

// DrawMask draws the dropout mask of a whole batch of rows from the
// layer's generator, exactly as Forward in training would.
func (d *Dropout) DrawMask(rows int) {
	if d.P <= 0 {
		return
	}
	n := rows * d.dim
	d.full = grow(d.full, n)
	scale := float32(1 / (1 - d.P))
	for i := range d.full {
		d.full[i] = pick(d.r.Float64() < d.P, 0, scale)
	}
}

// forwardRows is Forward in training for rows of the batch whose masks
// DrawMask drew, the rows r says.
func (d *Dropout) forwardRows(x []float32, rows int, r Rows) []float32 {
	d.on = d.P > 0
	if !d.on {
		return x
	}
	full := d.full
	if d.src != nil {
		full = d.src.full
	}
	n := rows * d.dim
	each := r.Each
	if each <= 0 {
		each = rows
	}
	if r.Split >= each { // one run of rows: use the masks in place
		d.used = full[r.A*d.dim : r.A*d.dim+n]
	} else {
		d.mine = grow(d.mine, n)
		k, e := r.Split*d.dim, each*d.dim
		for g := 0; g*e < n; g++ {
			o := g * e
			copy(d.mine[o:o+k], full[(r.A+g*r.Split)*d.dim:])
			copy(d.mine[o+k:o+e], full[(r.B+g*(each-r.Split))*d.dim:])
		}
		d.used = d.mine
	}
	d.y = grow(d.y, n)
	x, y := x[:n], d.y[:n]
	for i, m := range d.used {
		y[i] = float32(x[i] * m)
	}
	return y
}

// Rows says which rows of the batch a Forward computes: groups of Each
// rows (0: all of them one group), of which group g's first Split rows
// are rows A+g·Split…, its others rows B+g·(Each−Split)…; with Split ≥
// Each, simply rows A…. (D's update judges a shard's real rows and its
// fake rows at once, the batch holding every real row first; a block of
// shards is its shards' groups one after the other.)
type Rows struct{ A, Split, B, Each int }

// RowsFrom is the single run of rows starting at row a.
func RowsFrom(a int) Rows { return Rows{A: a, Split: 1 << 62} }

// DrawMasks draws every dropout mask for a training batch of rows, in the
// order Forward(x, rows, true) would.
func (n *Net) DrawMasks(rows int) {
	for _, l := range n.Layers {
		if d, ok := l.(*Dropout); ok {
			d.DrawMask(rows)
		}
	}
}

// ForwardShard is Forward in training for the rows r of the batch whose
// masks DrawMasks drew (on this net, or on the one a replica shares them
// with).
func (n *Net) ForwardShard(x []float32, rows int, r Rows) []float32 {
	for _, l := range n.Layers {
		if d, ok := l.(*Dropout); ok {
			x = d.forwardRows(x, rows, r)
			continue
		}
		x = l.Forward(x, rows, true)
	}
	return x
}

// Replica returns a net of n's shape that shares n's weights and dropout
// masks but has buffers of its own, so that it can compute other rows of
// the same batch at the same time. Its parameters have no gradient
// buffers: point them somewhere (PointGrads) before Backward.
func (n *Net) Replica() *Net {
	r := &Net{}
	for _, l := range n.Layers {
		switch l := l.(type) {
		case *Dense:
			r.Layers = append(r.Layers, l.replica())
		case *Maxout:
			r.Layers = append(r.Layers, &Maxout{lin: l.lin.replica(), out: l.out, k: l.k})
		case *Act:
			r.Layers = append(r.Layers, &Act{kind: l.kind, dim: l.dim})
		case *Dropout:
			r.Layers = append(r.Layers, &Dropout{P: l.P, dim: l.dim, src: l})
		default:
			panic("nn: no replica for this layer")
		}
	}
	r.index()
	return r
}

func (d *Dense) replica() *Dense {
	w, b := d.w, d.b
	w.G, b.G = nil, nil
	return &Dense{in: d.in, out: d.out, w: w, b: b}
}

// ShareWeights points every weight of n (a Replica of src) at src's, again:
// a source whose weight slices were replaced keeps its replicas in step.
func (n *Net) ShareWeights(src *Net) {
	for i, p := range n.params {
		p.W = src.params[i].W
	}
}

// GradSize is the length of the flat buffer PointGrads needs.
func (n *Net) GradSize() int { return n.ParamCount() }

// PointGrads makes every parameter's gradient a slice of flat, in Params
// order: Backward then accumulates into flat, one buffer per shard.
func (n *Net) PointGrads(flat []float32) {
	off := 0
	for _, p := range n.params {
		p.G = flat[off : off+len(p.W) : off+len(p.W)]
		off += len(p.W)
	}
}
