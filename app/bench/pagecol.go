//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/app/bench/measure"
)

// page is the column of the real page: the playground as a user runs it
// (`app serve`, web/worker.wasm, every view and report), with the
// workload's recipe in its address. Between its windows it is paused, so
// it trains only in its turn, like the bench workers.
const page = "page"

// pageTab is the page opened on one workload.
type pageTab struct {
	ctx    context.Context
	cancel func()
}

// openPage loads base/#RECIPE&steps=0&run=1 in a new tab, waits for the
// first step shown, and pauses.
func openPage(b *chrome, base, rec string) (*pageTab, error) {
	ctx, cancel := chromedp.NewContext(b.ctx)
	t := &pageTab{ctx: ctx, cancel: cancel}
	// steps=0: no step limit (the default would stop W1 within seconds).
	u := base + "/#" + rec + "&steps=0&run=1"
	if _, err := url.Parse(u); err != nil {
		cancel()
		return nil, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		cancel()
		return nil, err
	}
	var ok bool
	if err := call(ctx, 3*time.Minute, `new Promise((ok) => { const t = setInterval(() => {
	  const s = document.querySelector("[data-test=step]");
	  if (s && Number(s.textContent) > 0) { clearInterval(t); document.querySelector("[data-test=pause]").click(); ok(true); }
	}, 50); })`, &ok); err != nil {
		cancel()
		return nil, fmt.Errorf("the page did not show a first step: %w", err)
	}
	return t, nil
}

// pageWindow is what a window in the page reports.
type pageWindow struct {
	Steps int       `json:"steps"` // the step counter's advance over the window
	Sec   float64   `json:"sec"`
	Shown []float64 `json:"shown"` // data-test steps-per-sec, read every 250 ms
}

// window plays, lets the rate settle for warm (the page's rate restarts
// on play and needs 0.2 s), then times the step counter from one change
// of it to the first change after at least ms (the page re-renders it
// only with a report, at most every 200 ms and less often while its views
// are costly), reads the shown rate every 250 ms meanwhile, and pauses.
func (t *pageTab) window(warm, ms time.Duration) (pageWindow, error) {
	var w pageWindow
	js := fmt.Sprintf(`(async (warm, ms) => {
	  const q = (n) => document.querySelector("[data-test=" + n + "]");
	  const sleep = (d) => new Promise((r) => setTimeout(r, d));
	  const step = () => Number(q("step").textContent);
	  const change = async () => { const s = step(); while (step() === s) await sleep(20); return [step(), performance.now()]; };
	  q("play").click();
	  await sleep(warm);
	  const [s0, t0] = await change();
	  const shown = [];
	  let next = t0 + 250;
	  while (performance.now() - t0 < ms) {
	    await sleep(20);
	    if (performance.now() >= next) { shown.push(Number(q("steps-per-sec").textContent)); next += 250; }
	  }
	  const [s1, t1] = await change();
	  q("pause").click();
	  await sleep(300);
	  return { steps: s1 - s0, sec: (t1 - t0) / 1000, shown };
	})(%d, %d)`, warm.Milliseconds(), ms.Milliseconds())
	err := call(t.ctx, 10*time.Minute, js, &w)
	if err == nil && w.Steps <= 0 {
		err = fmt.Errorf("the page's step counter did not advance in %.1f s", w.Sec)
	}
	return w, err
}

// asWindow is the window for the table: the step counter's rate.
func (w pageWindow) asWindow() measure.Window { return measure.Window{Steps: w.Steps, Sec: w.Sec} }
