//go:build !(js && wasm)

package main

import (
	"fmt"
	"io"
)

// printTTL prints the data sets' rows: how fast the page trains each
// one-click recipe against the bare Go worker, and the time-to-learn
// table (steps to target natively, seconds in the page, and the time
// measured in the page with its method).
func printTTL(w io.Writer, res []workloadResult, ttl []ttlResult, inPage []pageTTL) {
	rates := map[string]workloadResult{}
	var rows []workloadResult
	for _, r := range res {
		if isDataWorkload(r.W.Name) {
			rows = append(rows, r)
			rates[r.W.Name] = r
		}
	}
	if len(rows) > 0 {
		fmt.Fprintln(w, "\nthe data sets' one-click recipes (recipe.DataDefault, no step limit), steps/s [slowest–fastest window]:")
		fmt.Fprintln(w, "\n| data | Go in a worker (WASM SIMD) | the page (app serve) | native Go | page / Go worker (median over rounds) |")
		fmt.Fprintln(w, "|---|---:|---:|---:|---:|")
		for _, r := range rows {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.W.Name, rateCell(r.Impl["go"]), rateCell(r.Impl[page]), rateCell(r.Impl[native]), ratioCell(r.Impl[page], r.Impl["go"]))
		}
	}
	measured := map[string]pageTTL{}
	for _, p := range inPage {
		measured[p.Data] = p
	}
	if len(ttl) > 0 {
		fmt.Fprintf(w, "\ntime to learn: steps to target natively (core/learn, seed %d, scored as `app eval` scores every %d steps, MNIST every %d, up to the recipe's step limit) over the page's steps/s above; and, for the data sets of -page-ttl, the time measured in the page, and how\n", ttlSeed, ttlEvery("ring8"), ttlEvery("mnist"))
		fmt.Fprintln(w, "\n| data | target | steps to target | the page's steps/s | seconds to target in the page | measured in the page |")
		fmt.Fprintln(w, "|---|---|---:|---:|---:|---|")
		for _, t := range ttl {
			pg := rates[t.Data].Impl[page]
			steps, secs := fmt.Sprint(t.Steps), "—"
			rate := "—"
			if len(pg.Windows) > 0 {
				rate = num(pg.median())
			}
			switch {
			case !t.Reached:
				steps = fmt.Sprintf("not by %d (%s)", t.Steps, t.Last)
				if len(pg.Windows) > 0 {
					secs = fmt.Sprintf("— (its %d steps: %.1f)", t.Steps, float64(t.Steps)/pg.median())
				}
			case len(pg.Windows) > 0:
				secs = fmt.Sprintf("%.1f", float64(t.Steps)/pg.median())
			}
			inPg := "—"
			if p, ok := measured[t.Data]; ok {
				inPg = measuredCell(p, t.Reached)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", t.Data, t.Target, steps, rate, secs, inPg)
		}
	}
	for _, p := range inPage {
		switch {
		case p.Native > 0: // timeToStepInPage returns only when the counter got there
			fmt.Fprintf(w, "\nin the page itself (/#%s, the native run's data set and seed; its step counter polled every 100 ms, which the page shows at most every 200 ms): step %d, the native run's, first shown as step %d, %.1f s after the first step (%.1f s after navigation) — the same recipe and seed train the same bits, so the page's run is then where the native one was\n", p.Frag, p.Native, p.Step, p.Sec, p.FromNav)
		case p.Reached:
			fmt.Fprintf(w, "\nin the page itself (/#data=%s&run=1, its own readout polled every 100 ms; the page re-renders it about once a second): target first shown at step %d, %.1f s after the first step (%.1f s after navigation): %q\n", p.Data, p.Step, p.Sec, p.FromNav, p.Readout)
		default:
			fmt.Fprintf(w, "\nin the page itself (/#data=%s&run=1, its own readout polled every 100 ms; the page re-renders it about once a second): target not shown by step %d, where the run stopped %.1f s after the first step: %q\n", p.Data, p.Step, p.Sec, p.Readout)
		}
	}
}

// measuredCell is the time to target measured in the page and how: by
// the page's readout, or by its step counter to the native run's step
// (nativeMet: whether that step met the target or was the run's last).
func measuredCell(p pageTTL, nativeMet bool) string {
	switch {
	case p.Native > 0 && nativeMet:
		return fmt.Sprintf("%.1f (%s)", p.Sec, p.method())
	case p.Native > 0:
		return fmt.Sprintf("— (its step counter to step %d, where the native run stopped short: %.1f)", p.Native, p.Sec)
	case p.Reached:
		return fmt.Sprintf("%.1f (%s, step %d)", p.Sec, p.method(), p.Step)
	default:
		return fmt.Sprintf("— (%s: not by step %d, %.1f)", p.method(), p.Step, p.Sec)
	}
}

// rateCell is a median rate with its spread, or "—".
func rateCell(r implResult) string {
	if len(r.Windows) == 0 {
		return "—"
	}
	lo, hi := r.spread()
	return fmt.Sprintf("%s [%s–%s]", num(r.median()), num(lo), num(hi))
}

// ratioCell is the paired ratio num/den, or "—".
func ratioCell(n, d implResult) string {
	if len(n.Windows) == 0 || len(d.Windows) == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f×", pairedRatio(n, d))
}
