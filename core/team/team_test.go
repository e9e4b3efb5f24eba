package team

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// chanPeer is a helper worker as a goroutine: each message is copied into
// a buffer from Buffer, as the worker copies a message it receives from
// JavaScript's buffer into Go's.
type chanPeer chan []byte

func (p chanPeer) Send(b []byte) { p <- received(b) }

// received is b as it arrives: copied into a buffer from Buffer.
func received(b []byte) []byte { return append(Buffer(len(b))[:0], b...) }

// goroutineTeam is the browser's team with goroutines for Web Workers:
// the same messages, the same replicas; open gives each helper its data.
func goroutineTeam(open func(recipe.Recipe) (data.Source, error)) *Team {
	var tm *Team
	tm = New(func(i int) Peer {
		ch := make(chanPeer, 16)
		h := NewHelper(func(b []byte) { tm.Deliver(i, received(b)) }, ch, open)
		go func() { h.Run(<-ch) }()
		return ch
	})
	return tm
}

// openData opens a recipe's data as the page's helpers do (2-D sets).
func openData(rc recipe.Recipe) (data.Source, error) { return data.New(rc, nil) }

// teamOf is a goroutine team asked for w workers and a trainer of
// teamRecipe, not yet adopted.
func teamOf(t *testing.T, w int) (*Team, *gan.Trainer) {
	t.Helper()
	tm := goroutineTeam(openData)
	tm.SetWant(w)
	tr, err := gan.FromText(teamRecipe, 0)
	if err != nil {
		t.Fatal(err)
	}
	return tm, tr
}

const teamRecipe = "batch=64&pack=2&shards=8&g=32,32&d=32,32&gdrop=0.2&ddrop=0.3&ddropin=0.1&z=8&steps=40"

// train makes 10 iterations, a live change of D's rate, a lone D update
// and 10 more iterations; adopt, if not nil, is called before each.
func train(t *testing.T, tr *gan.Trainer, adopt func(*gan.Trainer) error) {
	t.Helper()
	step := func(f func() error) {
		t.Helper()
		if adopt != nil {
			if err := adopt(tr); err != nil {
				t.Fatal(err)
			}
		}
		if err := f(); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < 10; i++ {
		step(tr.StepOnce)
	}
	if err := tr.Set("lrd", 0.0005); err != nil {
		t.Fatal(err)
	}
	step(tr.StepD)
	for i := 0; i < 10; i++ {
		step(tr.StepOnce)
	}
}

// 2, 3 and 8 workers exchanging messages train the bits of one, through
// single updates and a live setting (which syncs the helpers afresh).
func TestTeamSameFingerprint(t *testing.T) {
	alone, err := gan.FromText(teamRecipe, 0)
	if err != nil {
		t.Fatal(err)
	}
	train(t, alone, nil)
	for _, w := range []int{2, 3, 8} {
		tm, tr := teamOf(t, w)
		syncs := 0
		tm.onSync = func(uint32, int) { syncs++ }
		train(t, tr, tm.Adopt)
		if tm.Size(tr) != w {
			t.Errorf("%d workers asked, %d trained", w, tm.Size(tr))
		}
		if got, want := tr.Fingerprint(), alone.Fingerprint(); got != want {
			t.Errorf("%d workers: fingerprint %s, alone %s", w, got, want)
		}
		if syncs != 2 {
			t.Errorf("%d workers: %d syncs, want 2 (the start, the new rate)", w, syncs)
		}
	}
}

// A helper's failure fails the update waiting for it with the helper's
// word, and the next update syncs the helpers afresh and goes on.
func TestTeamHelperFails(t *testing.T) {
	tm, tr := teamOf(t, 2)
	if err := tm.Adopt(tr); err != nil {
		t.Fatal(err)
	}
	if err := tr.StepOnce(); err != nil {
		t.Fatal(err)
	}
	// The helper's answer to the next update is preceded by a failure.
	tm.Fail(1, "out of memory")
	if err := tr.StepD(); err == nil || err.Error() != "worker 2: out of memory" {
		t.Fatalf("a failed helper: %v", err)
	}
}

// Once every buffer is sized, an update on two workers allocates nothing
// in Go: the messages travel in buffers given back and taken again.
func TestTeamStepAllocatesNothing(t *testing.T) {
	tm, tr := teamOf(t, 2)
	step := func() {
		if err := tm.Adopt(tr); err != nil {
			t.Fatal(err)
		}
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		step()
	}
	if n := testing.AllocsPerRun(20, step); n != 0 {
		t.Errorf("%v allocations a step, want 0", n)
	}
	if tm.Size(tr) != 2 {
		t.Errorf("%d workers trained, 2 asked", tm.Size(tr))
	}
}
