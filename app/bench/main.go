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
}

func main() {
	var c config
	var only, impls string
	flag.StringVar(&c.chromium, "chromium", envOr("CHROMIUM", "/usr/bin/chromium"), "Chromium executable")
	flag.IntVar(&c.windows, "windows", 5, "measured windows per implementation and workload (the median is reported)")
	flag.DurationVar(&c.window, "window", 1500*time.Millisecond, "shortest window (a window is also at least one step)")
	flag.DurationVar(&c.warm, "warm", 3*time.Second, "warm-up per implementation and workload")
	flag.StringVar(&only, "only", "", "comma-separated workloads to run (W1,W2,paper; default all)")
	flag.StringVar(&impls, "impls", "go,go-scalar,page,tfjs-wasm,tfjs-wasm-default,tfjs-cpu", "browser implementations to run (see web/bench.js; page is the real page)")
	flag.IntVar(&c.visits, "visits", 3, "fresh-profile loads of the real page to time (0 skips)")
	flag.Parse()
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
	if err := checkInputs(c.root); err != nil {
		return err
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
	if slices.Contains(c.impls, page) {
		base, stop, err := startAppServer(c.root, appBin)
		if err != nil {
			return err
		}
		defer stop()
		appBase = base
	}
	var results []workloadResult
	for _, w := range measure.Workloads {
		if len(c.only) > 0 && !c.only[w.Name] {
			continue
		}
		fmt.Fprintf(os.Stderr, "bench: %s (%s)\n", w.Name, w.About)
		r, err := measureWorkload(c, b, srv.URL, appBase, w)
		if err != nil {
			return fmt.Errorf("%s: %w", w.Name, err)
		}
		results = append(results, r)
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
	return nil
}

// checkInputs names the make target that builds whatever is missing.
func checkInputs(root string) error {
	for _, f := range []struct{ path, how string }{
		{"web/app.wasm", "make wasm"}, {"web/worker.wasm", "make wasm"}, {"web/wasm_exec.js", "make wasm"},
		{"web/data/mnist-train.bin", "make assets"},
		{"app/bench/node_modules/@tensorflow/tfjs/dist/tf.min.js", "cd app/bench && npm ci"},
	} {
		if _, err := os.Stat(filepath.Join(root, f.path)); err != nil {
			return fmt.Errorf("%s is missing: run `%s` (or `make bench`, which does)", f.path, f.how)
		}
	}
	return nil
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
