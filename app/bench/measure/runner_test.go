package measure

import (
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/data/datatest"
)

// The workloads are docs/speed.md's: their FLOP counts are the hand
// counts there and in core/gan's TestStepFLOPs.
func TestWorkloadFLOPs(t *testing.T) {
	want := map[string]float64{"W1": 26_279_936, "W2": 721_682_432, "paper": 3_566_784_000}
	for _, w := range Workloads {
		r, err := NewRunner(w.Recipe, fakeMNIST())
		if err != nil {
			t.Fatal(err)
		}
		if r.FLOPs != want[w.Name] {
			t.Errorf("%s: %v FLOP/step, want %v", w.Name, r.FLOPs, want[w.Name])
		}
	}
}

// A window runs whole steps, at least the minimum asked for, and the
// trainer's allocations per step are counted (the trainer allocates
// nothing per step once warm).
func TestWindow(t *testing.T) {
	r, err := NewRunner(Workloads[0].Recipe, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, err := r.Warm(0); err != nil || n != 2 {
		t.Fatalf("warm-up: %d steps, %v; want 2", n, err)
	}
	w, err := r.Window(time.Millisecond, 3)
	if err != nil {
		t.Fatal(err)
	}
	if w.Steps < 3 || w.Sec <= 0 || r.T.Step != 2+w.Steps {
		t.Fatalf("window %+v after 2 warm-up steps, trainer at step %d", w, r.T.Step)
	}
	if w.Allocs > 0.5 {
		t.Errorf("%.2f allocations per step, want 0", w.Allocs)
	}
}

func TestRunnerRejectsBadRecipe(t *testing.T) {
	if _, err := NewRunner("z=0", nil); err == nil {
		t.Error("z=0 accepted")
	}
	if _, err := NewRunner("data=mnist", nil); err == nil {
		t.Error("mnist without data accepted")
	}
}

// fakeMNIST is a small random stand-in for the digits (the FLOP count does
// not depend on them).
func fakeMNIST() *data.MNIST { return datatest.RandomMNIST(20) }
