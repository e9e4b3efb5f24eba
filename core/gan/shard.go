package gan

import (
	"math"

	"github.com/ganplayground/ganplayground/core/mat"
	"github.com/ganplayground/ganplayground/core/nn"
)

// Data-parallel training (recipe shards > 1). The batch is cut into S
// shards of equal size — whole pack groups of D's rows, so no shard splits
// what D judges at once. Each shard's gradient is computed into its own
// buffer starting from zero: for a D update the shard's real rows and its
// fake rows (G's output for the shard's noise rows), for a G update the
// shard's fake rows through D. The shards are then summed in the fixed
// tree of tree.go and the optimiser takes the sum. Every batch-level
// random draw (data indices, noise, dropout masks) is made for the whole
// batch first, from the one stream, in the order shards=1 draws them;
// every per-row quantity is divided by the whole batch's row count. Which
// worker computes which shard changes nothing: the bits depend on S only.
//
// Workers are goroutines in one process (workers.go), each on a replica
// of the nets sharing their weights, or whole replicas of the trainer in
// other processes (the browser's Web Workers) joined by an Exchange.

// shardKind is which update the shards compute.
type shardKind uint8

const (
	shardD shardKind = iota
	shardG
)

// shards is the sharded path's state: the per-shard buffers and the
// workers. It holds no pointer to its Trainer (see workers.go).
type shards struct {
	n           int       // shards S
	rows, prows int       // G's rows (m/S) and D's packed rows (m/pack/S) per shard
	np          int       // D's packed rows in the whole batch
	z, dim      int       // noise and data dimensions
	noise, real []float32 // the trainer's whole-batch noise and real samples
	loss        Loss

	bufs    [][]float32 // per shard: its gradient, then its subtree's sum
	stats   [][3]float64
	grad    int // length of the gradient being summed
	gradCap int // the larger network's gradient length

	lo, hi int // the shards this process holds (all of them but with an Exchange)
	ex     Exchange
	local  []*shardWorker // goroutine workers; the first is the trainer's own nets
	wake   []chan shardJob
	done   chan struct{}
}

// shardWorker is one goroutine's nets and buffers.
type shardWorker struct {
	G, D *nn.Net
	g    []float32 // dLoss/dlogit of a shard's rows of D
	in   []float32 // D's input: a shard's real rows, then its fake rows
}

func (sh *shards) newWorker(g, d *nn.Net) *shardWorker {
	return &shardWorker{G: g, D: d, g: make([]float32, 2*sh.prows), in: make([]float32, 2*sh.rows*sh.dim)}
}

type shardJob struct {
	kind   shardKind
	lo, hi int
}

// Indices of a shard's stats.
const (
	statLoss = iota // the shard's part of the mean loss
	statReal        // Σσ(D) over its real rows
	statFake        // Σσ(D) over its fake rows
)

func (t *Trainer) shardState() *shards {
	if t.sh != nil {
		return t.sh
	}
	rc := t.Recipe
	s, np := rc.Shards, rc.Batch/rc.Pack
	sh := &shards{n: s, rows: rc.Batch / s, prows: np / s, np: np, z: rc.Z, dim: t.dim,
		noise: t.z, real: t.both[:rc.Batch*t.dim], loss: t.Loss,
		bufs: make([][]float32, s), stats: make([][3]float64, s),
		gradCap: max(t.G.GradSize(), t.D.GradSize()), lo: 0, hi: s}
	sh.local = []*shardWorker{sh.newWorker(t.G, t.D)}
	t.sh = sh
	t.startWorkers()
	return sh
}

// buf is shard i's buffer, made on first use (a process holding a block
// needs only the buffers of its shards and of the subtrees it receives).
func (sh *shards) buf(i int) []float32 {
	if sh.bufs[i] == nil {
		// Room for either network's gradient: they are never summed at once.
		sh.bufs[i] = make([]float32, sh.gradCap)
	}
	return sh.bufs[i][:sh.grad]
}

// add sums node b into node a: a += b, element by element (the same
// float32 additions in every build), and the stats likewise.
func (sh *shards) add(a, b int) {
	mat.AddRows(sh.buf(a), sh.buf(b), 1)
	for k := range sh.stats[a] {
		sh.stats[a][k] += sh.stats[b][k]
	}
}

