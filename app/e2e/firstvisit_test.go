//go:build !(js && wasm)

package e2e

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// presetShown is the text of the preset menu's selected option.
const presetShown = `(() => { const s = document.querySelector('[data-test=preset]'); return s.options[s.selectedIndex]?.text || ""; })()`

// The preset menu names the recipe in force: the default page's is a
// preset, a data set's one-click recipe is that data set's defaults, and
// only keys the user changed make it custom.
func TestPresetNamesTheRecipe(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	tb := open(t, browser, base+"/")
	tb.poll(pageReady+` && +document.querySelector('[data-test=step]')?.textContent > 0`, 90*time.Second)
	if got := eval[string](tb, presetShown); got != "Fast defaults" {
		t.Errorf("the default page's preset menu shows %q", got)
	}
	tb.click("data-grid25")
	tb.poll(`location.hash === "#data=grid25"`, 15*time.Second)
	tb.poll(presetShown+` === "grid25 defaults"`, 15*time.Second)
	setField(tb, "set-seed", "77")
	tb.poll(`location.hash.includes("seed=77")`, 15*time.Second)
	tb.poll(presetShown+` === "— custom —"`, 15*time.Second)
	tb.click("data-moons")
	tb.poll(`location.hash.startsWith("#data=moons")`, 15*time.Second)
	// seed=77 stays (a key moved off the defaults): still custom.
	if got := eval[string](tb, presetShown); got != "— custom —" {
		t.Errorf("moons with seed=77 shows %q", got)
	}
	tb.screenshot(root, "preset-custom")
}

// MNIST's nearest-image view never shows an empty box: until the run's
// first search has finished it shows the samples searched for and says
// that their nearest images are coming; then the pairs replace it.
func TestNearestViewBeforeItsFirstSearch(t *testing.T) {
	root, base, browser := mnistSetUp(t)
	sc := screens[1] // the phone, where the view was first seen empty
	// The pending view may last less than a poll on a fast machine: an
	// observer notes whether it ever showed.
	tb := openWithScript(t, browser, `window.__pendingSeen = false;
		new MutationObserver(() => { if (document.querySelector('[data-test=nearest-pending]')) window.__pendingSeen = true; })
			.observe(document, { subtree: true, childList: true });`, "about:blank")
	tb.do(chromedp.EmulateViewport(sc.width, sc.height, chromedp.EmulateMobile))
	tb.do(chromedp.Navigate(base + "/#data=mnist&digits=358&g=64&d=64&batch=32&run=1"))
	// Ink in the canvas's top or bottom half: a dark opaque pixel (an
	// undrawn canvas is transparent black) that is not the gutter between
	// tiles (grey 60, drawn unsmoothed).
	ink := func(half string) string {
		return `(() => { const c = document.querySelector('[data-test=nearest]'); if (!c) return false;
			const h = c.height / 2, y0 = ` + half + ` === "top" ? 0 : h;
			const d = c.getContext("2d").getImageData(0, y0 + 2, c.width, h - 4).data;
			for (let i = 0; i < d.length; i += 4) if (d[i + 3] === 255 && d[i] < 128 && d[i] !== 60) return true; return false })()`
	}
	pending := `!!document.querySelector('[data-test=nearest-pending]')`
	tb.poll(`window.__pendingSeen`, 120*time.Second)
	// The first samples are drawn before any search can have finished.
	tb.poll(ink(`"top"`)+` && (`+pending+` || `+ink(`"bottom"`)+`)`, 120*time.Second)
	// One evaluation: the page may find the pairs between two.
	if st := eval[[]bool](tb, `[`+pending+`, `+ink(`"bottom"`)+`]`); st[0] {
		if st[1] {
			t.Errorf("the pending view has neighbours drawn")
		}
		eval[bool](tb, `(document.querySelector('[data-test=nearest]').scrollIntoView(), true)`)
		tb.shot(root, "nearest-pending-phone")
	} else {
		t.Logf("the first search had already finished at step %s", tb.hook("step"))
	}
	tb.poll(`!(`+pending+`) && `+ink(`"bottom"`), 180*time.Second)
	eval[bool](tb, `(document.querySelector('[data-test=nearest]').scrollIntoView(), true)`)
	tb.shot(root, "nearest-found-phone")
}
