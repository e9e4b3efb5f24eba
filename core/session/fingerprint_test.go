package session

import (
	"testing"
	"time"
)

// While training the fingerprint is rehashed at most every
// fingerprintEvery; once paused it is always that of the current weights.
func TestFingerprintRationedWhileTraining(t *testing.T) {
	s := New()
	clock := time.Unix(0, 0)
	s.now = func() time.Time { return clock }
	s.Init("data=ring8&g=16,16&d=16,16&steps=0&seed=5", true)
	s.Iterate()
	first := s.Fingerprint(false)
	if first != s.Trainer().Fingerprint() {
		t.Fatalf("first report %s, weights %s", first, s.Trainer().Fingerprint())
	}
	s.Iterate()
	clock = clock.Add(fingerprintEvery / 2)
	if got := s.Fingerprint(true); got != first {
		t.Errorf("rehashed %v after the last hash: %s", fingerprintEvery/2, got)
	}
	clock = clock.Add(fingerprintEvery / 2)
	now := s.Trainer().Fingerprint()
	if now == first {
		t.Fatal("a step did not change the weights")
	}
	if got := s.Fingerprint(false); got != now {
		t.Errorf("after %v: %s, weights %s", fingerprintEvery, got, now)
	}
	s.Iterate()
	s.Pause()
	if got, want := s.Fingerprint(false), s.Trainer().Fingerprint(); got != want {
		t.Errorf("paused: %s, weights %s", got, want)
	}
}
