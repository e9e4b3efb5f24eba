package gan

import "fmt"

// Exchange joins replicas of one trainer that run in processes of their
// own (the browser's Web Workers, which share no memory). Every replica is
// built from the same recipe or checkpoint, so all hold the same weights,
// optimiser state and random stream; each draws the whole batch, computes
// only its block of shards, and the exchange brings the blocks together.
// All then apply the same optimiser update to the same sum, and stay the
// same replica.
type Exchange interface {
	// Start is called by a replica at the start of each sharded update,
	// before its draws: d says whether it is a D update. The replica
	// that drives the others tells them to make the same update here.
	Start(t *Trainer, d bool) error
	// Reduce is called by every replica once it has computed its block's
	// shards and summed the block's maximal subtrees (Subtrees) into
	// ShardGrad(lo) and ShardStats(lo). It must return once ShardGrad(0)
	// and ShardStats(0) hold the whole tree's sum, the same bits on every
	// replica: for instance, one replica copies in the others' subtrees,
	// calls SumShards, and sends the result back.
	Reduce(t *Trainer) error
}

// SetReplica makes the trainer replica i of n (n ≤ shards) joined by ex:
// from the next update on it computes only its block of shards (Block).
// SetReplica(0, 1, nil) makes it whole again.
func (t *Trainer) SetReplica(i, n int, ex Exchange) error {
	s := t.Recipe.Shards
	if s <= 1 {
		return fmt.Errorf("gan: replicas need a recipe with shards > 1")
	}
	if n < 1 || n > s || i < 0 || i >= n {
		return fmt.Errorf("gan: replica %d of %d with %d shards", i, n, s)
	}
	if n > 1 && ex == nil {
		return fmt.Errorf("gan: replica %d of %d with nothing joining them", i, n)
	}
	sh := t.shardState()
	sh.stop()
	sh.lo, sh.hi = Block(i, n, s)
	sh.ex = ex
	if n == 1 {
		sh.ex = nil
	}
	t.startWorkers()
	return nil
}

// ShardGrad is the gradient buffer of shard lo (node (lo, size) of the
// tree once summed) for the update in progress: D's during a D update,
// G's during a G update.
func (t *Trainer) ShardGrad(lo int) []float32 { return t.sh.buf(lo) }

// ShardStats is shard lo's part of the update's statistics: the loss, and
// the sums of σ(D) over its real and its fake rows.
func (t *Trainer) ShardStats(lo int) *[3]float64 { return &t.sh.stats[lo] }

// SumShards completes the tree from the summed subtrees of n replicas'
// blocks, as copied into ShardGrad and ShardStats.
func (t *Trainer) SumShards(n int) { t.sh.sumBlocks(n) }

// Shards is the recipe's shard count.
func (t *Trainer) Shards() int { return t.Recipe.Shards }
