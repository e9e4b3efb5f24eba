//go:build !(js && wasm)

package main

import (
	"fmt"
	"io"
	"slices"

	"github.com/ganplayground/ganplayground/app/bench/measure"
)

// workersWorkload is W2 cut into 8 shards (recipe key shards), which the
// page can train on several Web Workers (URL key workers): the same bits
// on any number of them. The page trains it on one worker and on two; the
// bare Go worker trains the sharded step on its one thread.
var workersWorkload = measure.Workload{
	Name:   "W2x8",
	About:  "W2 in 8 shards: the page on 1 and on 2 workers",
	Recipe: measure.Workloads[1].Recipe + "&shards=8",
}

// printWorkers prints the sharded workload's row: the page on one worker
// and on two, against the bare Go worker.
func printWorkers(w io.Writer, res []workloadResult) {
	for _, r := range res {
		if r.W.Name != workersWorkload.Name {
			continue
		}
		fmt.Fprintf(w, "\nworkers: %s (%s), steps/s [slowest–fastest window]:\n", r.W.Name, r.W.Recipe)
		fmt.Fprintln(w, "\n| workload | Go in a worker (one thread) | the page, workers=1 | the page, workers=2 | native Go (one thread) | page: 2 workers / 1 | page, 1 worker / Go worker |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|")
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", r.W.Name, rateCell(r.Impl["go"]), rateCell(r.Impl[pageW1]), rateCell(r.Impl[pageW2]), rateCell(r.Impl[native]),
			ratioCell(r.Impl[pageW2], r.Impl[pageW1]), ratioCell(r.Impl[pageW1], r.Impl["go"]))
		if ex := r.Impl[pageW2].Exchange; len(ex) > 0 {
			fmt.Fprintf(w, "\nthe page with 2 workers, its gradient exchange (data-test exchange-ms: the training worker's mean ms per step since the run began, read at each window's end): median %.1f [%.1f–%.1f] ms/step\n",
				median(ex), slices.Min(ex), slices.Max(ex))
		}
	}
}
