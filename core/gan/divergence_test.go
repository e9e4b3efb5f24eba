package gan

import (
	"errors"
	"strings"
	"testing"
)

// Learning rates this large make Adam's second moment overflow float32
// (a gradient past ~1.8e19): the update m/√v is then 0, so weights and
// losses stay finite while the optimiser state is lost. That is
// divergence, reported at the step it happens.
func TestOverflowingMomentIsDivergence(t *testing.T) {
	for _, s := range []string{
		"loss=lsgan&lrg=10&lrd=10&decay=1&gact=leaky&steps=2",
		"loss=lsgan&lrg=3&lrd=3&decay=1&steps=100",
	} {
		tr := newTrainer(t, s)
		var err error
		for !tr.Done() && err == nil {
			err = tr.StepOnce()
		}
		if !errors.Is(err, ErrDiverged) {
			t.Fatalf("%s: ran to step %d with %v, want ErrDiverged", s, tr.Step, err)
		}
		if !strings.Contains(err.Error(), "optimiser moment") && !strings.Contains(err.Error(), "loss is") {
			t.Errorf("%s: %v does not say what diverged", s, err)
		}
		if tr.CheckFinite() == nil {
			t.Errorf("%s: CheckFinite passes the diverged state (%v)", s, err)
		}
	}
}
