//go:build !(js && wasm)

package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// visit is one load of the real page, in ms since navigation start.
type visit struct {
	Mounted   float64 `json:"mounted"`   // mark gan-mounted (the go-app component is up)
	Training  float64 `json:"training"`  // mark gan-training (the worker reported training)
	FirstStep float64 `json:"firstStep"` // the step hook first showed a step > 0
	LongTask  float64 `json:"longTask"`  // longest main-thread task after the first step, while training
}

// pageLoad is the median of fresh-profile visits and of reloads.
type pageLoad struct {
	First, Repeat visit
	Visits        int
}

// watchStart runs in the page before its scripts: it notes when the step
// hook first shows a step > 0 (the page re-renders the step at most every
// 200 ms, so this is up to 0.2 s late) and records long tasks.
const watchStart = `(() => {
  const b = window.__bench = { firstStep: 0, long: [] };
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) b.long.push([e.startTime, e.duration]); })
      .observe({ type: "longtask", buffered: true });
  } catch (e) {}
  const mo = new MutationObserver(() => {
    const el = document.querySelector("[data-test=step]");
    if (el && Number(el.textContent) > 0) { b.firstStep = performance.now(); mo.disconnect(); }
  });
  mo.observe(document, { subtree: true, childList: true, characterData: true });
})()`

// readVisit reads the marks, and the longest task after the first step.
const readVisit = `(() => {
  const m = (n) => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : -1; };
  const b = window.__bench;
  const after = b.long.filter(([t]) => t > b.firstStep).map(([, d]) => d);
  return { mounted: m("gan-mounted"), training: m("gan-training"), firstStep: b.firstStep, longTask: Math.max(0, ...after) };
})()`

// timePageLoad serves the real page with the app's own server (the one
// users run) and loads /#data=ring8&run=1: `visits` times in a fresh
// browser context (nothing cached), and once reloaded in each (go-app's
// service worker then serves the files).
func timePageLoad(b *chrome, root, appBin string, visits int) (*pageLoad, error) {
	base, stop, err := startAppServer(root, appBin)
	if err != nil {
		return nil, err
	}
	defer stop()
	var first, repeat []visit
	for i := 0; i < visits; i++ {
		ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithNewBrowserContext())
		v1, err := loadOnce(ctx, base+"/#data=ring8&run=1", false)
		if err == nil {
			var v2 visit
			v2, err = loadOnce(ctx, "", true)
			repeat = append(repeat, v2)
		}
		cancel()
		if err != nil {
			return nil, err
		}
		first = append(first, v1)
		fmt.Fprintf(os.Stderr, "bench: page visit %d: first step at %.0f ms, reload %.0f ms\n", i+1, v1.FirstStep, repeat[len(repeat)-1].FirstStep)
	}
	return &pageLoad{First: medianVisit(first), Repeat: medianVisit(repeat), Visits: visits}, nil
}

func loadOnce(ctx context.Context, url string, reload bool) (visit, error) {
	var v visit
	// The watch script stays registered in the tab: a reload runs it again.
	steps := []chromedp.Action[chromedp.Void]{chromedp.Reload()}
	if !reload {
		steps = []chromedp.Action[chromedp.Void]{
			chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
				_, err := cdp.Call(ctx, t, cdppage.AddScriptToEvaluateOnNewDocument, cdppage.AddScriptToEvaluateOnNewDocumentParams{Source: watchStart})
				return err
			}),
			chromedp.Navigate(url),
		}
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		return v, err
	}
	if err := call(ctx, 3*time.Minute, `new Promise((ok) => { const t = setInterval(() => { if (window.__bench && window.__bench.firstStep) { clearInterval(t); ok(true); } }, 20); })`, new(bool)); err != nil {
		return v, fmt.Errorf("the page did not reach its first step: %w", err)
	}
	// Train a few seconds, then read the long tasks of that stretch.
	time.Sleep(5 * time.Second)
	err := call(ctx, time.Minute, readVisit, &v)
	return v, err
}

func medianVisit(vs []visit) visit {
	med := func(f func(visit) float64) float64 {
		x := make([]float64, len(vs))
		for i, v := range vs {
			x[i] = f(v)
		}
		slices.Sort(x)
		return (x[(len(x)-1)/2] + x[len(x)/2]) / 2
	}
	return visit{
		Mounted:   med(func(v visit) float64 { return v.Mounted }),
		Training:  med(func(v visit) float64 { return v.Training }),
		FirstStep: med(func(v visit) float64 { return v.FirstStep }),
		LongTask:  med(func(v visit) float64 { return v.LongTask }),
	}
}

// startAppServer runs `app serve` on a free port, as app/e2e does.
func startAppServer(root, appBin string) (string, func(), error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	srv := exec.Command(appBin, "serve", "-addr", addr, "-web", root+"/web")
	srv.Dir = root
	srv.Stderr = os.Stderr
	if err := srv.Start(); err != nil {
		return "", nil, err
	}
	stop := func() { srv.Process.Kill(); srv.Wait() }
	base := "http://" + addr
	for i := 0; ; i++ {
		if resp, err := http.Get(base + "/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return base, stop, nil
			}
		}
		if i > 300 {
			stop()
			return "", nil, fmt.Errorf("the app server did not start on %s", addr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
