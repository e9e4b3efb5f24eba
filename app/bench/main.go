//go:build !(js && wasm)

package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ganplayground/ganplayground/app/bench/measure"
	"github.com/ganplayground/ganplayground/core/learn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// config is the command line.
type config struct {
	root     string // the repository (holds go.mod)
	chromium string
	windows  int
	window   time.Duration
	warm     time.Duration
	only     map[string]bool // workload names; empty = all
	visits   int             // first visits of the real page
	impls    []string        // browser implementations to run
	ttl      bool            // steps to target natively, for the data sets' rows
	pageTTL  []string        // data sets whose time to target is also measured in the page
	// pageTTLGiven: -page-ttl was on the command line (else pageTTL is
	// its default, from which -ttl=false quietly drops MNIST).
	pageTTLGiven bool
}

// wants reports whether the workload named name is to run.
func (c config) wants(name string) bool { return len(c.only) == 0 || c.only[name] }

// implsFor is the browser implementations that run workload w: the data
// sets' one-click recipes are the page's own and run in the Go worker and
// the page only (TF.js's reference builds only the benchmark workloads).
// The sharded workload runs in the Go worker (one thread) and in the page
// on one and on two workers.
func (c config) implsFor(w measure.Workload) []string {
	if !isDataWorkload(w.Name) && w.Name != workersWorkload.Name {
		return c.impls
	}
	var out []string
	for _, impl := range c.impls {
		switch {
		case impl == "go":
			out = append(out, impl)
		case impl == page && w.Name == workersWorkload.Name:
			out = append(out, pageW1, pageW2)
		case impl == page:
			out = append(out, impl)
		}
	}
	return out
}

func main() {
	var c config
	var only, impls, pageTTL string
	flag.StringVar(&c.chromium, "chromium", envOr("CHROMIUM", "/usr/bin/chromium"), "Chromium executable")
	flag.IntVar(&c.windows, "windows", 5, "measured windows per implementation and workload (the median is reported)")
	flag.DurationVar(&c.window, "window", 1500*time.Millisecond, "shortest window (a window is also at least one step)")
	flag.DurationVar(&c.warm, "warm", 3*time.Second, "warm-up per implementation and workload")
	flag.StringVar(&only, "only", "", "comma-separated workloads to run (W1,W2,paper; W2x8, W2 in 8 shards on 1 and 2 workers; the data sets ring8,grid25,spiral,moons,mnist; default all)")
	flag.StringVar(&impls, "impls", "go,go-scalar,page,tfjs-wasm,tfjs-wasm-default,tfjs-cpu", "browser implementations to run (see web/bench.js; page is the real page)")
	flag.IntVar(&c.visits, "visits", 3, "fresh-profile loads of the real page to time (0 skips)")
	flag.BoolVar(&c.ttl, "ttl", true, "train the data sets' defaults natively to their targets (core/learn) for the time-to-learn table")
	flag.StringVar(&pageTTL, "page-ttl", "ring8,mnist", "comma-separated data sets whose time to target is also measured in the page, by its readout (mnist: by its step counter, to the native run's step, so it needs -ttl) (empty: none)")
	flag.Parse()
	flag.Visit(func(f *flag.Flag) { c.pageTTLGiven = c.pageTTLGiven || f.Name == "page-ttl" })
	for _, d := range strings.Split(pageTTL, ",") {
		if d != "" {
			c.pageTTL = append(c.pageTTL, d)
		}
	}
	c.only = map[string]bool{}
	for _, w := range strings.Split(only, ",") {
		if w != "" {
			c.only[w] = true
		}
	}
	c.impls = strings.Split(impls, ",")
	root, err := repoRoot()
	if err != nil {
		fail(err)
	}
	c.root = root
	if err := run(c, os.Stdout); err != nil {
		fail(err)
	}
}

