//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/ganplayground/ganplayground/app/bench/measure"
	"github.com/ganplayground/ganplayground/core/learn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The time-to-learn rows: each 2-D data set's one-click recipe
// (recipe.DataDefault), trained by the Go worker and in the page like the
// benchmark workloads, and its steps to target from core/learn. Steps are
// the same natively and in the browser (same recipe and seed, same bits),
// so seconds to target in the page are those steps over the page's
// steps/s.

// ttlSeed is the seed the page trains when the address names none.
const ttlSeed = 1

// dataWorkloads are the data sets of docs/time-to-learn.md's table, as
// workloads named after the data set.
func dataWorkloads() []measure.Workload {
	var ws []measure.Workload
	for _, d := range learn.TableData {
		ws = append(ws, measure.Workload{Name: d, About: "the one-click recipe of " + d, Recipe: recipe.DataDefault(d)})
	}
	return ws
}

// isDataWorkload reports whether name is one of dataWorkloads.
func isDataWorkload(name string) bool {
	for _, d := range learn.TableData {
		if d == name {
			return true
		}
	}
	return false
}

// ttlResult is one data set's steps to target, natively.
type ttlResult struct {
	Data   string
	Target string
	learn.Result
}

// stepsToTarget trains each data set's default on ttlSeed as core/learn's
// table does (scored every 50 steps up to the recipe's step limit), the
// runs side by side on the machine's cores.
func stepsToTarget(data []string) ([]ttlResult, error) {
	out := make([]ttlResult, len(data))
	errs := make([]error, len(data))
	sem := make(chan struct{}, runtime.NumCPU())
	var wg sync.WaitGroup
	for i, d := range data {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			rc, err := recipe.ForData(d)
			if err != nil {
				errs[i] = err
				return
			}
			rc.Seed = ttlSeed
			res, err := learn.StepsTo(rc, 50, 0, nil)
			if err != nil {
				errs[i] = fmt.Errorf("steps to target of %s: %w", d, err)
				return
			}
			out[i] = ttlResult{Data: d, Target: learn.Targets[d].Text, Result: res}
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

// metText says whether a run met its target.
func metText(r learn.Result) string {
	if r.Reached {
		return "target met"
	}
	return "target not met"
}
