package gan

import "testing"

// One update at a time (slow motion) is the same run as whole iterations,
// and a D update made alone stays outside the iteration's count.
func TestStepNextIsStepOnce(t *testing.T) {
	const text = "batch=32&g=16&d=16&z=8&lrg=0.001&lrd=0.001&decay=1&pack=1&loss=wgan&k=3&data=grid25"
	whole, byOne := newTrainer(t, text), newTrainer(t, text)
	var kinds []bool
	for whole.Step < 5 {
		if err := whole.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	for byOne.Step < 5 {
		d, err := byOne.StepNext()
		if err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, d)
	}
	if got, want := Fingerprint(byOne.Sampler(), byOne.D), Fingerprint(whole.Sampler(), whole.D); got != want || byOne.DSteps != 15 {
		t.Fatalf("update by update %s (%d D updates), whole iterations %s", got, byOne.DSteps, want)
	}
	for i, d := range kinds {
		if d != (i%4 != 3) {
			t.Fatalf("update %d: D %v; want D, D, D, G in turn", i, d)
		}
	}

	// Half an iteration by hand, then StepOnce completes it: K D updates
	// in all, not K more.
	a, b := newTrainer(t, text), newTrainer(t, text)
	a.StepNext()
	if a.IterationD() != 1 {
		t.Fatalf("after one update IterationD is %d", a.IterationD())
	}
	if err := a.StepOnce(); err != nil {
		t.Fatal(err)
	}
	if err := b.StepOnce(); err != nil {
		t.Fatal(err)
	}
	if a.DSteps != 3 || a.IterationD() != 0 || Fingerprint(a.Sampler(), a.D) != Fingerprint(b.Sampler(), b.D) {
		t.Fatalf("completed iteration: %d D updates, fingerprints %s and %s", a.DSteps, Fingerprint(a.Sampler(), a.D), Fingerprint(b.Sampler(), b.D))
	}
	// StepD alone is an extra update: the iteration still makes K.
	a.StepD()
	a.StepOnce()
	if a.DSteps != 7 {
		t.Fatalf("after an extra D update and an iteration: %d D updates, want 7", a.DSteps)
	}
}
