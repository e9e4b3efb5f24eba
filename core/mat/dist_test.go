package mat

import (
	"math"
	"math/rand/v2"
	"testing"
)

// SqDistBytes is the exact squared distance when the bound is not reached,
// and at least the bound when it is; so the nearest vector it picks is the
// plain search's, whichever build runs it.
func TestSqDistBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{0, 1, 15, 16, 17, 63, 64, 65, 784, 1000} {
		a, b := make([]byte, n), make([]byte, n+3)
		for i := range a {
			a[i] = byte(r.IntN(256))
			if r.IntN(3) > 0 {
				b[i] = byte(r.IntN(256))
			}
		}
		want := 0
		for i := range a {
			e := int(a[i]) - int(b[i])
			want += e * e
		}
		if got := SqDistBytes(a, b, math.MaxInt); got != want {
			t.Fatalf("len %d: %d, want %d", n, got, want)
		}
		for _, bound := range []int{0, 1, want / 3, want, want + 1} {
			got := SqDistBytes(a, b, bound)
			if (got < bound) != (want < bound) || got > want || (got < bound && got != want) {
				t.Fatalf("len %d bound %d: %d (full %d)", n, bound, got, want)
			}
		}
	}
	// All 255 against 0: the largest squares, exact.
	a, b := make([]byte, 784), make([]byte, 784)
	for i := range a {
		a[i] = 255
	}
	if got := SqDistBytes(a, b, math.MaxInt); got != 784*255*255 {
		t.Fatalf("extreme: %d", got)
	}
}

// A nearest-neighbour search with SqDistBytes picks the plain search's
// winner (the first of equals).
func TestSqDistBytesNearest(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	const n, dim = 500, 784
	set := make([]byte, n*dim)
	for i := range set {
		if r.IntN(5) == 0 {
			set[i] = byte(r.IntN(256))
		}
	}
	for trial := 0; trial < 20; trial++ {
		q := set[r.IntN(n)*dim:][:dim:dim]
		q = append([]byte(nil), q...)
		q[r.IntN(dim)] ^= 0x55
		best, bestD := 0, math.MaxInt
		plain, plainD := 0, math.MaxInt
		for i := 0; i < n; i++ {
			v := set[i*dim : (i+1)*dim]
			if d := SqDistBytes(q, v, bestD); d < bestD {
				best, bestD = i, d
			}
			d := 0
			for k := range q {
				e := int(q[k]) - int(v[k])
				d += e * e
			}
			if d < plainD {
				plain, plainD = i, d
			}
		}
		if best != plain || bestD != plainD {
			t.Fatalf("nearest %d (%d), plain search %d (%d)", best, bestD, plain, plainD)
		}
	}
}
