package measure

import (
	"fmt"
	"runtime"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Runner trains one workload and times it.
type Runner struct {
	T     *gan.Trainer
	FLOPs float64 // dense matrix-product FLOPs of one step (gan.Trainer.StepFLOPs)
}

// Window is one timed stretch of whole steps.
type Window struct {
	Steps  int     `json:"steps"`
	Sec    float64 `json:"sec"`
	Allocs float64 `json:"allocs"` // heap allocations per step
}

// StepsPerSec is the window's rate.
func (w Window) StepsPerSec() float64 { return float64(w.Steps) / w.Sec }

// NewRunner builds the trainer of a recipe. mnist may be nil for the 2-D
// data sets.
func NewRunner(rec string, mnist *data.MNIST) (*Runner, error) {
	rc, err := recipe.Parse(rec)
	if err != nil {
		return nil, err
	}
	rc.Steps = 0 // never stop on the recipe's step limit
	src, err := data.New(rc, mnist)
	if err != nil {
		return nil, err
	}
	t, err := gan.New(rc, src)
	if err != nil {
		return nil, err
	}
	return &Runner{T: t, FLOPs: t.StepFLOPs()}, nil
}

// Warm trains for at least d and two steps, and returns the steps taken.
func (r *Runner) Warm(d time.Duration) (int, error) {
	w, err := r.Window(d, 2)
	return w.Steps, err
}

// Window trains for at least d and minSteps steps, checking the clock after
// every step, and counts the heap allocations made meanwhile.
func (r *Runner) Window(d time.Duration, minSteps int) (Window, error) {
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	t0 := time.Now()
	n := 0
	for n < minSteps || time.Since(t0) < d {
		if err := r.T.StepOnce(); err != nil {
			return Window{}, fmt.Errorf("measure: step %d: %w", r.T.Step, err)
		}
		n++
	}
	sec := time.Since(t0).Seconds()
	runtime.ReadMemStats(&m1)
	return Window{Steps: n, Sec: sec, Allocs: float64(m1.Mallocs-m0.Mallocs) / float64(n)}, nil
}