// computeD computes shard s's D gradient into its buffer with worker w:
// D judges the shard's real rows, then its fake rows, in one pass.
func (sh *shards) computeD(w *shardWorker, s int) {
	buf := sh.buf(s)
	clear(buf)
	w.D.PointGrads(buf)
	n, p := sh.rows*sh.dim, sh.prows
	fake := w.G.ForwardShard(sh.noise[s*sh.rows*sh.z:(s+1)*sh.rows*sh.z], sh.rows, nn.RowsFrom(s*sh.rows))
	copy(w.in[:n], sh.real[s*n:(s+1)*n])
	copy(w.in[n:], fake)
	logits := w.D.ForwardShard(w.in, 2*p, nn.Rows{A: s * p, Split: p, B: sh.np + s*p})
	real, fk := logits[:p], logits[p:2*p]
	l := sh.loss.DN(real, fk, w.g[:p], w.g[p:2*p], sh.np, sh.np)
	sr, sf := sumSigmoid(real), sumSigmoid(fk)
	w.D.Backward(w.g[:2*p], 2*p, false)
	sh.stats[s] = [3]float64{statLoss: l, statReal: sr, statFake: sf}
}

// computeG computes shard s's G gradient into its buffer with worker w.
// Only dL/dx is taken from D (its parameter gradients would be dropped).
func (sh *shards) computeG(w *shardWorker, s int) {
	buf := sh.buf(s)
	clear(buf)
	w.G.PointGrads(buf)
	g := w.g[:sh.prows]
	fake := w.G.ForwardShard(sh.noise[s*sh.rows*sh.z:(s+1)*sh.rows*sh.z], sh.rows, nn.RowsFrom(s*sh.rows))
	lf := w.D.ForwardShard(fake, sh.prows, nn.RowsFrom(s*sh.prows))
	l := sh.loss.GN(lf, g, sh.np)
	sf := sumSigmoid(lf)
	dx := w.D.InputGrad(g, sh.prows)
	w.G.Backward(dx, sh.rows, false)
	sh.stats[s] = [3]float64{statLoss: l, statFake: sf}
}

// runBlock computes the shards j.lo…j.hi−1 with worker w, then sums each
// of the block's maximal subtrees.
func (sh *shards) runBlock(w *shardWorker, j shardJob) {
	for s := j.lo; s < j.hi; s++ {
		if j.kind == shardD {
			sh.computeD(w, s)
		} else {
			sh.computeG(w, s)
		}
	}
	Subtrees(j.lo, j.hi, sh.sumSubtree)
}

// runShards computes one update's shards on this process's workers and leaves
// the whole batch's gradient in net's gradients and shard 0's stats.
func (t *Trainer) runShards(kind shardKind, net *nn.Net) error {
	sh := t.shardState()
	sh.grad = net.GradSize()
	w := min(len(sh.local), sh.hi-sh.lo)
	for i := 1; i < w; i++ {
		sh.local[i].D.ShareWeights(t.D)
		sh.local[i].G.ShareWeights(t.G)
	}
	for i := 1; i < w; i++ {
		lo, hi := Block(i, w, sh.hi-sh.lo)
		sh.wake[i-1] <- shardJob{kind, sh.lo + lo, sh.lo + hi}
	}
	lo, hi := Block(0, w, sh.hi-sh.lo)
	sh.runBlock(sh.local[0], shardJob{kind, sh.lo + lo, sh.lo + hi})
	for i := 1; i < w; i++ {
		<-sh.done
	}
	if sh.ex != nil {
		if err := sh.ex.Reduce(t); err != nil {
			return err
		}
	} else {
		sh.sumBlocks(w)
	}
	net.PointGrads(sh.buf(0))
	return nil
}

// sumBlocks completes the tree from the subtrees of the shards dealt to w
// workers (Block), each of which its worker has summed.
func (sh *shards) sumBlocks(w int) {
	sh.sumTree(0, sh.n, func(lo, size int) bool {
		for i := 0; i < w; i++ {
			if a, b := Block(i, w, sh.n); a <= lo && lo+size <= b {
				return true
			}
		}
		return false
	})
}

func sumSigmoid(logits []float32) float64 {
	var s float64
	for _, v := range logits {
		s += 1 / (1 + math.Exp(-float64(v))) // display only: never feeds back into training
	}
	return s
}
