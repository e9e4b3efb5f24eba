package gan

import (
	"testing"
)

func newTrainer(t testing.TB, s string) *Trainer {
	t.Helper()
	tr, err := FromText(s, 0)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestSameSeedSameFingerprint(t *testing.T) {
	run := func(s string) string {
		tr := newTrainer(t, s)
		for i := 0; i < 50; i++ {
			if err := tr.StepOnce(); err != nil {
				t.Fatal(err)
			}
		}
		return tr.Fingerprint()
	}
	// Small nets: the property is the stream's, not the size's (the golden
	// fingerprints pin the default recipes' bits).
	a, b, c := run("seed=5&batch=64&g=32,32&d=32,32"), run("seed=5&batch=64&g=32,32&d=32,32"), run("seed=6&batch=64&g=32,32&d=32,32")
	if a != b {
		t.Fatalf("same recipe, different fingerprints %s %s", a, b)
	}
	if a == c {
		t.Fatal("different seeds, same fingerprint")
	}
}

func TestEveryLossAndOptimiserTrains(t *testing.T) {
	for _, s := range []string{"loss=minimax", "loss=lsgan", "loss=hinge", "loss=wgan&k=5&lrd=0.0005", "opt=sgd&lrg=0.01&lrd=0.01&momramp=20&decay=1.0001",
		"dact=maxout&pieces=3&ddrop=0.3&ddropin=0.1&gdrop=0.1", "pack=2", "gact=tanh&dact=sigmoid&prior=uniform"} {
		tr := newTrainer(t, "batch=32&g=16&d=16&"+s)
		for i := 0; i < 20; i++ {
			if err := tr.StepOnce(); err != nil {
				t.Fatalf("%s: %v", s, err)
			}
		}
		if err := tr.CheckFinite(); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func TestStepAllocatesNothing(t *testing.T) {
	tr := newTrainer(t, "dact=maxout&ddrop=0.5&pack=2")
	tr.StepOnce()
	if a := testing.AllocsPerRun(10, func() { tr.StepOnce() }); a != 0 {
		t.Fatalf("%v allocations per step", a)
	}
}
