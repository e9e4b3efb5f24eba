//go:build !(js && wasm)

package main

import (
	"context"
	"encoding/json"
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
	Dur  float64 `json:"dur"`  // wall time, µs
	Tdur float64 `json:"tdur"` // thread (CPU) time, µs
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
	Args struct {
		Name string `json:"name"`
	} `json:"args"`
}

// mainThreadTasks runs f while tracing the browser's tasks, and returns
// the largest thread time of a task on a renderer's main thread, and that
// task's wall time, in ms. The bench's own tab idles while the page's
// window runs, so the page's main thread holds these tasks.
func mainThreadTasks(ctx context.Context, f func() error) (cpu, wall float64, err error) {
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
			TraceConfig:  &tracing.TraceConfig{IncludedCategories: []string{"toplevel"}},
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
	for _, e := range events {
		if e.Ph != "X" || !main[[2]int{e.Pid, e.Tid}] || (e.Name != "ThreadControllerImpl::RunTask" && e.Name != "RunTask") {
			continue
		}
		if e.Tdur/1000 > cpu {
			cpu, wall = e.Tdur/1000, e.Dur/1000
		}
	}
	return cpu, wall, err
}
