//go:build !(js && wasm)

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// The Long Tasks API gives a task's wall time: on a machine whose cores are
// shared, a task the scheduler pauses grows by whatever ran meanwhile
// (a 5 ms task was seen taking 200 ms at load average 12 on 2 cores). A
// trace gives each task's thread time too — the CPU the page's own work
// took, which load does not stretch — so the report can tell the page's
// long work from the machine's load.

// traceEvent is the part of a Chromium trace event read here.
type traceEvent struct {
	Name string  `json:"name"`
	Ph   string  `json:"ph"`
	Ts   float64 `json:"ts"`   // µs
	Dur  float64 `json:"dur"`  // wall time, µs
	Tdur float64 `json:"tdur"` // thread (CPU) time, µs
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
	Args struct {
		Name string `json:"name"`
	} `json:"args"`
}

// mainThreadTasks runs f while tracing the browser's tasks, and returns
// the largest thread time of a task on a renderer's main thread, that
// task's wall time, in ms, and what took most of its CPU (the trace
// events inside it of most thread time). The bench's own tab idles while
// the page's window runs; tabs of one site may share a renderer, so the
// task may still be another tab's.
func mainThreadTasks(ctx context.Context, f func() error) (cpu, wall float64, what string, err error) {
	var (
		mu     sync.Mutex
		events []traceEvent
	)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // ends the subscriptions below
	err = chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		go func() {
			for e, err := range cdp.Events(ctx, tg, tracing.DataCollected) {
				if err != nil {
					return
				}
				mu.Lock()
				for _, v := range e.Value {
					var ev traceEvent
					if json.Unmarshal(v, &ev) == nil && (ev.Ph == "X" || ev.Ph == "M") {
						events = append(events, ev)
					}
				}
				mu.Unlock()
			}
		}()
		complete := make(chan struct{})
		go func() {
			for range cdp.Events(ctx, tg, tracing.TracingComplete) {
				close(complete)
				return
			}
		}()
		if _, err := cdp.Call(ctx, tg, tracing.Start, tracing.StartParams{
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"toplevel", "v8", "devtools.timeline"}},
			TransferMode: tracing.StartTransferModeReportEvents,
		}); err != nil {
			return err
		}
		ferr := f()
		if _, err := cdp.Call(ctx, tg, tracing.End, cdp.Empty{}); err != nil {
			return err
		}
		select {
		case <-complete:
		case <-time.After(time.Minute):
		}
		// Data events precede the completion event: let the reader drain.
		time.Sleep(200 * time.Millisecond)
		return ferr
	}))
	mu.Lock()
	defer mu.Unlock()
	main := map[[2]int]bool{}
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && e.Args.Name == "CrRendererMain" {
			main[[2]int{e.Pid, e.Tid}] = true
		}
	}
	var top traceEvent
	for _, e := range events {
		if e.Ph != "X" || !main[[2]int{e.Pid, e.Tid}] || !wrapper[e.Name] {
			continue
		}
		if e.Tdur > top.Tdur {
			top = e
		}
	}
	if top.Tdur == 0 {
		return 0, 0, "", err
	}
	// Inside it, the events of most thread time, wrappers left out.
	inside := map[string]float64{}
	for _, e := range events {
		if e.Ph == "X" && e.Pid == top.Pid && e.Tid == top.Tid && !wrapper[e.Name] && e.Ts >= top.Ts && e.Ts+e.Dur <= top.Ts+top.Dur {
			inside[e.Name] = max(inside[e.Name], e.Tdur)
		}
	}
	names := make([]string, 0, len(inside))
	for n := range inside {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool { return inside[names[i]] > inside[names[j]] })
	var parts []string
	for _, n := range names[:min(3, len(names))] {
		parts = append(parts, fmt.Sprintf("%s %.0f ms", n, inside[n]/1000))
	}
	return top.Tdur / 1000, top.Dur / 1000, strings.Join(parts, ", "), err
}

// wrapper names the trace events that only wrap a task's work.
var wrapper = map[string]bool{"RunTask": true, "ThreadControllerImpl::RunTask": true}