func run(c config, out io.Writer) error {
	start := time.Now()
	var workloads []measure.Workload
	for _, w := range append(append(slices.Clone(measure.Workloads), workersWorkload), dataWorkloads()...) {
		if c.wants(w.Name) {
			workloads = append(workloads, w)
		}
	}
	if err := checkInputs(c, workloads); err != nil {
		return err
	}
	var (
		skipped []string
		err     error
	)
	if c.pageTTL, skipped, err = checkPageTTL(c); err != nil {
		return err
	}
	for _, d := range skipped {
		fmt.Fprintf(os.Stderr, "bench: %s's time to target in the page skipped: it needs the native steps to target, which -ttl=false skips\n", d)
	}
	// Steps to target first, natively, before the browser starts: the runs
	// take both cores.
	var ttl []ttlResult
	if c.ttl {
		var data []string
		for _, w := range workloads {
			if isDataWorkload(w.Name) {
				data = append(data, w.Name)
			}
		}
		if len(data) > 0 {
			fmt.Fprintf(os.Stderr, "bench: steps to target, natively (core/learn, seed %d): %s\n", ttlSeed, strings.Join(data, ", "))
			if ttl, err = stepsToTarget(c.root, data); err != nil {
				return err
			}
		}
	}
	tmp, err := os.MkdirTemp("", "ganbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	fmt.Fprintln(os.Stderr, "bench: building the bench worker (bench.wasm) and the app server")
	wasm, appBin, err := buildAll(c.root, tmp)
	if err != nil {
		return err
	}
	srv, err := startBenchServer(c.root, wasm)
	if err != nil {
		return err
	}
	defer srv.Close()
	b, err := newBrowser(c.chromium, tmp)
	if err != nil {
		return err
	}
	defer b.close()

	// The page column trains in the real page, served as users run it.
	appBase := ""
	if slices.Contains(c.impls, page) || slices.ContainsFunc(c.pageTTL, c.wants) {
		base, stop, err := startAppServer(c.root, appBin)
		if err != nil {
			return err
		}
		defer stop()
		appBase = base
	}
	var results []workloadResult
	for _, w := range workloads {
		fmt.Fprintf(os.Stderr, "bench: %s (%s)\n", w.Name, w.About)
		r, err := measureWorkload(c, c.implsFor(w), b, srv.URL, appBase, w)
		if err != nil {
			return fmt.Errorf("%s: %w", w.Name, err)
		}
		results = append(results, r)
	}
	var inPage []pageTTL
	for _, d := range c.pageTTL {
		if !c.wants(d) {
			continue
		}
		var r pageTTL
		if isImageData(d) {
			i := slices.IndexFunc(ttl, func(t ttlResult) bool { return t.Data == d })
			if i < 0 { // checkPageTTL rules this out
				return fmt.Errorf("-page-ttl %s: no native steps to target", d)
			}
			fmt.Fprintf(os.Stderr, "bench: time to target in the page: /#data=%s&seed=%d&run=1, to step %d\n", d, ttlSeed, ttl[i].Steps)
			r, err = timeToStepInPage(b, appBase, ttl[i])
		} else {
			fmt.Fprintf(os.Stderr, "bench: time to target in the page: /#data=%s&run=1\n", d)
			r, err = timeToTargetInPage(b, appBase, d)
		}
		if err != nil {
			return err
		}
		inPage = append(inPage, r)
	}
	var load *pageLoad
	if c.visits > 0 {
		fmt.Fprintln(os.Stderr, "bench: timing the real page's start")
		if load, err = timePageLoad(b, c.root, appBin, c.visits); err != nil {
			return err
		}
	}
	sizes, err := wasmSizes(c.root)
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, "bench: allocations per step (go test -benchmem ./core/gan)")
	benchmem, err := benchAllocs(c.root)
	if err != nil {
		return err
	}
	printReport(out, c, b.version, results, load, sizes, benchmem)
	printWorkers(out, results)
	printTTL(out, results, ttl, inPage)
	fmt.Fprintf(out, "\nthe whole run took %s\n", time.Since(start).Round(time.Second))
	return nil
}

// checkInputs names the make target that builds whatever is missing for
// the workloads and implementations asked for.
func checkInputs(c config, workloads []measure.Workload) error {
	type input struct{ path, how string }
	need := []input{{"web/app.wasm", "make wasm"}, {"web/worker.wasm", "make wasm"}, {"web/wasm_exec.js", "make wasm"}}
	for _, w := range workloads {
		if rc, err := recipe.Parse(w.Recipe); err == nil && rc.DataSet().Asset != "" {
			need = append(need, input{"web/data/mnist-train.bin", "make assets"})
			break
		}
	}
	for _, impl := range c.impls {
		if strings.HasPrefix(impl, "tfjs") {
			need = append(need, input{"app/bench/node_modules/@tensorflow/tfjs/dist/tf.min.js", "cd app/bench && npm ci"})
			break
		}
	}
	for _, f := range need {
		if _, err := os.Stat(filepath.Join(c.root, f.path)); err != nil {
			return fmt.Errorf("%s is missing: run `%s` (or `make bench`, which does)", f.path, f.how)
		}
	}
	return nil
}

// checkPageTTL is the data sets whose time to target the page can show,
// checked before anything runs. An image data set's page shows no
// Fréchet distance, so its time is measured to the step at which the
// native run met the target, which only -ttl trains: with -ttl=false,
// -page-ttl naming it is refused, and the default's is skipped.
func checkPageTTL(c config) (keep, skipped []string, err error) {
	for _, d := range c.pageTTL {
		switch {
		case !c.wants(d):
			continue
		case isImageData(d) && !c.ttl && c.pageTTLGiven:
			return nil, nil, fmt.Errorf("-page-ttl %s needs the native steps to target (-ttl, on by default): the page shows no Fréchet distance, so its time to target is measured to the step at which the native run met the target", d)
		case isImageData(d) && !c.ttl:
			skipped = append(skipped, d)
			continue
		case !isImageData(d) && learn.Targets[d].Met == nil:
			return nil, nil, fmt.Errorf("-page-ttl %s: no learning target for %s", d, d)
		}
		keep = append(keep, d)
	}
	return keep, skipped, nil
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("run from inside the repository (no go.mod found)")
		}
		dir = parent
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "bench:", err)
	os.Exit(1)
}
