//go:build !(js && wasm)

package main

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
)

// columns of the table, in order, with their headings.
var columns = []struct{ impl, head string }{
	{"go", "Go in a worker (WASM SIMD)"},
	{"go-scalar", "Go in a worker (WASM scalar)"},
	{page, "the page (app serve)"},
	{"tfjs-wasm", "TF.js wasm (threads)"},
	{"tfjs-wasm-default", "TF.js wasm (default threads)"},
	{"tfjs-cpu", "TF.js cpu"},
	{native, "native Go"},
}

// target is one of the speed targets' ratios (docs/speed.md).
type target struct {
	label     string
	num, den  string
	workloads map[string]float64 // workload → minimum ratio; absent = shown, no target
}

var targets = []target{
	{"page / TF.js wasm", page, "tfjs-wasm", map[string]float64{"W1": 2, "W2": 3, "paper": 2}},
	{"page / Go worker", page, "go", map[string]float64{"W1": 0.9, "W2": 0.9}},
	{"Go worker / TF.js wasm", "go", "tfjs-wasm", map[string]float64{"W1": 1.5, "W2": 2}},
	{"Go worker: SIMD / scalar build", "go", "go-scalar", nil},
	{"Go worker / TF.js cpu", "go", "tfjs-cpu", map[string]float64{"W1": 5, "W2": 5}},
	{"Go worker / native Go", "go", native, map[string]float64{"W2": 0.6}},
}

func printReport(w io.Writer, c config, ua string, all []workloadResult, load *pageLoad, sizes []wasmSize, benchmem map[string]string) {
	var res []workloadResult // the benchmark workloads; the data sets' rows are printTTL's, the shards' printWorkers'
	for _, r := range all {
		if !isDataWorkload(r.W.Name) && r.W.Name != workersWorkload.Name {
			res = append(res, r)
		}
	}
	fmt.Fprintf(w, "\nGAN Playground benchmark: %s; %d logical CPUs (machine shared: compare ratios, not absolute rates)\n", ua, runtime.NumCPU())
	fmt.Fprintf(w, "median of %d windows of ≥ %v after a %v warm-up per implementation, implementations interleaved window by window\n", c.windows, c.window, c.warm)
	for _, col := range columns {
		for _, r := range all {
			if ir, ok := r.Impl[col.impl]; ok {
				info := ir.Info
				if col.impl == page {
					info += " (" + r.W.Name + "; each workload opens its own recipe)"
				}
				fmt.Fprintf(w, "  %-22s %s\n", col.head+":", info)
				break
			}
		}
	}
	if len(res) > 0 { // else only the data sets' or the shards' rows ran: their tables follow
		printWorkloadTables(w, res)
	}

	printPageFigures(w, all)

	fmt.Fprint(w, "\nheap allocations per step: in the worker (runtime.MemStats.Mallocs over its windows)")
	for _, r := range res {
		fmt.Fprintf(w, " %s %s;", r.W.Name, allocs(r.Impl["go"]))
	}
	fmt.Fprint(w, " natively (go test -benchmem ./core/gan, allocs/op)")
	for _, name := range []string{"StepW1", "StepW2", "StepPaperMNIST"} {
		if a, ok := benchmem[name]; ok {
			fmt.Fprintf(w, " %s %s;", name, a)
		}
	}
	fmt.Fprintln(w)

	if load != nil {
		fmt.Fprintf(w, "\nreal page /#data=ring8&run=1 (app serve), median of %d, ms from navigation start:\n", load.Visits)
		for _, v := range []struct {
			name string
			v    visit
		}{{"first visit (fresh profile)", load.First}, {"reload (service-worker cache)", load.Repeat}} {
			fmt.Fprintf(w, "  %-30s mounted %5.0f, worker training %5.0f, first step shown %5.0f; longest main-thread task in the next 5 s of training %.0f ms (target ≤ 50)\n",
				v.name, v.v.Mounted, v.v.Training, v.v.FirstStep, v.v.LongTask)
		}
	}
	fmt.Fprint(w, "\nWASM sizes:")
	for _, s := range sizes {
		fmt.Fprintf(w, " %s %.2f MB (gzip %.2f MB);", s.Name, float64(s.Raw)/1e6, float64(s.Gzip)/1e6)
	}
	fmt.Fprintln(w)
}

