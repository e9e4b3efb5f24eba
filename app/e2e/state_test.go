//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/assets"
)

// What a first visit runs into when it moves between data sets, gallery
// models and the step limit: no figure, point or recipe of one data set
// shows under another, Play says what it will do, and the page's controls
// (speed, defaults, checkpoint names) do what they say.
func TestNoLeftoverState(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	_, mnistErr := os.Stat(root + "/web/data/mnist-train.bin")

	t.Run("drawn points leave the URL with custom data, and come back with it", func(t *testing.T) {
		tb := open(t, browser, base+"/#seed=5&g=32,32&d=32,32")
		tb.poll(pageReady+` && document.querySelector('[data-test=status]')?.textContent === "idle"`, 45*time.Second)
		tb.click("data-custom")
		tb.poll(`document.querySelector('[data-test=custom-count]') !== null`, 15*time.Second)
		box := eval[map[string]float64](tb, `(() => { const r = document.querySelector('[data-test=view]').getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; })()`)
		for _, p := range [][2]float64{{0.3, 0.3}, {0.7, 0.3}, {0.5, 0.7}} {
			tb.do(chromedp.MouseClickXY(box["x"]+p[0]*box["w"], box["y"]+p[1]*box["h"]))
		}
		tb.poll(`location.hash.includes("points=") && +document.querySelector('[data-test=custom-count]').textContent === 3`, 15*time.Second)
		next := "grid25"
		if mnistErr == nil {
			next = "mnist"
		}
		tb.click("data-" + next)
		tb.poll(`location.hash.includes("data=`+next+`")`, 15*time.Second)
		if h := eval[string](tb, `location.hash`); strings.Contains(h, "points=") {
			t.Errorf("custom points stay in the URL of %s: %s", next, h)
		}
		tb.click("data-custom")
		tb.poll(`location.hash.includes("points=") && +document.querySelector('[data-test=custom-count]')?.textContent === 3`, 15*time.Second)
	})

	t.Run("custom after moons shows nothing of moons", func(t *testing.T) {
		tb := open(t, browser, base+"/#data=moons&g=32,32&d=32,32&run=1")
		tb.poll(`document.querySelector('[data-test=run-recipe]')?.textContent.includes("data=moons") && !!document.querySelector('[data-test=dstar]') && document.querySelector('[data-test=cg]').textContent !== "—"`, 60*time.Second)
		// C(G) has its chart, with the −log 4 line, while the best D shows.
		if !eval[bool](tb, `!!document.querySelector('[data-test=chart-cg]')`) {
			t.Error("no C(G) chart beside the best-D panel")
		}
		tb.click("data-custom")
		tb.poll(`document.querySelector('[data-test=custom-count]') !== null`, 15*time.Second)
		time.Sleep(500 * time.Millisecond) // reports of the moons run still arriving
		if eval[bool](tb, `!!document.querySelector('[data-test=dstar]')`) {
			t.Error("the best-D panel of moons stays under custom data")
		}
		if r, m := tb.hook("run-recipe"), tb.hook("modes"); strings.Contains(r, "moons") || m != "" {
			t.Errorf("custom data shows moons: recipe %q, metrics %q", r, m)
		}
		if n := tb.hook("note"); !strings.Contains(n, "Draw") {
			t.Errorf("custom data without points: the note says %q", n)
		}
		tb.screenshot(root, "custom-empty")
	})

	t.Run("a gallery model never shows the previous run's metrics", func(t *testing.T) {
		tb := open(t, browser, base+"/#run=1")
		tb.poll(`document.querySelector('[data-test=modes]')?.textContent.includes("/8 modes")`, 60*time.Second)
		// Every text the metrics line takes once the page says grid25.
		eval[bool](tb, `(() => { window.__modes = []; new MutationObserver(() => { const m = document.querySelector('[data-test=modes]');
			if (document.querySelector('[data-test=data-grid25]').classList.contains("selected")) window.__modes.push(m ? m.textContent : "<none>"); }).observe(document.body, {subtree: true, childList: true, characterData: true}); return true })()`)
		tb.click("gallery-open-grid25")
		tb.poll(`document.querySelector('[data-test=modes]')?.textContent.includes("/25 modes") && document.querySelector('[data-test=status]').textContent === "paused"`, 90*time.Second)
		for _, m := range eval[[]string](tb, `window.__modes`) {
			if strings.Contains(m, "/8 modes") {
				t.Errorf("opening grid25, the metrics line showed ring8's %q", m)
				break
			}
		}
		if n := tb.hook("note"); strings.Contains(n, "steps=0") {
			t.Errorf("the note speaks in recipe keys: %q", n)
		}
	})

	t.Run("play goes past the step limit in one click, saying so", func(t *testing.T) {
		tb := open(t, browser, base+"/#g=16,16&d=16,16&steps=30&run=1")
		tb.poll(`document.querySelector('[data-test=step]')?.textContent === "30" && document.querySelector('[data-test=status]').textContent === "paused"`, 60*time.Second)
		if n := tb.hook("note"); !strings.Contains(n, "step limit") {
			t.Errorf("at the limit the note says %q", n)
		}
		tb.click("play")
		tb.poll(`+document.querySelector('[data-test=step]').textContent > 40 && location.hash.includes("steps=0")`, 60*time.Second)
		if n := tb.hook("note"); !strings.Contains(n, "past the step limit of 30") {
			t.Errorf("after play the note says %q", n)
		}
		tb.click("pause")
	})

	t.Run("speed: a chosen number of steps per second", func(t *testing.T) {
		tb := open(t, browser, base+"/#g=16,16&d=16,16&steps=0")
		tb.poll(pageReady+` && document.querySelector('[data-test=status]')?.textContent === "idle"`, 45*time.Second)
		setField(tb, "speed", "3")
		tb.click("play")
		tb.poll(`+document.querySelector('[data-test=step]').textContent >= 1`, 15*time.Second)
		s0, t0 := stepOf(tb), time.Now()
		time.Sleep(4 * time.Second)
		s1, dt := stepOf(tb), time.Since(t0).Seconds()
		rate := float64(s1-s0) / dt
		t.Logf("speed 3 steps/s: %d steps in %.1f s (%.2f/s), status %s", s1-s0, dt, rate, tb.hook("status"))
		if rate < 1.5 || rate > 4.5 || tb.hook("status") != "training" {
			t.Errorf("speed 3 steps/s ran %.2f steps/s (status %s)", rate, tb.hook("status"))
		}
		// Full speed again, while playing.
		setField(tb, "speed", "0")
		tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent > %d`, s1+100), 30*time.Second)
		tb.click("pause")
		tb.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 15*time.Second)
	})

	t.Run("defaults and checkpoint names", func(t *testing.T) {
		tb := open(t, browser, base+"/#g=16,16&d=16,16&lrg=0.0005")
		tb.poll(`document.querySelector('[data-test=run-recipe]')?.textContent.includes("lrg=0.0005")`, 45*time.Second)
		eval[bool](tb, `(document.querySelector('[data-test=reset-defaults]').click(), true)`)
		tb.poll(`!location.hash.includes("lrg=0.0005") && document.querySelector('[data-test=run-recipe]').textContent.length > 0 && !document.querySelector('[data-test=run-recipe]').textContent.includes("lrg=0.0005")`, 15*time.Second)
		setField(tb, "save-name", "mine")
		tb.click("save")
		tb.poll(`document.querySelector('[data-test=keep-info]').textContent.includes("Saved")`, 60*time.Second)
		if v := eval[string](tb, `document.querySelector('[data-test=save-name]').value`); v != "" {
			t.Errorf("the name field still says %q after saving", v)
		}
		// A failed import says why, until the next action.
		junk := t.TempDir() + "/junk.gan"
		if err := os.WriteFile(junk, []byte("not a checkpoint"), 0o644); err != nil {
			t.Fatal(err)
		}
		tb.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-test=import]`), []string{junk}))
		tb.poll(`!document.querySelector('[data-test=keep-error]').hidden`, 30*time.Second)
		tb.click("step-once")
		tb.poll(`document.querySelector('[data-test=keep-error]').hidden`, 10*time.Second)
	})

	t.Run("an MNIST gallery model: Play asks first; the estimate is of its digits", func(t *testing.T) {
		if mnistErr != nil {
			t.Skip("no MNIST asset: run `make assets`")
		}
		entries, err := assets.GalleryEntries()
		if err != nil {
			t.Fatal(err)
		}
		var card assets.GalleryEntry
		for _, e := range entries {
			if e.ID == "mnist-one" {
				card = e
			}
		}
		tb := open(t, browser, base+"/#gallery=mnist-one")
		tb.poll(`document.querySelector('[data-test=status]')?.textContent === "paused" && document.querySelector('[data-test=fingerprint]').textContent.length === 16`, 120*time.Second)
		s := stepOf(tb)
		tb.click("play")
		tb.poll(`!!document.querySelector('[data-test=fresh-d-confirm]')`, 10*time.Second)
		tb.screenshot(root, "gallery-mnist-fresh-d")
		time.Sleep(500 * time.Millisecond)
		if st := tb.hook("status"); st != "paused" || stepOf(tb) != s {
			t.Errorf("play trained before the answer: status %s, step %d → %d", st, s, stepOf(tb))
		}
		tb.click("fresh-d-cancel")
		tb.poll(`!document.querySelector('[data-test=fresh-d-confirm]')`, 10*time.Second)

		// The quick estimate, against the test images of the model's digit.
		eval[bool](tb, `(document.querySelector('[data-test=evaluate]').click(), true)`)
		tb.poll(`!!document.querySelector('[data-test=eval-parzen]') || !!document.querySelector('[data-test=eval-error]')`, 240*time.Second)
		got := tb.hook("eval-parzen")
		t.Logf("quick estimate of %q: %s; %s. Its card: Parzen %.1f ± %.1f, Fréchet %.2f", card.Title, got, tb.hook("eval-fd"),
			card.Metrics["parzen_ll"], card.Metrics["parzen_se"], card.Metrics["fd_classifier"])
		m := regexp.MustCompile(`Parzen log-likelihood (-?[0-9.]+) ± ([0-9.]+) nats .*?(\d+) test images`).FindStringSubmatch(got)
		if m == nil {
			t.Fatalf("estimate %q", got)
		}
		ll, se, _ := atof(m[1]), atof(m[2]), m[3]
		// Within the two figures' stated uncertainty (3 standard errors of
		// their difference).
		tol := 3 * math.Hypot(se, card.Metrics["parzen_se"])
		if d := math.Abs(ll - card.Metrics["parzen_ll"]); d > tol {
			t.Errorf("quick estimate %.1f ± %.1f, card %.1f ± %.1f: %.1f apart (allowed %.1f)", ll, se, card.Metrics["parzen_ll"], card.Metrics["parzen_se"], d, tol)
		}
		tb.screenshot(root, "gallery-mnist-one-estimate")

		tb.click("play")
		tb.poll(`!!document.querySelector('[data-test=fresh-d-confirm]')`, 10*time.Second)
		tb.click("fresh-d-go")
		tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent > %d`, s+2), 60*time.Second)
		tb.click("pause")
	})
}

// pageReady is true once the page's program runs (go-app's loading screen,
// which covers the page, is gone): the pre-rendered page says "idle" before.
const pageReady = `(!document.getElementById("app-wasm-loader") && performance.getEntriesByName("gan-mounted").length > 0)`

func atof(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}
