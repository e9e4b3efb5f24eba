package main

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// chanPeer is a helper worker as a goroutine: messages are copied, as
// postMessage copies (or moves) them.
type chanPeer chan []byte

func (p chanPeer) send(b []byte) { p <- append([]byte(nil), b...) }

// goroutineTeam is the team of main_js.go with goroutines for Web Workers:
// the same messages, the same replicas.
func goroutineTeam() *team {
	var tm *team
	tm = newTeam(func(i int) peer {
		ch := make(chanPeer, 16)
		h := &helper{
			send:   func(b []byte) { tm.inbox <- teamMsg{i, append([]byte(nil), b...)} },
			inbox:  ch,
			source: func(rc recipe.Recipe) (data.Source, error) { return data.New(rc, nil) },
		}
		go func() { h.run(<-ch) }()
		return ch
	})
	return tm
}

const teamRecipe = "batch=64&pack=2&shards=8&g=32,32&d=32,32&gdrop=0.2&ddrop=0.3&ddropin=0.1&z=8&steps=40"

// The page's worker with 2, 3 and 8 workers trains the bits of one, through
// single updates, a live setting (which re-syncs the helpers), and a
// loaded checkpoint.
func TestTeamSameFingerprint(t *testing.T) {
	alone := func() string {
		tr, err := gan.FromText(teamRecipe, 0)
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 10; i++ {
			if err := tr.StepOnce(); err != nil {
				t.Fatal(err)
			}
		}
		if err := tr.Set("lrd", 0.0005); err != nil {
			t.Fatal(err)
		}
		if err := tr.StepD(); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 10; i++ {
			if err := tr.StepOnce(); err != nil {
				t.Fatal(err)
			}
		}
		return tr.Fingerprint()
	}()
	for _, w := range []int{2, 3, 8} {
		b := NewBridge()
		b.team = goroutineTeam()
		syncs := 0
		b.team.onSync = func(uint32, int) { syncs++ }
		b.Handle(&protocol.Command{Op: protocol.OpWorkers, N: w})
		b.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: teamRecipe})
		for i := 0; i < 10; i++ {
			b.Handle(&protocol.Command{Op: protocol.OpStep})
		}
		b.Handle(&protocol.Command{Op: protocol.OpSet, Key: "lrd", Value: 0.0005})
		b.Handle(&protocol.Command{Op: protocol.OpStepD})
		for i := 0; i < 10; i++ {
			b.Handle(&protocol.Command{Op: protocol.OpStep})
		}
		r := snapshot(t, b)
		if r.Error != "" {
			t.Fatalf("%d workers: %s", w, r.Error)
		}
		if r.Step != 20 || r.Fingerprint != alone {
			t.Errorf("%d workers: step %d fingerprint %s, alone %s", w, r.Step, r.Fingerprint, alone)
		}
		if syncs != 2 {
			t.Errorf("%d workers: %d syncs, want 2 (the start, the new rate)", w, syncs)
		}
	}
}
