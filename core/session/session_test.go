package session

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/protocol"
)

func nativeFingerprint(t *testing.T, text string) string {
	t.Helper()
	tr, err := gan.FromText(text, -1)
	if err != nil {
		t.Fatal(err)
	}
	return tr.Fingerprint()
}

// Looking at the run (every view, between slices) must not change it: the
// page's fingerprint equals the command line's.
func TestViewsDoNotPerturbTraining(t *testing.T) {
	const text = "data=ring8&seed=4242&steps=60&g=32,32&d=32,32&pack=1" // arrows need pack=1
	s := New()
	s.Init(text, true)
	var v Views
	for s.Training() {
		s.Train(time.Millisecond)
		s.Views(&v)
		if len(v.D) != GridN*GridN || len(v.DStar) != GridN*GridN || len(v.Fake) != 2*NFake || len(v.Arrows) != 2*NArrows || len(v.Manifold) != 2*ManN*ManN || len(v.Real) != 2*NReal {
			t.Fatalf("views missing: %d %d %d %d %d", len(v.D), len(v.DStar), len(v.Fake), len(v.Arrows), len(v.Manifold))
		}
	}
	s.Views(&v)
	if s.Trainer().Step != 60 || s.Status() != protocol.Paused || !strings.Contains(s.Note(), "steps=60") {
		t.Fatalf("step %d status %v note %q", s.Trainer().Step, s.Status(), s.Note())
	}
	if got, want := s.Fingerprint(false), nativeFingerprint(t, text); got != want {
		t.Fatalf("fingerprint %s, native %s", got, want)
	}
	if v.ModesTotal != 8 || v.CG < -math.Log(4)-1e-9 || v.CG > 1e-9 || !(v.JSD > 0 && v.JSD <= math.Ln2) {
		t.Fatalf("modes %d/%d, C(G) %v, JSD %v", v.ModesHit, v.ModesTotal, v.CG, v.JSD)
	}
	for i, d := range v.D {
		if !(d > 0 && d < 1) || !(v.DStar[i] >= 0 && v.DStar[i] <= 1) {
			t.Fatalf("cell %d: D %v, D* %v", i, d, v.DStar[i])
		}
	}
	// Only what is asked for is computed.
	s.SetLayers(protocol.LayerFake)
	s.Views(&v)
	if len(v.D) != 0 || len(v.Arrows) != 0 || len(v.Fake) != 2*NFake || !math.IsNaN(v.CG) {
		t.Fatalf("layers ignored: D %d arrows %d fake %d C(G) %v", len(v.D), len(v.Arrows), len(v.Fake), v.CG)
	}
}

// Slow motion makes the updates of normal training one at a time, K D
// updates then G's: the same run, the same fingerprint.
func TestSlowMotionIsTheSameRun(t *testing.T) {
	const text = "data=ring8&seed=7&steps=6&k=2&g=16,16&d=16,16"
	want := nativeFingerprint(t, text)
	s := New()
	s.SetSlow(true)
	s.Init(text, true)
	var phases []protocol.Phase
	for i := 0; s.Training() && i < 100; i++ {
		if i == 4 { // switched off mid-iteration: Train finishes it first
			s.SetSlow(false)
			s.Train(time.Millisecond)
			s.SetSlow(true)
			continue
		}
		s.SlowStep()
		phases = append(phases, s.Phase())
	}
	if s.Trainer().Step != 6 || s.Fingerprint(false) != want {
		t.Fatalf("slow motion: step %d fingerprint %s, want 6 %s", s.Trainer().Step, s.Fingerprint(false), want)
	}
	d, g := protocol.PhaseD, protocol.PhaseG
	if len(phases) < 6 || phases[0] != d || phases[1] != d || phases[2] != g || phases[3] != d {
		t.Fatalf("phases %v", phases)
	}
	if h := s.TakeHistory(nil); len(h) != 6 || h[5].Step != 6 {
		t.Fatalf("history %v: want one point per iteration", h)
	}
}

// MNIST views carry no 2-D figures.
func TestImageViews(t *testing.T) {
	s := New()
	s.SetMNIST(datatest.RandomMNIST(60))
	s.Init("data=mnist&digits=1&g=8&d=8&z=4&batch=4&steps=1", false)
	var v Views
	s.Views(&v)
	if !math.IsNaN(v.JSD) || len(v.Fake) != 0 || v.ImgN != NImages || len(v.Images) != NImages*784 {
		t.Errorf("MNIST views: JSD %v fake %d images %d", v.JSD, len(v.Fake), v.ImgN)
	}
}

// Iterate is one iteration of Train, and a failed run refuses to go on.
func TestIterate(t *testing.T) {
	const text = "data=ring8&seed=3&steps=5&g=16&d=16&batch=32"
	s := New()
	s.Init(text, false)
	for i := 0; i < 5; i++ {
		if err := s.Iterate(); err != nil {
			t.Fatal(err)
		}
	}
	if s.Fingerprint(false) != nativeFingerprint(t, text) {
		t.Fatal("five iterations are not the native run")
	}
	s.Init("g=16&d=16&batch=32&opt=sgd&lrg=10&lrd=10&loss=lsgan&steps=0", false)
	var err error
	for i := 0; i < 100 && err == nil; i++ {
		err = s.Iterate()
	}
	if err == nil || s.Status() != protocol.Failed || !strings.Contains(s.Err(), "diverged") {
		t.Fatalf("divergence: %v, status %v, %q", err, s.Status(), s.Err())
	}
	if s.Iterate() == nil {
		t.Fatal("a diverged run went on")
	}
}
