package mat

import (
	"sync"
	"sync/atomic"
)

// Several cores, the same bits. A large product may be split over worker
// goroutines by rows of C: each element of C is still computed whole by
// one of them, in the one documented order, so the result does not depend
// on how many workers there are (the tests check 1, 2, 3 and 8). Rows are
// cut at multiples of 4, where the kernels' blocks start anyway.
//
// The workers are started once by SetWorkers and wait on channels; a
// split product hands them slots of a fixed array, so it allocates
// nothing. One split product runs at a time: a second goroutine that
// calls in meanwhile (two trainers in one process) computes alone.

// minSplitMACs is the smallest product worth splitting: below it, waking
// the workers costs more than they save (a few microseconds each).
const minSplitMACs = 1 << 17

type kind uint8

const (
	kindNN kind = iota
	kindTN
	kindNT
)

// part is one worker's share of a product.
type part struct {
	kind    kind
	c, a, b []float32
	m, k, n int
	acc     bool
	i0, i1  int // rows of C
}

func (p *part) run() {
	switch p.kind {
	case kindNN:
		mulNN(p.c[p.i0*p.n:p.i1*p.n], p.a[p.i0*p.k:p.i1*p.k], p.b, p.i1-p.i0, p.k, p.n, p.acc)
	case kindNT:
		mulNT(p.c[p.i0*p.n:p.i1*p.n], p.a[p.i0*p.k:p.i1*p.k], p.b, p.i1-p.i0, p.k, p.n, p.acc)
	case kindTN:
		mulTNRows(p.c, p.a, p.b, p.m, p.k, p.n, p.acc, p.i0, p.i1)
	}
}

var pool struct {
	busy  sync.Mutex // held by the product being split
	n     atomic.Int32
	parts []part
	wake  []chan struct{}
	done  sync.WaitGroup
}

// SetWorkers sets how many goroutines a large product is split over; 1
// (the default) computes every product on the calling goroutine. It only
// adds workers (never stops one), and must not be called while a product
// runs. WebAssembly has one thread: there it changes nothing useful.
func SetWorkers(n int) {
	n = max(n, 1)
	pool.busy.Lock()
	defer pool.busy.Unlock()
	for len(pool.wake) < n-1 {
		i := len(pool.wake)
		ch := make(chan struct{})
		pool.wake = append(pool.wake, ch)
		pool.parts = append(pool.parts, part{})
		go func() {
			for range ch {
				pool.parts[i].run()
				pool.done.Done()
			}
		}()
	}
	pool.n.Store(int32(n))
}

// Workers is the current SetWorkers value.
func Workers() int { return int(pool.n.Load()) }

// split runs the product on the workers and reports true, or reports false
// when it is too small, there is one worker, or another product holds them.
func split(k kind, c, a, b []float32, m, kk, n int, acc bool) bool {
	w := int(pool.n.Load())
	if w <= 1 || m < 8 || m*kk*n < minSplitMACs || (k == kindTN && n == 1) {
		return false
	}
	if !pool.busy.TryLock() {
		return false
	}
	defer pool.busy.Unlock()
	blocks := (m + 3) / 4
	w = min(w, blocks)
	pool.done.Add(w - 1)
	i0 := 0
	for p := 0; p < w; p++ {
		i1 := min(m, (p+1)*blocks/w*4)
		pt := part{kind: k, c: c, a: a, b: b, m: m, k: kk, n: n, acc: acc, i0: i0, i1: i1}
		if p == w-1 {
			pt.run() // the caller's own share, while the others work
		} else {
			pool.parts[p] = pt
			pool.wake[p] <- struct{}{}
		}
		i0 = i1
	}
	pool.done.Wait()
	return true
}
