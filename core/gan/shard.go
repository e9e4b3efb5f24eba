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
// A worker runs its whole block of shards through the nets at once, only
// the sums over rows taken shard by shard (nn.Net.BackwardShards), so that
// its products are on the block's rows rather than a shard's few.
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
	g    []float32 // dLoss/dlogit of a block's rows of D
	in   []float32 // D's input: each shard's real rows, then its fake rows
}

func (sh *shards) newWorker(g, d *nn.Net) *shardWorker { return &shardWorker{G: g, D: d} }

// input and dlogits are the worker's buffers for n values, made on first
// use (a block's size depends on how many workers share the shards).
func (w *shardWorker) input(n int) []float32 {
	if cap(w.in) < n {
		w.in = make([]float32, n)
	}
	return w.in[:n]
}

func (w *shardWorker) dlogits(n int) []float32 {
	if cap(w.g) < n {
		w.g = make([]float32, n)
	}
	return w.g[:n]
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

// computeD computes the D gradients of shards lo…hi−1 with worker w, in
// one pass over the block (nn.BackwardShards): G makes the block's fake
// rows, D judges each shard's real rows then its fake rows, shard after
// shard, and each shard's loss and gradient go to its own stats and
// buffer.
func (sh *shards) computeD(w *shardWorker, lo, hi int) {
	b, n, p := hi-lo, sh.rows*sh.dim, sh.prows
	grads := sh.block(lo, hi)
	fake := w.G.ForwardShard(sh.noise[lo*sh.rows*sh.z:hi*sh.rows*sh.z], b*sh.rows, nn.RowsFrom(lo*sh.rows))
	in := w.input(2 * b * n)
	for s := range b {
		copy(in[2*s*n:(2*s+1)*n], sh.real[(lo+s)*n:])
		copy(in[(2*s+1)*n:(2*s+2)*n], fake[s*n:])
	}
	logits := w.D.ForwardShard(in, 2*b*p, nn.Rows{A: lo * p, Split: p, B: sh.np + lo*p, Each: 2 * p})
	g := w.dlogits(2 * b * p)
	for s := range b {
		lg, gs := logits[2*s*p:(2*s+2)*p], g[2*s*p:(2*s+2)*p]
		real, fk := lg[:p], lg[p:]
		l := sh.loss.DN(real, fk, gs[:p], gs[p:], sh.np, sh.np)
		sh.stats[lo+s] = [3]float64{statLoss: l, statReal: sumSigmoid(real), statFake: sumSigmoid(fk)}
	}
	w.D.BackwardShards(g, 2*b*p, grads, false)
}

// computeG computes the G gradients of shards lo…hi−1 with worker w, in
// one pass over the block. Only dL/dx is taken from D (its parameter
// gradients would be dropped).
func (sh *shards) computeG(w *shardWorker, lo, hi int) {
	b, p := hi-lo, sh.prows
	grads := sh.block(lo, hi)
	fake := w.G.ForwardShard(sh.noise[lo*sh.rows*sh.z:hi*sh.rows*sh.z], b*sh.rows, nn.RowsFrom(lo*sh.rows))
	lf := w.D.ForwardShard(fake, b*p, nn.RowsFrom(lo*p))
	g := w.dlogits(b * p)
	for s := range b {
		f := lf[s*p : (s+1)*p]
		l := sh.loss.GN(f, g[s*p:(s+1)*p], sh.np)
		sh.stats[lo+s] = [3]float64{statLoss: l, statFake: sumSigmoid(f)}
	}
	dx := w.D.InputGrad(g, b*p)
	w.G.BackwardShards(dx, b*sh.rows, grads, false)
}

// block returns the buffers of shards lo…hi−1, which BackwardShards
// overwrites.
func (sh *shards) block(lo, hi int) [][]float32 {
	for s := lo; s < hi; s++ {
		sh.buf(s) // made on first use
	}
	return sh.bufs[lo:hi]
}

// runBlock computes the shards j.lo…j.hi−1 with worker w, then sums each
// of the block's maximal subtrees.
func (sh *shards) runBlock(w *shardWorker, j shardJob) {
	if j.kind == shardD {
		sh.computeD(w, j.lo, j.hi)
	} else {
		sh.computeG(w, j.lo, j.hi)
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
