package main

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/team"
)

type chanPeer chan []byte

func (p chanPeer) Send(b []byte) { p <- append(team.Buffer(len(b))[:0], b...) }

// The bridge with OpWorkers: a sharded recipe's commands train on the
// helpers (goroutines here, Web Workers in the browser) to the bits of one
// worker, and its reports say how many trained.
func TestBridgeWorkers(t *testing.T) {
	const rc = "batch=64&pack=2&shards=8&g=32&d=32&ddrop=0.3&z=8"
	alone, err := gan.FromText(rc, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 6; i++ {
		if err := alone.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	var tm *team.Team
	tm = team.New(func(i int) team.Peer {
		ch := make(chanPeer, 16)
		h := team.NewHelper(func(b []byte) { tm.Deliver(i, append(team.Buffer(len(b))[:0], b...)) }, ch,
			func(rc recipe.Recipe) (data.Source, error) { return data.New(rc, nil) })
		go func() { h.Run(<-ch) }()
		return ch
	})
	b := NewBridge()
	b.team = tm
	b.Handle(&protocol.Command{Op: protocol.OpWorkers, N: 3})
	b.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: rc})
	for i := 0; i < 6; i++ {
		b.Handle(&protocol.Command{Op: protocol.OpStep})
	}
	r := snapshot(t, b)
	if r.Error != "" || r.Step != 6 || r.Workers != 3 || r.Fingerprint != alone.Fingerprint() {
		t.Fatalf("3 workers: error %q step %d workers %d fingerprint %s, alone %s", r.Error, r.Step, r.Workers, r.Fingerprint, alone.Fingerprint())
	}
}
