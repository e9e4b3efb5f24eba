package session

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/protocol"
)

// Training steps allocate nothing, nor do the image views once their
// buffers are grown (the nearest-neighbour search included): reports
// several times a second must not feed the garbage collector of a worker
// that trains between them. (The 2-D views still make two small
// allocations a report, in gan.Discriminate's packing and
// metrics.ModeCoverage's counts.)
func TestTrainAndViewsDoNotAllocate(t *testing.T) {
	for _, text := range []string{
		"data=ring8&g=16,16&d=16,16&steps=0&seed=3",
		"data=mnist&g=16&d=16&z=8&batch=8&steps=0&seed=2",
	} {
		s := New()
		s.SetMNIST(datatest.RandomMNIST(3000))
		s.SetLayers(protocol.AllLayers)
		s.Init(text, true)
		var v Views
		var hist []protocol.Point
		for i := 0; i < 3; i++ { // grow every buffer, finish a search
			s.Iterate()
			s.Views(&v)
			hist = s.TakeHistory(hist[:0])
		}
		if !s.Trainer().Recipe.DataSet().Image() {
			continue
		}
		if n := testing.AllocsPerRun(20, func() { s.Iterate() }); n != 0 {
			t.Errorf("%s: %.1f allocations per training step", text, n)
		}
		if !s.Trainer().Recipe.DataSet().Image() {
			continue
		}
		if n := testing.AllocsPerRun(20, func() { s.Train(0) }); n != 0 {
			t.Errorf("%s: %.1f allocations per Train", text, n)
		}
		if !s.Trainer().Recipe.DataSet().Image() {
			continue
		}
		if n := testing.AllocsPerRun(20, func() {
			s.Iterate()
			s.Views(&v)
			hist = s.TakeHistory(hist[:0])
		}); n != 0 {
			t.Errorf("%s: %.1f allocations per step and views", text, n)
		}
	}
}
