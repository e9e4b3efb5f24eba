package session

import (
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/protocol"
)

// A checkpoint saved in the middle of a slow-motion iteration says that it
// holds the weights, not the place in the iteration; loaded, the run
// starts a fresh iteration (K D updates) from those weights.
func TestCheckpointMidIteration(t *testing.T) {
	const text = "data=ring8&seed=5&k=3&g=16&d=16&batch=32&steps=10"
	s := New()
	s.SetSlow(true)
	s.Init(text, true)
	s.SlowStep()
	s.SlowStep() // two of the iteration's three D updates
	var c protocol.CheckpointInfo
	note, err := s.Checkpoint(&c)
	if err != nil || !strings.Contains(note, "2 of the iteration's 3 D updates") || c.Step != 0 || len(c.Metrics) == 0 || len(c.Thumbnail) == 0 {
		t.Fatalf("note %q, err %v, step %d, metrics %v, thumbnail %d bytes", note, err, c.Step, c.Metrics, len(c.Thumbnail))
	}
	file := append([]byte(nil), c.Bytes...)
	dBefore := s.Trainer().DSteps

	l := New()
	var info protocol.CheckpointInfo
	if err := l.Load(file, &info); err != nil || info.Fingerprint != c.Fingerprint || l.Status() != protocol.Paused {
		t.Fatalf("load: %v, fingerprint %s (saved %s), status %v", err, info.Fingerprint, c.Fingerprint, l.Status())
	}
	l.Step()
	if got := l.Trainer().DSteps - dBefore; got != 3 || l.Trainer().Step != 1 {
		t.Fatalf("the loaded run's first iteration made %d D updates (want 3), step %d", got, l.Trainer().Step)
	}
	if err := l.Load([]byte("not a checkpoint"), &info); err == nil || !strings.Contains(err.Error(), "kept") || l.Trainer().Step != 1 {
		t.Fatalf("a bad file: %v, step %d", err, l.Trainer().Step)
	}
}
