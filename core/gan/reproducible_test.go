package gan

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/mat"
)

// golden fingerprints after 30 iterations. This test runs natively and,
// via `make test-wasm`, compiled to WebAssembly in Node: passing on both is
// the proof that a recipe trains to bit-identical weights in the browser.
// A change that reorders floating-point sums (a new kernel) changes these
// values: update them in the same commit, after checking both platforms.
var golden = []struct{ recipe, fingerprint string }{
	{"data=ring8&batch=128&z=8&g=128,128&d=128,128&gact=relu&dact=leaky&opt=adam&lrg=0.001&lrd=0.001&mom=0.5&b2=0.999&loss=nonsat&prior=gaussian&decay=1&pack=1", "28218d35dd6fe554"},
	{"batch=64&g=32,32&d=32,32&dact=maxout&pieces=3&ddrop=0.5&ddropin=0.2&opt=sgd&lrg=0.05&lrd=0.05&momramp=10&decay=1.001&prior=uniform&pack=2&gact=tanh&z=8", "0db72937e61da17d"},
	{"batch=32&g=16&d=16&z=8&lrg=0.001&lrd=0.001&decay=1&pack=1&loss=wgan&k=3&gdrop=0.2&data=grid25", "633cb4f5df5bef06"},
	// With gema the fingerprint is of the averaged G (what samples come
	// from) and D.
	{"batch=64&g=32,32&d=32&opt=sgd&lrg=0.05&lrd=0.05&decay=1&gema=0.9", "899f5f0891e77758"},
	// gavg: the plain mean of G over steps 11…30.
	{"batch=64&g=32,32&d=32&opt=sgd&lrg=0.05&lrd=0.05&decay=1&gavg=10", "3ec9177d182ae5b2"},
}

func TestGoldenFingerprints(t *testing.T) {
	for _, g := range golden {
		tr := newTrainer(t, g.recipe)
		for i := 0; i < 30; i++ {
			if err := tr.StepOnce(); err != nil {
				t.Fatal(err)
			}
		}
		if got := Fingerprint(tr.Sampler(), tr.D); got != g.fingerprint {
			t.Errorf("recipe %q: fingerprint %s, want %s", g.recipe, got, g.fingerprint)
		}
	}
}

// The same runs with the products split over 3 workers (train -workers):
// the same fingerprints, since every element of every product is still
// summed whole, in order, by one worker.
func TestGoldenFingerprintsAnyWorkers(t *testing.T) {
	defer mat.SetWorkers(mat.Workers())
	mat.SetWorkers(3)
	TestGoldenFingerprints(t)
}
