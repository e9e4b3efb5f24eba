package session

import (
	"bytes"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/rng"
)

func TestNearest(t *testing.T) {
	d, err := datatest.RandomMNIST(40).Subset([]int{3, 5})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < d.Len(); i++ {
		q := append([]byte(nil), d.Image(i)...)
		for p := range q { // a little noise
			q[p] = uint8(min(int(q[p])+p%3, 255))
		}
		if got := nearest(d, q); got != i {
			t.Fatalf("nearest to a copy of %d is %d", i, got)
		}
	}
}

// The MNIST views come when asked for, pair each sample with a training
// image, and do not change the run.
func TestMNISTViews(t *testing.T) {
	const text = "data=mnist&digits=17&g=16&d=16&z=8&batch=8&steps=3&seed=2"
	run := func(layers protocol.Layers) (*Views, *Session) {
		s := New()
		s.SetMNIST(datatest.RandomMNIST(60))
		s.SetLayers(layers)
		s.Init(text, true)
		var v Views
		for s.Training() {
			s.Train(time.Millisecond)
			s.Views(&v)
		}
		s.Views(&v)
		return &v, s
	}
	plain, ps := run(0)
	if plain.InterpN != 0 || plain.NearN != 0 || plain.ImgN != NImages {
		t.Fatalf("views not asked for: interp %d near %d images %d", plain.InterpN, plain.NearN, plain.ImgN)
	}
	v, s := run(protocol.LayerInterp | protocol.LayerNearest)
	if s.Trainer().Fingerprint() != ps.Trainer().Fingerprint() || s.Trainer().Step != 3 {
		t.Fatalf("the views changed the run: %s vs %s", s.Trainer().Fingerprint(), ps.Trainer().Fingerprint())
	}
	if v.InterpN != NInterp || v.NearN != NNearest {
		t.Fatalf("interp %d near %d", v.InterpN, v.NearN)
	}
	if bytes.Equal(v.Interp[:784], v.Interp[len(v.Interp)-784:]) {
		t.Error("the interpolation's ends are the same image")
	}
	d := s.views.mnist.digits
	for i := 0; i < v.NearN; i++ {
		pair := v.Near[2*i*784 : (2*i+2)*784]
		if !bytes.Equal(pair[:784], v.Images[i*784:(i+1)*784]) {
			t.Errorf("pair %d: not sample %d", i, i)
		}
		if !bytes.Equal(pair[784:], d.Image(nearest(d, pair[:784]))) {
			t.Errorf("pair %d: not the nearest training image", i)
		}
	}
}

// nearestByteLoop is the search as it was before mat.SqDistBytes: a scalar
// loop that looks at the best so far every two rows.
func nearestByteLoop(d *data.Digits, img []byte) int {
	best, bestD := 0, int(^uint(0)>>1)
	for i := 0; i < d.Len(); i++ {
		t := d.Image(i)
		s := 0
		for p := 0; p < len(img); p += 56 {
			for q := p; q < p+56 && q < len(img); q++ {
				e := int(img[q]) - int(t[q])
				s += e * e
			}
			if s >= bestD {
				break
			}
		}
		if s < bestD {
			best, bestD = i, s
		}
	}
	return best
}

// The search picks what the byte loop picks, ties (duplicate images)
// included, for random queries and for near copies.
func TestNearestMatchesByteLoop(t *testing.T) {
	m := datatest.RandomMNIST(300)
	copy(m.Images[250*data.Pixels:], m.Images[40*data.Pixels:50*data.Pixels]) // duplicates: the first must win
	d, err := m.Subset([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	if err != nil {
		t.Fatal(err)
	}
	r := rng.New(9)
	q := make([]byte, data.Pixels)
	for k := 0; k < 200; k++ {
		if k%2 == 0 {
			for p := range q {
				q[p] = uint8(r.IntN(256))
			}
		} else {
			copy(q, d.Image(r.IntN(d.Len())))
			for p := range q {
				q[p] = uint8(min(int(q[p])+r.IntN(40), 255))
			}
		}
		if got, want := nearest(d, q), nearestByteLoop(d, q); got != want {
			t.Fatalf("query %d: nearest %d, byte loop %d", k, got, want)
		}
	}
}

// While training, one call of Views scans only a budget's worth of the
// subset; the search goes on over the following calls, the run does not
// change, and the finished pairs are the full search's.
func TestNearestSpreadOverViews(t *testing.T) {
	s := New()
	s.SetMNIST(datatest.RandomMNIST(6000))
	s.SetLayers(protocol.LayerNearest)
	s.Init("data=mnist&g=16&d=16&z=8&batch=8&steps=1000&seed=2", true)
	s.Train(time.Millisecond)
	fp, step := s.Trainer().Fingerprint(), s.Trainer().Step
	clock := time.Unix(0, 0)
	s.now = func() time.Time { clock = clock.Add(nearBudget); return clock } // one chunk per call
	var v Views
	calls := 0
	for {
		s.Views(&v)
		calls++
		if v.NearN > 0 || calls > 100 {
			break
		}
		if !s.ViewsPending() {
			t.Fatalf("call %d: no pairs and no search pending", calls)
		}
	}
	if want := (6000 + nearChunk - 1) / nearChunk; calls != want {
		t.Errorf("the search took %d calls, want %d (one chunk each)", calls, want)
	}
	if s.ViewsPending() || v.NearN != NNearest {
		t.Fatalf("pending %v, %d pairs", s.ViewsPending(), v.NearN)
	}
	if s.Trainer().Fingerprint() != fp || s.Trainer().Step != step {
		t.Fatal("the search changed the run")
	}
	d := s.views.mnist.digits
	for i := 0; i < v.NearN; i++ {
		pair := v.Near[2*i*data.Pixels : (2*i+2)*data.Pixels]
		if !bytes.Equal(pair[:data.Pixels], v.Images[i*data.Pixels:(i+1)*data.Pixels]) {
			t.Errorf("pair %d: not sample %d", i, i)
		}
		if !bytes.Equal(pair[data.Pixels:], d.Image(nearestByteLoop(d, pair[:data.Pixels]))) {
			t.Errorf("pair %d: not the nearest training image", i)
		}
	}
	// The pairs stay while the weights change, until the next search.
	s.Train(time.Millisecond)
	s.Views(&v)
	if v.NearN != NNearest {
		t.Fatalf("%d pairs after a step", v.NearN)
	}
}
