//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// A screen size the page must work at: a laptop and a phone.
type screen struct {
	name          string
	width, height int64
	mobile        bool
}

var screens = []screen{{"desktop", 1440, 900, false}, {"phone", 390, 844, true}}

// openAt opens url in a fresh tab with the screen's viewport (a phone is
// emulated as one: touch, and the page's viewport meta tag honoured).
func openAt(t *testing.T, browser context.Context, sc screen, url string) *tab {
	tb := open(t, browser, "about:blank")
	opts := []chromedp.EmulateViewportOption{}
	if sc.mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	tb.do(chromedp.EmulateViewport(sc.width, sc.height, opts...))
	tb.do(chromedp.Navigate(url))
	return tb
}

// layout checks what every screen must give: the picture starts within the
// first screen, with room to be seen, and nothing overflows sideways.
func layout(t *testing.T, tb *tab, sc screen, picture string) {
	t.Helper()
	box := eval[map[string]float64](tb, `(() => { const r = document.querySelector('[data-test=`+picture+`]').getBoundingClientRect();
		return {top: r.top + scrollY, bottom: r.bottom + scrollY, w: r.width, vh: innerHeight, vw: innerWidth,
			sw: document.documentElement.scrollWidth}; })()`)
	t.Logf("%s %s: picture at y %.0f–%.0f (%.0f wide) of a %.0f×%.0f screen; page width %.0f", sc.name, picture, box["top"], box["bottom"], box["w"], box["vw"], box["vh"], box["sw"])
	// At least 40% of the picture's height (or 250 px) is on the first screen.
	if visible := min(box["bottom"], box["vh"]) - box["top"]; visible < min(250, 0.4*(box["bottom"]-box["top"])) {
		t.Errorf("%s: the picture starts at y %.0f; only %.0f px of it are on the first screen (%.0f px high)", sc.name, box["top"], visible, box["vh"])
	}
	if box["sw"] > box["vw"]+0.5 {
		wide := eval[[]string](tb, `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5).slice(0, 8).map((e) => e.tagName + "." + e.className + "[" + (e.dataset.test||"") + "] " + Math.round(e.getBoundingClientRect().right))`)
		t.Errorf("%s: the page is %.0f px wide on a %.0f px screen; too wide: %v", sc.name, box["sw"], box["vw"], wide)
	}
}

