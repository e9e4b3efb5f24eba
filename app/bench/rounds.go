//go:build !(js && wasm)

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/app/bench/measure"
	"github.com/ganplayground/ganplayground/core/data"
)

// native names Go run by this process, next to the browser implementations.
const native = "native"

// implResult is one implementation's windows on one workload.
type implResult struct {
	Info    string
	Windows []measure.Window
	Shown   []float64 // the page only: its shown steps/s, every reading of every window
	Long    float64   // the page only: its longest main-thread task in any window, ms
	// The page only: its main-thread task of most CPU time in any window,
	// and that task's wall time, ms.
	TaskCPU, TaskWall float64
	TaskWhat          string
	// The page only: over all its windows (Sec long), the reports it
	// received and the drawings of its views and charts.
	Reports, Views, Charts int
	Sec                    float64
	// Browser implementations: the browser's CPU seconds per step in each
	// window (every process of it; 0 where /proc is not readable).
	CPUPerStep []float64
	// The page with several workers: its exchange ms per step at the end
	// of each window (pageWindow.Exchange).
	Exchange []float64
}

// median is the median window rate in steps/s.
func (r implResult) median() float64 {
	v := make([]float64, len(r.Windows))
	for i, w := range r.Windows {
		v[i] = w.StepsPerSec()
	}
	return median(v)
}

// spread is the slowest and fastest window rate.
func (r implResult) spread() (lo, hi float64) {
	for i, w := range r.Windows {
		s := w.StepsPerSec()
		if i == 0 || s < lo {
			lo = s
		}
		if i == 0 || s > hi {
			hi = s
		}
	}
	return lo, hi
}

type workloadResult struct {
	W     measure.Workload
	FLOPs float64
	Impl  map[string]implResult
}

// reply is what the bench page's workers answer (see web/bench.js).
type reply struct {
	Info   string          `json:"info"`
	FLOPs  float64         `json:"flops"`
	Window *measure.Window `json:"window"`
}

var mnistCache *data.MNIST

