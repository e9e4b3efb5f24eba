package gan

// The shards' gradients are summed in one fixed pairwise tree: with S
// shards (a power of two), node (lo, size) covers shards lo…lo+size−1, its
// value is left child + right child, and the root (0, S) is the batch's
// gradient. A worker holding a block of shards sums the subtrees that
// block covers whole, so that however the shards are dealt out, every node
// is the same sum of the same two values: the same bits for any number of
// workers. Node (lo, size) is kept in shard lo's buffer.

// Block is worker i's block of shards when S shards are dealt to W
// workers: contiguous, sizes differing by at most one, in worker order.
func Block(i, w, s int) (lo, hi int) { return i * s / w, (i + 1) * s / w }

// Subtrees calls f for each maximal aligned subtree of the block
// [lo, hi): the nodes inside it whose parent is not, in shard order.
func Subtrees(lo, hi int, f func(lo, size int)) {
	for lo < hi {
		size := lo & -lo // the largest aligned size at lo…
		if lo == 0 {
			size = hi
			for size&(size-1) != 0 {
				size &= size - 1
			}
		}
		for lo+size > hi { // …that fits in the block
			size /= 2
		}
		f(lo, size)
		lo += size
	}
}

// sumTree sums node (lo, size) of the tree into shard lo's buffer and
// stats, given that every node inside one of the blocks is already summed
// (done reports whether a node is: each worker sums its own subtrees).
func (sh *shards) sumTree(lo, size int, done func(lo, size int) bool) {
	if size == 1 || done(lo, size) {
		return
	}
	h := size / 2
	sh.sumTree(lo, h, done)
	sh.sumTree(lo+h, h, done)
	sh.add(lo, lo+h)
}

// sumSubtree sums node (lo, size) from its shards.
func (sh *shards) sumSubtree(lo, size int) {
	sh.sumTree(lo, size, func(int, int) bool { return false })
}