// shot saves the whole page to artifacts/name.png and the first screen
// alone to artifacts/name-first.png: what a visitor sees before scrolling.
func (tb *tab) shot(root, name string) {
	tb.t.Helper()
	tb.screenshot(root, name)
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatal(err)
	}
	if err := os.WriteFile(root+"/artifacts/"+name+"-first.png", png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// visible is a JavaScript test that a hooked element is rendered and not
// inside a closed disclosure.
func visible(hook string) string {
	return `(() => { const e = document.querySelector('[data-test=` + hook + `]'); return !!e && e.checkVisibility() && e.getBoundingClientRect().height > 0 })()`
}

// The page as a newcomer meets it, at a laptop's and a phone's size: the
// picture within the first screen, nothing wider than the screen, the
// guide, the keys whatever has focus, the settings folded away.
func TestScreens(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	_, mnistErr := os.Stat(root + "/web/data/mnist-train.bin")

	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			browser := newBrowser(t) // a first visit each time: the guide shows
			tb := openAt(t, browser, sc, base+"/#g=64,64&d=64,64&run=1")
			tb.poll(`+document.querySelector('[data-test=step]')?.textContent > 50`, 60*time.Second)
			// A first visit shows the guide, with the paper.
			if h := eval[string](tb, `document.querySelector('[data-test=guide-paper]')?.href || ""`); !strings.Contains(h, "1406.2661") {
				t.Errorf("first visit: no guide with the paper (link %q)", h)
			}
			layout(t, tb, sc, "view")
			tb.shot(root, "screen-"+sc.name+"-ring8")
			// Settings are folded into their groups on arrival, so Share
			// and Checkpoints are not below every field.
			if n := eval[int](tb, `[...document.querySelectorAll('[data-test^=set-]')].filter((e) => e.checkVisibility()).length`); n > 0 {
				t.Errorf("%d settings fields are open on arrival", n)
			}
			for _, hook := range []string{"share", "save"} {
				y := eval[float64](tb, `document.querySelector('[data-test=`+hook+`]').getBoundingClientRect().top + scrollY`)
				t.Logf("%s: %s button at y %.0f", sc.name, hook, y)
				// On a laptop within about a screen; on a phone they come
				// after the picture and its charts, past folded settings.
				if !sc.mobile && y > 1.25*float64(sc.height) {
					t.Errorf("%s: the %s button is at y %.0f", sc.name, hook, y)
				}
			}
			if !sc.mobile && !eval[bool](tb, visible("key-hint")) {
				t.Errorf("%s: no visible key hint", sc.name)
			}
			// Each setting says what it does, on hover or tap.
			eval[bool](tb, `(document.querySelector('[data-test=group-Training]').open = true, document.querySelector('[data-test=set-lrg]').focus(), true)`)
			tb.poll(visible("explain-lrg"), 5*time.Second)
			tb.shot(root, "screen-"+sc.name+"-settings")
			eval[bool](tb, `(document.activeElement.blur(), document.querySelector('[data-test=group-Training]').open = false, true)`)

			// The guide goes when dismissed, and stays gone on the next visit.
			tb.click("guide-close")
			tb.poll(`!document.querySelector('[data-test=guide]')`, 5*time.Second)
			tb.do(chromedp.Reload())
			tb.poll(`!!document.querySelector('[data-test=guide-open]') && +document.querySelector('[data-test=step]')?.textContent > 0`, 60*time.Second)
			if eval[bool](tb, `!!document.querySelector('[data-test=guide]')`) {
				t.Errorf("%s: the dismissed guide came back after a reload", sc.name)
			}
			tb.click("guide-open")
			tb.poll(`!!document.querySelector('[data-test=guide]')`, 5*time.Second)
			tb.click("guide-close")
			tb.poll(`!document.querySelector('[data-test=guide]')`, 5*time.Second)

			// Space and → whatever has focus, but for text fields: a
			// checkbox just clicked keeps its state, the run toggles. (The
			// pause goes through the DOM: a real click can land where the
			// button was before the status line re-wrapped, on a phone.)
			jsClick(tb, "pause")
			tb.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 15*time.Second)
			tb.click("layer-manifold")
			if eval[string](tb, `document.activeElement?.dataset.test || ""`) != "layer-manifold" {
				t.Logf("%s: the clicked checkbox did not keep the focus (%q)", sc.name, eval[string](tb, `document.activeElement?.tagName`))
			}
			checked := eval[bool](tb, `document.querySelector('[data-test=layer-manifold]').checked`)
			tb.do(chromedp.KeyEvent(" "))
			tb.poll(`document.querySelector('[data-test=status]').textContent === "training"`, 15*time.Second)
			if c := eval[bool](tb, `document.querySelector('[data-test=layer-manifold]').checked`); c != checked {
				t.Errorf("%s: space toggled the focused checkbox", sc.name)
			}
			// On a loaded machine a key sent through CDP was once not
			// delivered (the run kept training): pressing again reports,
			// rather than hides, the lost press; a binding that never
			// works still fails.
			tb.do(chromedp.KeyEvent(" "))
			paused := `document.querySelector('[data-test=status]').textContent === "paused"`
			if !tb.wait(paused, 7*time.Second) {
				t.Logf("WARNING: %s: space did not pause within 7 s (status %s); pressing again", sc.name, tb.hook("status"))
				tb.do(chromedp.KeyEvent(" "))
				tb.poll(paused, 15*time.Second)
			}
			s := stepOf(tb)
			tb.do(chromedp.KeyEvent(kb.ArrowRight))
			tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent >= %d`, s+1), 15*time.Second)
			// In a text field the keys are the field's.
			eval[bool](tb, `(document.querySelector('[data-test=save-name]').focus(), true)`)
			tb.do(chromedp.KeyEvent(" "))
			time.Sleep(500 * time.Millisecond)
			if st := tb.hook("status"); st != "paused" {
				t.Errorf("%s: space in a text field changed the run (%s)", sc.name, st)
			}

			if sc.mobile {
				// Drawing by touch: a tap adds a point, a drag a stroke.
				tb3 := openAt(t, browser, sc, base+"/#seed=5&g=32,32&d=32,32")
				tb3.poll(pageReady+` && document.querySelector('[data-test=status]')?.textContent === "idle"`, 45*time.Second)
				tb3.click("data-custom")
				tb3.poll(`document.querySelector('[data-test=custom-count]') !== null`, 15*time.Second)
				eval[bool](tb3, `(document.querySelector('[data-test=view]').scrollIntoView(), true)`)
				box := eval[map[string]float64](tb3, `(() => { const r = document.querySelector('[data-test=view]').getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; })()`)
				touch := func(typ input.DispatchTouchEventType, fx, fy float64) {
					pts := []*input.TouchPoint{{X: box["x"] + fx*box["w"], Y: box["y"] + fy*box["h"]}}
					if typ == input.DispatchTouchEventTypeTouchEnd {
						pts = []*input.TouchPoint{}
					}
					tb3.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
						_, err := cdp.Call(ctx, tg, input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: typ, TouchPoints: pts})
						return err
					}))
				}
				touch(input.DispatchTouchEventTypeTouchStart, 0.3, 0.3)
				touch(input.DispatchTouchEventTypeTouchEnd, 0, 0)
				tb3.poll(`+document.querySelector('[data-test=custom-count]').textContent === 1`, 15*time.Second)
				touch(input.DispatchTouchEventTypeTouchStart, 0.2, 0.7)
				for i := 1; i <= 6; i++ {
					touch(input.DispatchTouchEventTypeTouchMove, 0.2+float64(i)*0.08, 0.7)
				}
				touch(input.DispatchTouchEventTypeTouchEnd, 0, 0)
				tb3.poll(`+document.querySelector('[data-test=custom-count]').textContent >= 4 && location.hash.includes("points=")`, 15*time.Second)
				tb3.shot(root, "screen-phone-custom-touch")
			}

			if mnistErr == nil {
				tb2 := openAt(t, browser, sc, base+"/#data=mnist&digits=358&g=64&d=64&batch=32&run=1")
				// The first visit's offline copy may reload the page once
				// (its context goes): then wait again.
				started := `+document.querySelector('[data-test=step]')?.textContent > 5`
				if !tb2.wait(started, 120*time.Second) {
					tb2.poll(started, 120*time.Second)
				}
				tb2.poll(`(() => { const c = document.querySelector('[data-test=interp]'); if (!c) return false;
					const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
					for (let i = 0; i < d.length; i += 4) if (d[i] > 200) return true; return false })()`, 60*time.Second)
				layout(t, tb2, sc, "samples")
				// A digit checkbox keeps the space bar for the run too.
				jsClick(tb2, "pause")
				tb2.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 15*time.Second)
				tb2.click("digit-3")
				tb2.poll(`location.hash.includes("digits=58")`, 15*time.Second)
				tb2.do(chromedp.KeyEvent(" "))
				tb2.poll(`document.querySelector('[data-test=status]').textContent === "training"`, 15*time.Second)
				if eval[bool](tb2, `document.querySelector('[data-test=digit-3]').checked`) {
					t.Errorf("%s: space toggled the digit checkbox", sc.name)
				}
				tb2.shot(root, "screen-"+sc.name+"-mnist")
			}
		})
	}
}
