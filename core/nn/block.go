package nn

import "github.com/ganplayground/ganplayground/core/mat"

// A block of shards in one pass. A worker holding several shards runs them
// through the net as one batch of all their rows (ForwardShard with the
// block's Rows): every step that treats rows one by one — the products
// x·W and dy·Wᵀ, activations, dropout, maxout's choice of piece — gives
// each row the same bits whichever rows share the product (the kernels
// compute each element of C alone, in one fixed order, see core/mat), so
// it is done once over the block on matrices of block rows, not once per
// shard on a few rows. Only the sums over rows — each weight's Xᵀ·dY and
// each bias's Σdy — are taken per shard, into the shard's own gradient
// buffer, over its rows in order: exactly the sums Backward on the shard
// alone makes.

// BackwardShards is Backward for a block of len(grads) shards of
// rows/len(grads) rows each, one after the other in dy and in the inputs
// of the last Forward: shard j's parameter gradients are written into
// grads[j], a flat buffer laid out as PointGrads's (GradSize long or
// more), as Backward would accumulate them into zeroed gradients — the
// same bits, without a pass to zero them. The parameters' own gradient
// slices are neither read nor changed. It returns dL/dinput of the whole
// block when needDX, else nil.
func (n *Net) BackwardShards(dy []float32, rows int, grads [][]float32, needDX bool) []float32 {
	off := n.ParamCount()
	for i := len(n.Layers) - 1; i >= 0; i-- {
		last := !needDX && i <= n.first
		switch l := n.Layers[i].(type) {
		case *Dense:
			off -= l.in*l.out + l.out
			l.shardGrads(dy, rows, grads, off)
			if last {
				return nil
			}
			dy = l.InputGrad(dy, rows)
		case *Maxout:
			d := l.lin
			off -= d.in*d.out + d.out
			dz := l.scatter(dy, rows)
			d.shardGrads(dz, rows, grads, off)
			if last {
				return nil
			}
			dy = d.InputGrad(dz, rows)
		default:
			if len(l.Params()) > 0 {
				panic("nn: no sharded backward for this layer")
			}
			dy = l.InputGrad(dy, rows)
		}
	}
	return dy
}

// shardGrads sets each shard's weight and bias gradients, Xᵀ·dy and Σdy
// over its rows, in its buffer at off (weights, then biases: Params
// order). The product's sums start from +0 as they would from a zeroed
// gradient; the bias's start from a zeroed one, since +0 + −0 is +0 where
// a copy of the first row would keep −0.
func (d *Dense) shardGrads(dy []float32, rows int, grads [][]float32, off int) {
	r := rows / len(grads)
	nw := d.in * d.out
	for j, g := range grads {
		x, y := d.x[j*r*d.in:(j+1)*r*d.in], dy[j*r*d.out:(j+1)*r*d.out]
		mat.MulTN(g[off:off+nw], x, y, d.in, r, d.out, false)
		b := g[off+nw : off+nw+d.out]
		clear(b)
		mat.AddRows(b, y, r)
	}
}
