package team

import "sync"

// A received message's bytes land in a buffer taken with Buffer, and the
// team or helper that reads it gives it back once its contents are in the
// trainer: the same few buffers carry every update's gradients, and a step
// allocates nothing (a new 2 MB buffer is also 2 MB to zero, and garbage).
var pool struct {
	sync.Mutex
	free [][]byte
}

// poolKeep bounds the buffers kept: a helper's subtrees, the total and the
// small step messages, for a few helpers, with room to spare.
const poolKeep = 32

// Buffer returns a buffer of n bytes for a message arriving, reused if one
// of about that size was given back (its old contents are left in it:
// the message overwrites them all).
func Buffer(n int) []byte {
	pool.Lock()
	defer pool.Unlock()
	best := -1
	for i, b := range pool.free {
		if cap(b) >= n && (best < 0 || cap(b) < cap(pool.free[best])) {
			best = i
		}
	}
	// A small message takes no large buffer: the large ones are the
	// gradients', and a message that is not the team's never comes back.
	if best < 0 || cap(pool.free[best]) > 2*n+4096 {
		return make([]byte, n)
	}
	b := pool.free[best]
	last := len(pool.free) - 1
	pool.free[best], pool.free[last] = pool.free[last], nil
	pool.free = pool.free[:last]
	return b[:n]
}

// recycle gives back a buffer of Buffer's whose message has been read.
func recycle(b []byte) {
	if cap(b) == 0 {
		return
	}
	pool.Lock()
	defer pool.Unlock()
	if len(pool.free) < poolKeep {
		pool.free = append(pool.free, b)
	}
}