// printPageFigures prints what the page itself showed and how long its
// main thread was busy at a stretch, for every workload it trained.
func printPageFigures(w io.Writer, res []workloadResult) {
	var shown, long, taskCPU, drawn, eff []string
	for _, r := range res {
		for _, impl := range []string{page, pageW1, pageW2} {
			pg := r.Impl[impl]
			if len(pg.Windows) == 0 {
				continue
			}
			name := r.W.Name
			if n := pageWorkers[impl]; n > 0 {
				name += fmt.Sprintf(" (workers=%d)", n)
			}
			if len(pg.Shown) > 0 {
				shown = append(shown, fmt.Sprintf(" %s %s (%d readings);", name, num(median(pg.Shown)), len(pg.Shown)))
			}
			long = append(long, fmt.Sprintf(" %s %.0f ms;", name, pg.Long))
			if pg.TaskCPU > 0 {
				taskCPU = append(taskCPU, fmt.Sprintf(" %s %.0f ms (its wall time %.0f ms; in it: %s);", name, pg.TaskCPU, pg.TaskWall, pg.TaskWhat))
			}
			if pg.Sec > 0 {
				drawn = append(drawn, fmt.Sprintf(" %s %.1f, %.1f, %.1f;", name, float64(pg.Reports)/pg.Sec, float64(pg.Views)/pg.Sec, float64(pg.Charts)/pg.Sec))
			}
			if e, ok := cpuRatio(r.Impl["go"], pg); ok {
				eff = append(eff, fmt.Sprintf(" %s %.2f×;", name, e))
			}
		}
	}
	if len(long) == 0 {
		return
	}
	fmt.Fprintf(w, "\nthe page's own figure (data-test steps-per-sec, read every 250 ms while it trained; the columns are its step counter): median%s\n", strings.Join(shown, ""))
	fmt.Fprintf(w, "the page's longest main-thread task while it trained (target ≤ 50 ms; 0: none over 50):%s\n", strings.Join(long, ""))
	if len(taskCPU) > 0 {
		fmt.Fprintf(w, "the page's main-thread task of most CPU time while it trained (a trace's thread time, which the machine's load does not stretch as it does the wall time above):%s\n", strings.Join(taskCPU, ""))
	}
	fmt.Fprintf(w, "the page's reports received, views drawn and charts drawn, per second while it trained:%s\n", strings.Join(drawn, ""))
	if len(eff) > 0 {
		fmt.Fprintf(w, "the page's steps per CPU-second of the whole browser (every process: worker, main thread, compositing) over the bare Go worker's, median over rounds — what the page costs per step whatever else the machine runs:%s\n", strings.Join(eff, ""))
	}
}

// cpuRatio is the median over rounds of bare's CPU time per step over
// pg's: the page's steps per CPU-second relative to the bare worker's.
func cpuRatio(bare, pg implResult) (float64, bool) {
	var r []float64
	for i := 0; i < min(len(bare.CPUPerStep), len(pg.CPUPerStep)); i++ {
		if bare.CPUPerStep[i] > 0 && pg.CPUPerStep[i] > 0 {
			r = append(r, bare.CPUPerStep[i]/pg.CPUPerStep[i])
		}
	}
	return median(r), len(r) > 0
}

// num prints a rate with three significant digits.
func num(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	case v >= 1:
		return fmt.Sprintf("%.2f", v)
	}
	return fmt.Sprintf("%.3f", v)
}

// allocs is the mean over an implementation's windows.
func allocs(r implResult) string {
	if len(r.Windows) == 0 {
		return "—"
	}
	var a float64
	var n int
	for _, w := range r.Windows {
		a += w.Allocs * float64(w.Steps)
		n += w.Steps
	}
	return fmt.Sprintf("%.2f", a/float64(n))
}

// pairedRatio is the median over rounds of num's rate over den's in the
// same round: windows of one round run seconds apart, so a load spell on
// the shared machine that slows a whole round cancels out, which a ratio
// of medians taken over minutes does not do.
func pairedRatio(num, den implResult) float64 {
	n := min(len(num.Windows), len(den.Windows))
	r := make([]float64, n)
	for i := range r {
		r[i] = num.Windows[i].StepsPerSec() / den.Windows[i].StepsPerSec()
	}
	return median(r)
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	v = slices.Clone(v)
	slices.Sort(v)
	return (v[(len(v)-1)/2] + v[len(v)/2]) / 2
}

// printWorkloadTables prints the benchmark workloads' rates in every
// implementation and their ratios against the targets.
func printWorkloadTables(w io.Writer, res []workloadResult) {
	fmt.Fprintln(w, "\nsteps/s [slowest–fastest window] (GFLOP/s: dense matrix-product FLOPs × steps/s)")
	fmt.Fprint(w, "\n| workload | MFLOP/step |")
	for _, col := range columns {
		fmt.Fprintf(w, " %s |", col.head)
	}
	fmt.Fprint(w, "\n|---|---:|")
	fmt.Fprint(w, strings.Repeat("---:|", len(columns)))
	fmt.Fprintln(w)
	for _, r := range res {
		fmt.Fprintf(w, "| %s | %.1f |", r.W.Name, r.FLOPs/1e6)
		for _, col := range columns {
			ir, ok := r.Impl[col.impl]
			if !ok || len(ir.Windows) == 0 {
				fmt.Fprint(w, " — |")
				continue
			}
			lo, hi := ir.spread()
			m := ir.median()
			fmt.Fprintf(w, " %s [%s–%s] (%.2f) |", num(m), num(lo), num(hi), m*r.FLOPs/1e9)
		}
		fmt.Fprintln(w)
	}

	fmt.Fprint(w, "\n| ratio: median over rounds of the two windows' rates (target) |")
	for _, r := range res {
		fmt.Fprintf(w, " %s |", r.W.Name)
	}
	fmt.Fprint(w, "\n|---|")
	fmt.Fprint(w, strings.Repeat("---:|", len(res)))
	fmt.Fprintln(w)
	for _, t := range targets {
		fmt.Fprintf(w, "| %s |", t.label)
		for _, r := range res {
			n, d := r.Impl[t.num], r.Impl[t.den]
			if len(n.Windows) == 0 || len(d.Windows) == 0 {
				fmt.Fprint(w, " — |")
				continue
			}
			ratio := pairedRatio(n, d)
			if min, ok := t.workloads[r.W.Name]; ok {
				verdict := "met"
				if ratio < min {
					verdict = "MISSED"
				}
				fmt.Fprintf(w, " %.2f× (≥ %g: %s) |", ratio, min, verdict)
			} else {
				fmt.Fprintf(w, " %.2f× |", ratio)
			}
		}
		fmt.Fprintln(w)
	}
}
