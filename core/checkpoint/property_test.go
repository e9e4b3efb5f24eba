package checkpoint

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/ganplayground/ganplayground/core/gan"
)

// randomRecipe draws a small recipe from the whole range of the keys that
// steer training, extremes included: learning rates up to the cap of 10
// and decays up to 1.1 are what make runs diverge, overflow a moment or
// drive a schedule to its limit.
func randomRecipe(r *rand.Rand) string {
	pick := func(vs ...string) string { return vs[r.IntN(len(vs))] }
	lr := func() string { return pick("1e-7", "0.0002", "0.002", "0.05", "0.5", "3", "10") }
	s := fmt.Sprintf("batch=%s&g=%d&d=%d&z=%d&seed=%d&data=%s&loss=%s&opt=%s&lrg=%s&lrd=%s&decay=%s&lrmin=%s&gact=%s&dact=%s&k=%d&pack=%s&mom=%s&b2=%s",
		pick("4", "8", "16"), 2+r.IntN(6), 2+r.IntN(6), 1+r.IntN(3), 1+r.IntN(1000),
		pick("ring8", "grid25", "spiral"), pick("nonsat", "minimax", "lsgan", "hinge", "wgan"), pick("adam", "sgd"),
		lr(), lr(), pick("1", "1.0004", "1.05", "1.1"), pick("0", "1e-6", "0.01"),
		pick("relu", "leaky", "tanh", "sigmoid", "maxout"), pick("relu", "leaky", "tanh", "sigmoid", "maxout"),
		1+r.IntN(2), pick("1", "2", "4"), pick("0", "0.5", "0.9", "0.999"), pick("0", "0.9", "0.999", "0.99999"))
	if r.IntN(3) == 0 {
		s += pick("&gdrop=0.3", "&ddrop=0.5&ddropin=0.2", "&gema=0.99", "&gavg=5", "&momramp=5&momend=0.9")
	}
	return s
}

// TestReachedStatesRoundTripOrAreRefused: whatever state training reaches
// — before, at and after divergence, and with schedules run to their
// limits — either Encode refuses it, writing nothing, or what it writes
// decodes to the same trainer and encodes to the same bytes again. So no
// run can save a file that no command can read.
func TestReachedStatesRoundTripOrAreRefused(t *testing.T) {
	trials := 60
	if testing.Short() {
		trials = 15
	}
	r := rand.New(rand.NewPCG(16, 1))
	saved, refused := 0, 0
	for trial := 0; trial < trials; trial++ {
		text := randomRecipe(r)
		tr, err := gan.FromText(text, 0)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		steps := []int{1, 2, 5, 20, 60}
		diverged := false
		for _, target := range steps {
			for tr.Step < target && !diverged {
				diverged = tr.StepOnce() != nil // a diverged state is checked too
			}
			if roundTrips(t, text, tr) {
				saved++
			} else {
				refused++
			}
			if diverged {
				break
			}
		}
	}
	t.Logf("%d states saved and read back, %d refused", saved, refused)
	if saved == 0 || refused == 0 {
		t.Fatalf("the recipes reached %d savable and %d refused states; both kinds must occur for the test to mean anything", saved, refused)
	}
}

// roundTrips encodes tr; a refusal must write nothing, a file must decode
// and re-encode byte for byte. It reports whether tr was saved.
func roundTrips(t *testing.T, text string, tr *gan.Trainer) bool {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, tr); err != nil {
		if b.Len() != 0 {
			t.Fatalf("%s at step %d: refused (%v) after writing %d bytes", text, tr.Step, err, b.Len())
		}
		return false
	}
	first := append([]byte(nil), b.Bytes()...)
	back, err := Decode(&b)
	if err != nil {
		t.Fatalf("%s at step %d: Encode wrote a file Decode refuses: %v", text, tr.Step, err)
	}
	if back.Fingerprint() != tr.Fingerprint() || back.Step != tr.Step || back.DSteps != tr.DSteps {
		t.Fatalf("%s at step %d: read back as step %d, fingerprint %s, want %s", text, tr.Step, back.Step, back.Fingerprint(), tr.Fingerprint())
	}
	var again bytes.Buffer
	if err := Encode(&again, back); err != nil || !bytes.Equal(again.Bytes(), first) {
		t.Fatalf("%s at step %d: the decoded trainer re-encodes differently (%v)", text, tr.Step, err)
	}
	return true
}
