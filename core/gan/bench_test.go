package gan

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/internal/cputime"
	"github.com/ganplayground/ganplayground/core/mat"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The three workloads of docs/speed.md, and MNIST's one-click recipe. Run
// them natively and in Node to compare with the tables there:
//
//	go test -run '^$' -bench Step ./core/gan
//	GOOS=js GOARCH=wasm go test -exec=$(go env GOROOT)/lib/wasm/go_js_wasm_exec -run '^$' -bench Step ./core/gan
const (
	recipeW1    = "z=2&g=64,64&d=64,64&batch=256&pack=1"
	recipeW2    = "data=mnist&z=64&g=256,512&d=512,256&batch=64&pack=1"
	recipePaper = "data=mnist&z=100&g=1200,1200&gact=relu&dact=maxout&d=240,240&pieces=5&ddrop=0.5&ddropin=0.2&opt=sgd&lrg=0.1&lrd=0.1&batch=100&prior=uniform&pack=1"
)

func BenchmarkStepW1(b *testing.B)         { benchStep(b, recipeW1) }
func BenchmarkStepW2(b *testing.B)         { benchStep(b, recipeW2) }
func BenchmarkStepPaperMNIST(b *testing.B) { benchStep(b, recipePaper) }

// MNIST's one-click recipe (what a click on the data set trains), read
// from the recipe table so that it follows every retune of that recipe.
func BenchmarkStepMNISTDefault(b *testing.B) {
	rc, err := recipe.ParseNew("data=mnist")
	if err != nil {
		b.Fatal(err)
	}
	benchStep(b, rc.Full())
}

// W2 with the products split over every core (train -workers): the same
// bits, natively faster.
func BenchmarkStepW2AllCores(b *testing.B) {
	defer mat.SetWorkers(mat.Workers())
	mat.SetWorkers(runtime.NumCPU())
	benchStep(b, recipeW2)
}

func benchStep(b *testing.B, s string) { benchStepWorkers(b, s, 1) }

// benchStepWorkers measures a recipe with the sharded path's goroutine
// workers (SetWorkers; no effect with shards = 1).
func benchStepWorkers(b *testing.B, s string, workers int) {
	rc, err := recipe.Parse(s)
	if err != nil {
		b.Fatal(err)
	}
	var src data.Source = datatest.SparseDigits()
	if rc.Data != "mnist" {
		if src, err = data.New(rc, nil); err != nil {
			b.Fatal(err)
		}
	}
	tr, err := New(rc, src)
	if err != nil {
		b.Fatal(err)
	}
	tr.SetWorkers(workers)
	defer tr.SetWorkers(1)
	// Warm up: the first steps size every buffer, and V8 first runs WASM
	// in its baseline compiler (Liftoff), tiering hot functions up to
	// optimised code in the background. Measure the steady state.
	for i, t0 := 0, time.Now(); i < 2 || time.Since(t0) < 300*time.Millisecond; i++ {
		if err := tr.StepOnce(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	cpu0, cpuOK := cputime.Seconds()
	for b.Loop() {
		if err := tr.StepOnce(); err != nil {
			b.Fatal(err)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N)/sec, "steps/s")
	b.ReportMetric(tr.StepFLOPs()*float64(b.N)/sec/1e9, "GFLOP/s")
	if cpu1, ok := cputime.Seconds(); ok && cpuOK {
		// Every thread's CPU time per step: the work a step costs, which
		// a machine's other load changes far less than steps/s.
		b.ReportMetric((cpu1-cpu0)/float64(b.N)*1e3, "cpu-ms/step")
	}
}

// The FLOP count must match the hand counts of docs/speed.md (and, for the
// paper's nets, the same count done by hand).
func TestStepFLOPs(t *testing.T) {
	for _, c := range []struct {
		recipe string
		want   float64
	}{{recipeW1, 26_279_936}, {recipeW2, 721_682_432}, {recipePaper, 3_566_784_000}} {
		rc, err := recipe.Parse(c.recipe)
		if err != nil {
			t.Fatal(err)
		}
		src := datatest.SparseDigits()
		if rc.Data != "mnist" {
			src = data.Ring8()
		}
		tr, err := New(rc, src)
		if err != nil {
			t.Fatal(err)
		}
		if got := tr.StepFLOPs(); got != c.want {
			t.Errorf("%s: %v FLOP/step, want %v", c.recipe, got, c.want)
		}
	}
}

// The W2 workload on the sharded path, its shards dealt to 1, 2 or 8
// goroutine workers (train -workers with shards > 1): the same bits for
// every count. Steps/s of the workers against one is what data-parallel
// training buys on this machine, and shards=1 (the one-batch arithmetic)
// is what cutting the batch costs one worker:
//
//	go test -run '^$' -bench 'StepW2Shards' -benchmem ./core/gan
const recipeW2Shards = "data=mnist&seed=1&z=64&prior=gaussian&pack=1&g=256,512&d=512,256&gact=leaky&dact=leaky&batch=64&opt=adam&lrg=0.001&lrd=0.001&shards=8"

func BenchmarkStepW2Shards(b *testing.B) {
	for _, shards := range []int{1, 8, 4, 2} {
		for _, w := range []int{1, 2} {
			if shards == 1 && w > 1 {
				continue // one shard: the workers are not used
			}
			b.Run(fmt.Sprintf("shards=%d/workers=%d", shards, w), func(b *testing.B) {
				rc := strings.Replace(recipeW2Shards, "shards=8", fmt.Sprintf("shards=%d", shards), 1)
				benchStepWorkers(b, rc, w)
			})
		}
	}
}
