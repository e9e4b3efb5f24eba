//go:build !(js && wasm)

package main

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/core/learn"
)

// pageTTL is a data set's time to target measured in the page itself, as
// a user sees it: /#data=NAME&run=1 opened, the time from the first step
// shown to the first time the page's own readout (data-test "modes": modes
// found, high-quality share, JSD) meets the data set's target.
type pageTTL struct {
	Data    string
	Reached bool
	Step    int     // the step shown with the readout that met the target, else the last step
	Sec     float64 // seconds from the first step shown to then
	FromNav float64 // seconds from navigation start to then
	Readout string  // the readout at that moment
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