// measureWorkload sets every implementation up, warms each, then runs
// the windows in turns: window i of every implementation before window
// i+1 of any.
func measureWorkload(c config, implsHere []string, b *chrome, base, appBase string, w measure.Workload) (workloadResult, error) {
	res := workloadResult{W: w, Impl: map[string]implResult{}}
	tab, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/")); err != nil {
		return res, err
	}
	spec, err := specOf(w.Recipe)
	if err != nil {
		return res, err
	}
	specJSON, _ := json.Marshal(spec)
	recJSON, _ := json.Marshal(w.Recipe)

	// Native: the same runner, in this process.
	var mnist *data.MNIST
	if data.Lookup(spec.Data).Asset != "" { // the MNIST asset (core/data.Sets)
		if mnist, err = loadMNIST(c.root); err != nil {
			return res, err
		}
	}
	nat, err := measure.NewRunner(w.Recipe, mnist)
	if err != nil {
		return res, err
	}
	res.FLOPs = nat.FLOPs
	res.Impl[native] = implResult{Info: nativeInfo()}

	windowMs := int(c.window / time.Millisecond)
	// A step of the slowest implementation (TF.js cpu on the paper's
	// nets) takes seconds: allow minutes per call.
	const callTimeout = 10 * time.Minute
	pts := map[string]*pageTab{}
	var cpuStep float64 // the browser's CPU seconds per step in the last browser window (0: unknown)
	run := func(impl string, ms, min int) (measure.Window, error) {
		if impl == native {
			return nat.Window(time.Duration(ms)*time.Millisecond, min)
		}
		if pt := pts[impl]; pt != nil {
			// Settle 0.7 s after play; read ≥ 3 s (the counter's 0.2 s
			// rendering granularity is then ≤ 7%).
			pw, err := pt.window(700*time.Millisecond, max(time.Duration(ms)*time.Millisecond, 3*time.Second), b.cpu)
			if err != nil {
				return measure.Window{}, err
			}
			r := res.Impl[impl]
			r.Shown = append(r.Shown, pw.Shown...)
			r.Long = max(r.Long, pw.Long)
			if pw.TaskCPU > r.TaskCPU {
				r.TaskCPU, r.TaskWall, r.TaskWhat = pw.TaskCPU, pw.TaskWall, pw.TaskWhat
			}
			if pw.Exchange > 0 {
				r.Exchange = append(r.Exchange, pw.Exchange)
			}
			r.Reports, r.Views, r.Charts, r.Sec = r.Reports+pw.Reports, r.Views+pw.Views, r.Charts+pw.Charts, r.Sec+pw.Sec
			res.Impl[impl] = r
			cpuStep = pw.CPU / float64(pw.Steps)
			return pw.asWindow(), nil
		}
		var a reply
		cpu0 := b.cpu()
		if err := call(tab, callTimeout, fmt.Sprintf("bench.window(%q, %d, %d)", impl, ms, min), &a); err != nil {
			return measure.Window{}, err
		}
		if a.Window == nil {
			return measure.Window{}, fmt.Errorf("%s: no window in the reply", impl)
		}
		cpuStep = (b.cpu() - cpu0) / float64(a.Window.Steps)
		return *a.Window, nil
	}
	impls := append(slices.Clone(implsHere), native)
	for _, impl := range implsHere {
		if n, ok := pageWorkers[impl]; ok {
			pt, err := openPage(b, appBase, w.Recipe, n)
			if err != nil {
				return res, err
			}
			defer pt.cancel()
			pts[impl] = pt
			res.Impl[impl] = implResult{Info: "the playground (app serve, web/worker.wasm) at /#" + pt.frag}
			continue
		}
		var a reply
		if err := call(tab, callTimeout, fmt.Sprintf("bench.setup(%q, %s, %s)", impl, recJSON, specJSON), &a); err != nil {
			return res, err
		}
		if (impl == "go" || impl == "go-scalar") && a.FLOPs != res.FLOPs {
			return res, fmt.Errorf("the worker counts %v FLOP/step, native %v: not the same model", a.FLOPs, res.FLOPs)
		}
		res.Impl[impl] = implResult{Info: a.Info}
	}
	for _, impl := range impls {
		fmt.Fprintf(os.Stderr, "bench: %s warm-up %s\n", w.Name, impl)
		if _, err := run(impl, int(c.warm/time.Millisecond), 2); err != nil {
			return res, err
		}
		if pts[impl] != nil { // the warm-up's readings are not the page's rate
			r := res.Impl[impl]
			r.Shown, r.Long, r.Exchange = nil, 0, nil
			r.TaskCPU, r.TaskWall, r.TaskWhat = 0, 0, ""
			r.Reports, r.Views, r.Charts, r.Sec = 0, 0, 0, 0
			res.Impl[impl] = r
		}
	}
	for i := 0; i < c.windows; i++ {
		for _, impl := range impls {
			win, err := run(impl, windowMs, 1)
			if err != nil {
				return res, err
			}
			r := res.Impl[impl]
			r.Windows = append(r.Windows, win)
			if impl != native {
				r.CPUPerStep = append(r.CPUPerStep, cpuStep)
			}
			res.Impl[impl] = r
			fmt.Fprintf(os.Stderr, "bench: %s window %d %-9s %8.2f steps/s (%d steps)\n", w.Name, i+1, impl, win.StepsPerSec(), win.Steps)
		}
	}
	// Free the browser's memory before the next workload.
	for _, impl := range implsHere {
		if pts[impl] != nil {
			continue
		}
		var ignored any
		_ = call(tab, time.Minute, fmt.Sprintf("Promise.resolve(bench.stop(%q) || {})", impl), &ignored)
	}
	return res, nil
}

func loadMNIST(root string) (*data.MNIST, error) {
	if mnistCache != nil {
		return mnistCache, nil
	}
	f, err := os.Open(filepath.Join(root, "web", "data", "mnist-train.bin"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := data.DecodeAsset(f)
	mnistCache = m
	return m, err
}

// nativeInfo names the Go and the amd64 level this binary was built with
// (GOAMD64=v1, as the Makefile pins it, keeps FMA out).
func nativeInfo() string {
	s := fmt.Sprintf("Go %s %s/%s", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range bi.Settings {
			if kv.Key == "GOAMD64" {
				s += ", GOAMD64=" + kv.Value
			}
		}
	}
	return s
}
