package gan

import "runtime"

// Goroutine workers for the sharded path. SetWorkers(n) gives a trainer
// n−1 goroutines, each with replicas of G and D (nn.Net.Replica: the same
// weights and dropout masks, buffers of their own); a sharded update deals
// the shards out to them in blocks (Block) and sums the tree. The bits do
// not depend on n. With shards = 1 the count is ignored: that path is the
// one-batch arithmetic, parallel inside its products (mat.SetWorkers).
//
// The goroutines hold the shard state, never the trainer, so a trainer
// dropped without SetWorkers(1) is still collected, and a cleanup then
// stops them.

// SetWorkers sets how many goroutines compute a sharded update's shards
// (at most the recipe's shards are used). It must not be called during a
// step.
func (t *Trainer) SetWorkers(n int) {
	t.workers = max(n, 1)
	if t.sh != nil {
		t.sh.stop()
		t.startWorkers()
	}
}

// Workers is the SetWorkers value (1 by default).
func (t *Trainer) Workers() int { return max(t.workers, 1) }

// startWorkers starts the goroutines SetWorkers asked for.
func (t *Trainer) startWorkers() {
	sh := t.sh
	n := min(t.Workers(), sh.n)
	if sh.ex != nil {
		n = 1 // a replica in a process of its own computes its block alone
	}
	sh.done = make(chan struct{}, n)
	for i := 1; i < n; i++ {
		w := sh.newWorker(t.G.Replica(), t.D.Replica())
		ch := make(chan shardJob)
		sh.local = append(sh.local, w)
		sh.wake = append(sh.wake, ch)
		go sh.serve(w, ch)
	}
	if n > 1 && !t.cleanup {
		t.cleanup = true
		runtime.AddCleanup(t, func(sh *shards) { sh.stop() }, sh)
	}
}

func (sh *shards) serve(w *shardWorker, ch chan shardJob) {
	for {
		j, ok := <-ch
		if !ok {
			return
		}
		sh.runBlock(w, j)
		sh.done <- struct{}{}
	}
}

// stop ends the goroutines and keeps the trainer's own worker.
func (sh *shards) stop() {
	for _, ch := range sh.wake {
		close(ch)
	}
	sh.wake, sh.local = nil, sh.local[:1]
}
