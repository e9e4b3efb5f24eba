//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"

	"github.com/ganplayground/ganplayground/app/bench/measure"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/learn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The time-to-learn rows: each data set's one-click recipe
// (recipe.DataDefault), trained by the Go worker and in the page like the
// benchmark workloads, and its steps to target from core/learn. Steps are
// the same natively and in the browser (same recipe and seed, same bits),
// so seconds to target in the page are those steps over the page's
// steps/s.

// ttlSeed is the seed the page trains when the address names none.
const ttlSeed = 1

// benchData are the data sets with a row: docs/time-to-learn.md's 2-D
// table and MNIST, scored by the bundled classifier (learn.MNISTTarget).
var benchData = append(slices.Clone(learn.TableData), "mnist")

// dataWorkloads are benchData as workloads named after the data set.
func dataWorkloads() []measure.Workload {
	var ws []measure.Workload
	for _, d := range benchData {
		ws = append(ws, measure.Workload{Name: d, About: "the one-click recipe of " + d, Recipe: recipe.DataDefault(d)})
	}
	return ws
}

// isDataWorkload reports whether name is one of dataWorkloads.
func isDataWorkload(name string) bool { return slices.Contains(benchData, name) }

// isImageData reports whether the data set d is images (MNIST): scored by
// the classifier, with no readout of its target in the page.
func isImageData(d string) bool {
	set := data.Lookup(d)
	return set != nil && set.Image()
}

// ttlEvery is how often a data set's run is scored: every 50 steps as
// `app eval` scores the 2-D sets; every 250 for MNIST, whose score (2,500
// samples through the classifier, a Fréchet distance) costs about as much
// as tens of its steps.
func ttlEvery(d string) int {
	if isImageData(d) {
		return 250
	}
	return 50
}

// ttlResult is one data set's steps to target, natively.
type ttlResult struct {
	Data   string
	Target string
	learn.Result
}

// stepsToTarget trains each data set's default on ttlSeed as core/learn's
// table does (scored every ttlEvery steps up to the recipe's step limit),
// the runs side by side on the machine's cores, the longest (MNIST)
// started first. root is the repository, where the MNIST files are found.
func stepsToTarget(root string, data []string) ([]ttlResult, error) {
	var mnist *learn.MNIST
	if slices.ContainsFunc(data, isImageData) {
		var err error
		if mnist, err = loadLearnMNIST(root); err != nil {
			return nil, err
		}
	}
	out := make([]ttlResult, len(data))
	errs := make([]error, len(data))
	sem := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for _, d := range ttlOrder(data) {
		i := slices.Index(data, d)
		sem <- struct{}{} // taken here, in order, so that the longest run starts first
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			rc, err := nativeRecipe(d)
			if err != nil {
				errs[i] = err
				return
			}
			var trace func(learn.Score)
			if isImageData(d) { // minutes long: show its way there
				trace = func(s learn.Score) { fmt.Fprintf(os.Stderr, "bench: %s: %s\n", d, s) }
			}
			res, err := learn.StepsToWith(rc, mnist, ttlEvery(d), 0, trace)
			if err != nil {
				errs[i] = fmt.Errorf("steps to target of %s: %w", d, err)
				return
			}
			tg, _ := learn.TargetOf(rc) // StepsToWith has found it
			out[i] = ttlResult{Data: d, Target: tg.Text, Result: res}
			fmt.Fprintf(os.Stderr, "bench: %s: %s after %d steps (%.0f s natively)\n", d, metText(res), res.Steps, res.Seconds)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// nativeRecipe is what the steps to target train: the data set's
// one-click recipe on ttlSeed.
func nativeRecipe(d string) (recipe.Recipe, error) {
	rc, err := recipe.ForData(d)
	rc.Seed = ttlSeed
	return rc, err
}

// ttlOrder is the order the native runs start in: the image data sets
// (MNIST: minutes) first, so that the short 2-D runs fill the other core
// meanwhile instead of leaving MNIST alone at the end.
func ttlOrder(data []string) []string {
	order := slices.Clone(data)
	slices.SortStableFunc(order, func(a, b string) int { return boolInt(isImageData(b)) - boolInt(isImageData(a)) })
	return order
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// metText says whether a run met its target.
func metText(r learn.Result) string {
	if r.Reached {
		return "target met"
	}
	return "target not met"
}
