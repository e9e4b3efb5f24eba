//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/app/bench/measure"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// page is the column of the real page: the playground as a user runs it
// (`app serve`, web/worker.wasm, every view and report), training the
// workload's recipe from its address. Between its windows it is paused, so
// it trains only in its turn, like the bench workers.
const page = "page"

// pageWorkers are the page's implementations and the workers each asks
// for in its address (URL key workers; 0: none, the page's default). The
// workers ones run the sharded workload only (workersWorkload).
var pageWorkers = map[string]int{page: 0, pageW1: 1, pageW2: 2}

const (
	pageW1 = "page-workers1"
	pageW2 = "page-workers2"
)

// pageTab is the page opened on one workload.
type pageTab struct {
	ctx    context.Context
	cancel func()
	frag   string // the address's fragment
}

// pageFragment is the address fragment under which the page trains
// exactly rec with no step limit: the page reads its fragment as a new
// run's keys over the data set's default recipe (recipe.ParseNew), so the
// fragment is rec's keys that differ from that default (recipe.Compact),
// not rec's own text — W1's text opened as it is would train ring8's
// one-click recipe with W1's layers.
func pageFragment(rec string) (frag, want string, err error) {
	rc, err := recipe.Parse(rec)
	if err != nil {
		return "", "", err
	}
	rc.Steps = 0 // no step limit (ring8's default stops W1 within seconds)
	return rc.Compact() + "&run=1", rc.String(), nil
}

// watchLong runs in the page before its scripts: it keeps the main
// thread's long tasks (over 50 ms), as [start, duration] in ms.
const watchLong = `(() => {
  window.__benchLong = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__benchLong.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch (e) {}
})()`

// openPage loads base/#FRAGMENT in a new tab (with workers=N if workers
// > 0), waits for the first step shown, checks that the page trains rec
// itself on that many workers, and pauses.
func openPage(b *chrome, base, rec string, workers int) (*pageTab, error) {
	frag, want, err := pageFragment(rec)
	if err != nil {
		return nil, err
	}
	if workers > 0 {
		frag += fmt.Sprintf("&workers=%d", workers)
	}
	ctx, cancel := chromedp.NewContext(b.ctx)
	t := &pageTab{ctx: ctx, cancel: cancel, frag: frag}
	u := base + "/#" + frag
	if _, err := url.Parse(u); err != nil {
		cancel()
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: watchLong})
		return err
	}), chromedp.Navigate(u)); err != nil {
		cancel()
		return nil, err
	}
	var shown struct {
		Recipe  string `json:"recipe"`
		Workers string `json:"workers"`
	}
	if err := call(ctx, 3*time.Minute, `new Promise((ok) => { const t = setInterval(() => {
	  const q = (n) => document.querySelector("[data-test=" + n + "]");
	  // The recipe shows once the run's first full report is rendered;
	  // the step counter may show a step before that.
	  if (Number(q("step")?.textContent) > 0 && q("run-recipe")?.textContent) {
	    clearInterval(t);
	    q("pause").click();
	    ok({ recipe: q("run-recipe").textContent, workers: q("workers")?.textContent || "" });
	  }
	}, 50); })`, &shown); err != nil {
		cancel()
		return nil, fmt.Errorf("the page did not show a first step: %w", err)
	}
	if got, err := recipe.Parse(shown.Recipe); err != nil || got.String() != want {
		cancel()
		return nil, fmt.Errorf("the page at #%s trains %q, not the workload's %q", frag, shown.Recipe, want)
	}
	if workers > 0 && shown.Workers != fmt.Sprint(workers) {
		cancel()
		return nil, fmt.Errorf("the page at #%s trains on %q workers, not %d", frag, shown.Workers, workers)
	}
	return t, nil
}

