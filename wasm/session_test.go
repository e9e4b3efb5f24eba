package main

import (
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
)

func nativeFingerprint(t *testing.T, text string) string {
	t.Helper()
	tr, err := gan.FromText(text, -1)
	if err != nil {
		t.Fatal(err)
	}
	return tr.Fingerprint()
}

func snapshot(t *testing.T, s *Bridge) *protocol.Report {
	t.Helper()
	var r protocol.Report
	if err := protocol.DecodeReport(s.Snapshot(), &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func TestCommands(t *testing.T) {
	s := NewBridge()
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "g=16&d=16&batch=32"})
	if r := snapshot(t, s); r.Status != protocol.Idle || r.Step != 0 {
		t.Fatalf("after init: %v %d", r.Status, r.Step)
	}
	s.Handle(&protocol.Command{Op: protocol.OpStepD})
	s.Handle(&protocol.Command{Op: protocol.OpStepG})
	s.Handle(&protocol.Command{Op: protocol.OpStep})
	s.Handle(&protocol.Command{Op: protocol.OpSet, Key: "k", Value: 3})
	s.Handle(&protocol.Command{Op: protocol.OpSet, Key: "lrg", Value: 0.01})
	s.Handle(&protocol.Command{Op: protocol.OpSet, Key: "lrd", Value: 0.02})
	s.Handle(&protocol.Command{Op: protocol.OpStep})
	r := snapshot(t, s)
	if r.Step != 3 || r.DSteps != 5 || r.Status != protocol.Paused || len(r.History) != 4 {
		t.Fatalf("step %d dsteps %d status %v history %d", r.Step, r.DSteps, r.Status, len(r.History))
	}
	if !strings.Contains(r.Recipe, "lrg=0.01&lrd=0.02") || !strings.Contains(r.Recipe, "k=3") {
		t.Fatalf("recipe %q does not follow live changes", r.Recipe)
	}
	var light protocol.Report
	if err := protocol.DecodeReport(s.Status(), &light); err != nil || !light.Light || light.Step != 3 || len(light.Fake) != 0 || len(light.Fingerprint) != 16 {
		t.Fatalf("status report: %v %+v", err, light)
	}
	s.Handle(&protocol.Command{Op: protocol.OpLayers, Layers: protocol.LayerFake})
	if r := snapshot(t, s); len(r.D) != 0 || len(r.Fake) == 0 || len(r.History) != 0 {
		t.Fatalf("layers ignored: %d %d", len(r.D), len(r.Fake))
	}
}

func TestErrors(t *testing.T) {
	s := NewBridge()
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=cifar"})
	r := snapshot(t, s)
	if r.Kind != protocol.KindError || r.Status != protocol.Failed || !strings.Contains(r.Error, "data") {
		t.Fatalf("bad recipe: %+v", r)
	}
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=mnist"})
	if r := snapshot(t, s); !strings.Contains(r.Error, "MNIST") {
		t.Fatalf("missing MNIST: %q", r.Error)
	}
	// A learning rate this large diverges within a few steps.
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "g=16&d=16&batch=32&opt=sgd&lrg=10&lrd=10&loss=lsgan&steps=0", Play: true})
	for i := 0; i < 100 && s.Training(); i++ {
		s.Train(time.Millisecond)
	}
	r = snapshot(t, s)
	if r.Status != protocol.Failed || !strings.Contains(r.Error, "diverged") {
		t.Fatalf("divergence: status %v error %q", r.Status, r.Error)
	}
	s.Handle(&protocol.Command{Op: protocol.OpPlay})
	if s.Training() {
		t.Fatal("a diverged run restarted")
	}
}

// Live settings change mid-run through one typed command: the run
// trained on at temp 0.5 has the weights of one that never changed it (a
// sampling setting), a new learning rate is in force from the next update
// with the value sent, and a key that is not live is refused with a note
// and changes nothing.
func TestSet(t *testing.T) {
	const text = "data=ring8&seed=7&steps=400&g=16,16&d=16&batch=32"
	s := NewBridge()
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: text, Play: true})
	s.Train(time.Millisecond)
	s.Handle(&protocol.Command{Op: protocol.OpSet, Key: "temp", Value: 0.5})
	if s.Trainer().Recipe.Temp != 0.5 || !s.Training() {
		t.Fatalf("temp %v, training %v", s.Trainer().Recipe.Temp, s.Training())
	}
	for _, bad := range []protocol.Command{{Op: protocol.OpSet, Key: "batch", Value: 64}, {Op: protocol.OpSet, Key: "lrg", Value: 11}, {Op: protocol.OpSet, Key: "k", Value: 1.5}} {
		before := s.Trainer().Recipe.String()
		s.Handle(&bad)
		if r := snapshot(t, s); !strings.Contains(r.Note, "setting not applied") || !strings.Contains(r.Note, bad.Key) || r.Status != protocol.Training || r.Recipe != before {
			t.Fatalf("%s=%v: note %q, status %v, recipe %q (was %q)", bad.Key, bad.Value, r.Note, r.Status, r.Recipe, before)
		}
	}
	for s.Training() {
		s.Train(time.Millisecond)
	}
	if got, want := snapshot(t, s).Fingerprint, nativeFingerprint(t, text); got != want {
		t.Fatalf("fingerprint %s after a temperature change, %s without", got, want)
	}

	// Live values set before the first update give the run whose recipe
	// had them from the start, bit for bit: no rounding through text.
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=ring8&seed=7&steps=30&g=16,16&d=16&batch=32"})
	s.Handle(&protocol.Command{Op: protocol.OpSet, Key: "lrg", Value: 0.0005})
	s.Handle(&protocol.Command{Op: protocol.OpSet, Key: "k", Value: 2})
	s.Handle(&protocol.Command{Op: protocol.OpPlay})
	for s.Training() {
		s.Train(time.Millisecond)
	}
	r := snapshot(t, s)
	const same = "data=ring8&seed=7&steps=30&g=16,16&d=16&batch=32&lrg=0.0005&k=2"
	if want := nativeFingerprint(t, same); r.Fingerprint != want || r.Recipe != mustCanon(t, same) {
		t.Fatalf("live lrg and k: fingerprint %s recipe %q, want %s %q", r.Fingerprint, r.Recipe, want, mustCanon(t, same))
	}
}

func mustCanon(t *testing.T, text string) string {
	t.Helper()
	rc, err := recipe.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	return rc.String()
}
