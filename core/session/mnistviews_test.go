package session

import (
	"bytes"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/rng"
)

// fakeMNIST is n random images, labels 0–9 in turn.
func fakeMNIST(n int) *data.MNIST {
	r := rng.New(1)
	m := &data.MNIST{Images: make([]uint8, n*data.Pixels), Labels: make([]uint8, n)}
	for i := range m.Images {
		m.Images[i] = uint8(r.IntN(256))
	}
	for i := range m.Labels {
		m.Labels[i] = uint8(i % 10)
	}
	return m
}

func TestNearest(t *testing.T) {
	d, err := fakeMNIST(40).Subset([]int{3, 5})
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
		s.SetMNIST(fakeMNIST(60))
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