// pageWindow is what a window in the page reports.
type pageWindow struct {
	Steps int       `json:"steps"` // the step counter's advance over the window
	Sec   float64   `json:"sec"`
	Shown []float64 `json:"shown"` // data-test steps-per-sec, read every 250 ms
	Long  float64   `json:"long"`  // the longest main-thread task of the window, ms (0: none over 50)
	// The window's main-thread task of most thread time (CPU), and its
	// wall time, ms (taskcpu.go).
	TaskCPU  float64 `json:"-"`
	TaskWall float64 `json:"-"`
	TaskWhat string  `json:"-"` // the trace events of most CPU inside it
	// Reports received, and drawings of the views and of the charts
	// (window.ganReports, window.ganDrawn), over the window.
	Reports int     `json:"reports"`
	Views   int     `json:"views"`
	Charts  int     `json:"charts"`
	CPU     float64 `json:"-"` // the browser's CPU time over the window, s
	// With several workers: the training worker's gradient exchange as the
	// page shows it at the window's end (data-test exchange-ms: its mean
	// ms per step since the run began; 0 with one worker).
	Exchange float64 `json:"exchange"`
}

// window plays, lets the rate settle for warm (the page's rate restarts
// on play and needs 0.2 s), then times the step counter from one change
// of it to the first change after at least ms (the page shows it at most
// every 200 ms), reads the shown rate every 250 ms meanwhile, notes the
// longest main-thread task and the one of most CPU (a trace), and pauses. cpu, if not nil, is read at the
// two changes: the window's CPU time is the difference.
func (t *pageTab) window(warm, ms time.Duration, cpu func() float64) (pageWindow, error) {
	var w pageWindow
	start := fmt.Sprintf(`(async (warm) => {
	  const q = (n) => document.querySelector("[data-test=" + n + "]");
	  const sleep = (d) => new Promise((r) => setTimeout(r, d));
	  const step = () => Number(q("step").textContent);
	  const change = async () => { const s = step(); while (step() === s) await sleep(20); return [step(), performance.now()]; };
	  const drawn = () => [window.ganReports || 0, (window.ganDrawn || {}).views || 0, (window.ganDrawn || {}).charts || 0];
	  q("play").click();
	  await sleep(warm);
	  const [s0, t0] = await change();
	  window.__benchWindow = { q, sleep, step, change, drawn, s0, t0, d0: drawn() };
	  return true;
	})(%d)`, warm.Milliseconds())
	finish := fmt.Sprintf(`(async (ms) => {
	  const { q, sleep, change, drawn, s0, t0, d0 } = window.__benchWindow;
	  const shown = [];
	  let next = t0 + 250;
	  while (performance.now() - t0 < ms) {
	    await sleep(20);
	    if (performance.now() >= next) { shown.push(Number(q("steps-per-sec").textContent)); next += 250; }
	  }
	  const [s1, t1] = await change();
	  const d1 = drawn();
	  const long = Math.max(0, ...window.__benchLong.filter(([t, d]) => t + d > t0 && t < t1).map(([, d]) => d));
	  const exchange = Number(q("exchange-ms")?.textContent || 0);
	  return { steps: s1 - s0, sec: (t1 - t0) / 1000, shown, long, reports: d1[0] - d0[0], views: d1[1] - d0[1], charts: d1[2] - d0[2], exchange };
	})(%d)`, ms.Milliseconds())
	const pause = `(async () => { document.querySelector("[data-test=pause]").click(); await new Promise((r) => setTimeout(r, 300)); return true; })()`
	var ok bool
	if err := call(t.ctx, 10*time.Minute, start, &ok); err != nil {
		return w, err
	}
	var cpu0 float64
	if cpu != nil {
		cpu0 = cpu()
	}
	var err error
	w.TaskCPU, w.TaskWall, w.TaskWhat, err = mainThreadTasks(t.ctx, func() error { return call(t.ctx, 10*time.Minute, finish, &w) })
	if cpu != nil {
		w.CPU = cpu() - cpu0
	}
	if err == nil {
		err = call(t.ctx, time.Minute, pause, &ok)
	}
	if err == nil && w.Steps <= 0 {
		err = fmt.Errorf("the page's step counter did not advance in %.1f s", w.Sec)
	}
	return w, err
}

// asWindow is the window for the table: the step counter's rate.
func (w pageWindow) asWindow() measure.Window { return measure.Window{Steps: w.Steps, Sec: w.Sec} }
