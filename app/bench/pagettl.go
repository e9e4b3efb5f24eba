//go:build !(js && wasm)

package main

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/core/learn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// pageTTL is a data set's time to target measured in the page itself, as
// a user sees it: /#data=NAME&run=1 opened, the time from the first step
// shown to the first time the page's own readout (data-test "modes": modes
// found, high-quality share, JSD) meets the data set's target — or, for
// MNIST, whose page shows no Fréchet distance, to the first time its step
// counter (data-test "step") shows the step at which the native run met
// its target (Native > 0): training is bit for bit the same natively and
// in the worker, so the page's run meets the target at that step too.
type pageTTL struct {
	Data    string
	Frag    string  // the address's fragment (by the step counter only)
	Native  int     // the native run's step the page was timed to (0: timed by its readout)
	Reached bool    // the readout met the target, or the counter reached Native
	Step    int     // the step shown when it did, else the last step
	Sec     float64 // seconds from the first step shown to then
	FromNav float64 // seconds from navigation start to then
	Readout string  // the readout at that moment (by the readout only)
}

// method says how a pageTTL was measured, for the table.
func (p pageTTL) method() string {
	if p.Native > 0 {
		return fmt.Sprintf("its step counter to step %d, the native run's", p.Native)
	}
	return "its readout"
}

// readout parses the page's quality line, e.g. "8/8 modes, 95%
// high-quality, KL 0.012, JSD 0.031" or "JSD 0.048", into a core/learn
// score. The page rounds the high-quality share to a percent, so a shown
// 95% counts as 0.95.
func readout(s string) (learn.Score, bool) {
	var sc learn.Score
	ok := false
	if m := modesRE.FindStringSubmatch(s); m != nil {
		sc.Modes, _ = strconv.Atoi(m[1])
		sc.ModesTotal, _ = strconv.Atoi(m[2])
		pct, _ := strconv.Atoi(m[3])
		sc.HQ = float64(pct) / 100
		ok = true
	}
	sc.JSD = 1 // unmeasured: no JSD target is met
	if m := jsdRE.FindStringSubmatch(s); m != nil {
		sc.JSD, _ = strconv.ParseFloat(m[1], 64)
		ok = true
	}
	return sc, ok
}

var (
	modesRE = regexp.MustCompile(`(\d+)/(\d+) modes, (\d+)% high-quality`)
	jsdRE   = regexp.MustCompile(`JSD ([0-9.]+)`)
)

// timeToTargetInPage opens the data set's one-click run in a new tab and
// polls the page every 100 ms (it re-renders the readout about once a
// second while training: the time is that much late at most).
func timeToTargetInPage(b *chrome, base, data string) (pageTTL, error) {
	res := pageTTL{Data: data}
	tg, ok := learn.Targets[data]
	if !ok {
		return res, fmt.Errorf("no learning target for %s", data)
	}
	ctx, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/#data="+data+"&run=1")); err != nil {
		return res, err
	}
	type state struct {
		Now    float64 `json:"now"`
		Step   int     `json:"step"`
		Status string  `json:"status"`
		Modes  string  `json:"modes"`
	}
	const read = `(() => { const q = (n) => document.querySelector("[data-test=" + n + "]");
	  return { now: performance.now(), step: Number(q("step")?.textContent || 0), status: q("status")?.textContent || "", modes: q("modes")?.textContent || "" }; })()`
	var first float64
	deadline := time.Now().Add(15 * time.Minute)
	for time.Now().Before(deadline) {
		var s state
		if err := call(ctx, time.Minute, read, &s); err != nil {
			return res, err
		}
		if first == 0 && s.Step > 0 {
			first = s.Now
		}
		if first > 0 {
			res.Step, res.Readout = s.Step, s.Modes
			res.Sec, res.FromNav = (s.Now-first)/1000, s.Now/1000
			if sc, ok := readout(s.Modes); ok && tg.Met(sc) {
				res.Reached = true
				return res, nil
			}
			if s.Status != "training" { // stopped at its step limit
				return res, nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return res, fmt.Errorf("%s: neither the target nor the step limit within 15 minutes (step %d)", data, res.Step)
}

// timeToStepInPage opens the data set's one-click run on the native run's
// seed, checks that the page trains the native run's recipe, and polls
// the step counter every 100 ms (the page shows it at most every 200 ms)
// until it reaches t.Steps: the step at which the native run met its
// target, or its last step if it did not.
func timeToStepInPage(b *chrome, base string, t ttlResult) (pageTTL, error) {
	res := pageTTL{Data: t.Data, Native: t.Steps}
	ctx, cancel := chromedp.NewContext(b.ctx)
	defer cancel()
	frag, err := stepFragment(t.Recipe)
	if err != nil {
		return res, err
	}
	res.Frag = frag
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/#"+frag)); err != nil {
		return res, err
	}
	type state struct {
		Now    float64 `json:"now"`
		Step   int     `json:"step"`
		Status string  `json:"status"`
		Recipe string  `json:"recipe"`
	}
	const read = `(() => { const q = (n) => document.querySelector("[data-test=" + n + "]");
	  return { now: performance.now(), step: Number(q("step")?.textContent || 0), status: q("status")?.textContent || "", recipe: q("run-recipe")?.textContent || "" }; })()`
	var first float64
	checked := false
	deadline := time.Now().Add(pageStepTimeout)
	for time.Now().Before(deadline) {
		var s state
		if err := call(ctx, time.Minute, read, &s); err != nil {
			return res, err
		}
		if !checked && s.Recipe != "" {
			if got, err := recipe.Parse(s.Recipe); err != nil || got.String() != t.Recipe {
				return res, fmt.Errorf("the page at #%s trains %q, not the native run's %q: its steps are not the native run's", frag, s.Recipe, t.Recipe)
			}
			checked = true
		}
		if first == 0 && s.Step > 0 {
			first = s.Now
		}
		if first > 0 {
			res.Step, res.Sec, res.FromNav = s.Step, (s.Now-first)/1000, s.Now/1000
			if s.Step >= t.Steps {
				if !checked {
					return res, fmt.Errorf("the page at #%s reached step %d without showing its recipe", frag, s.Step)
				}
				res.Reached = true
				return res, nil
			}
			if s.Status != "training" {
				return res, fmt.Errorf("the page at #%s stopped (%q) at step %d, before the native run's step %d", frag, s.Status, s.Step, t.Steps)
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return res, fmt.Errorf("%s: the page did not reach step %d within %s (step %d)", t.Data, t.Steps, pageStepTimeout, res.Step)
}

// stepFragment is the address fragment of a native run's recipe (a data
// set's one-click recipe on some seed) as a user opens it: the data set
// and the seed.
func stepFragment(rec string) (string, error) {
	rc, err := recipe.Parse(rec)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("data=%s&seed=%d&run=1", rc.Data, rc.Seed), nil
}

// pageStepTimeout bounds timeToStepInPage: MNIST's default trains its
// ~10,000 steps in several minutes on a loaded 2-core machine.
const pageStepTimeout = 45 * time.Minute
