//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

func TestPage(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)

	t.Run("default demo trains, pauses and steps", func(t *testing.T) {
		start := time.Now()
		tb := open(t, browser, base+"/")
		tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training" && +document.querySelector('[data-test=step]').textContent > 0`, 45*time.Second)
		t.Logf("training %.1f s after navigation started; in the page's clock (ms): %v", time.Since(start).Seconds(),
			eval[map[string]float64](tb, `(() => {
				const m = (n) => (performance.getEntriesByName(n)[0] || {}).startTime;
				const r = (n) => (performance.getEntriesByType("resource").find((e) => e.name.endsWith(n)) || {}).responseEnd;
				return {"app.wasm fetched": r("/app.wasm"), "worker.wasm fetched": r("/worker.wasm"), mounted: m("gan-mounted"), "first training report": m("gan-training")};
			})()`))
		// How soon training starts and how long the main thread's tasks
		// run are timings: `make bench` measures them (app/bench
		// pageload.go) on a quiet machine. Here they are only reported,
		// so that a loaded machine cannot fail the test.
		eval[bool](tb, `(() => { window.__long = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({type: "longtask"}); return true; })()`)
		// The page reports its speed once the worker has timed a few
		// steps: wait for that, not a fixed while (a core's worth of
		// training per second waited).
		t1 := time.Now()
		if !tb.wait(`+document.querySelector('[data-test=steps-per-sec]').textContent > 0`, 15*time.Second) {
			t.Errorf("steps/s %q after %.0f s of training", tb.hook("steps-per-sec"), time.Since(t1).Seconds())
		}
		long := eval[[]float64](tb, `window.__long`)
		t.Logf("ring8 in the page: %s steps/s; long tasks (>50 ms) during %.1f s of training: %d %v", tb.hook("steps-per-sec"), time.Since(t1).Seconds(), len(long), long)
		tb.screenshot(root, "ring8-training")

		t0 := time.Now()
		tb.click("pause")
		tb.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 15*time.Second)
		t.Logf("pause answered in %d ms (click to status shown, polled every 50 ms)", time.Since(t0).Milliseconds())
		s1 := stepOf(tb)
		time.Sleep(400 * time.Millisecond)
		if s := stepOf(tb); s != s1 {
			t.Fatalf("paused at %d but the step moved to %d", s1, s)
		}
		tb.click("step-once")
		tb.poll(fmt.Sprintf(`+document.querySelector("[data-test=step]").textContent === %d`, s1+1), 45*time.Second)
		if fp := tb.hook("fingerprint"); len(fp) != 16 {
			t.Errorf("fingerprint %q while paused", fp)
		}
		// Keyboard: → steps, space plays and pauses. The events are
		// dispatched on the page's body: keys sent through CDP's input
		// domain were sometimes not delivered on this loaded machine (to a
		// button the click above left focused), which tested Chromium's
		// focus handling rather than the page's key bindings.
		press := func(key string) {
			eval[bool](tb, `(() => { document.activeElement?.blur(); document.body.dispatchEvent(new KeyboardEvent("keydown", {key: "`+key+`", bubbles: true})); return true })()`)
		}
		// A → right after a Step click used to leave the step unchanged:
		// the page throttles rendering to 5 per second and dropped the
		// last report of a burst (fixed in playground.go). The retry stays
		// as a guard that reports, rather than hides, a lost press; a
		// binding that never works still fails.
		press("ArrowRight")
		stepped := fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent >= %d`, s1+2)
		if !tb.wait(stepped, 5*time.Second) {
			t.Logf("WARNING: → did not step within 5 s (step %s); pressing again", tb.hook("step"))
			press("ArrowRight")
			tb.poll(stepped, 15*time.Second)
		}
		press(" ")
		tb.poll(`document.querySelector('[data-test=status]').textContent === "training"`, 15*time.Second)
		press(" ")
		tb.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 15*time.Second)
		tb.screenshot(root, "ring8-paused")
	})

	t.Run("fingerprint equals native training", func(t *testing.T) {
		const seed, steps = 4242, 200
		// The address is a new run's recipe: its keys over the data set's
		// defaults, as train -recipe reads it.
		rc, err := recipe.ParseNew(fmt.Sprintf("data=ring8&seed=%d&steps=%d", seed, steps))
		if err != nil {
			t.Fatal(err)
		}
		want := nativeFingerprint(t, rc.String())
		tb := open(t, browser, fmt.Sprintf("%s/#data=ring8&seed=%d&steps=%d&run=1", base, seed, steps))
		tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]')?.textContent === %d && document.querySelector('[data-test=status]').textContent !== "training"`, steps), 240*time.Second)
		tb.poll(`document.querySelector('[data-test=fingerprint]').textContent.length === 16`, 15*time.Second)
		if got := tb.hook("fingerprint"); got != want {
			t.Fatalf("page fingerprint %s, native %s", got, want)
		}
		if st := tb.hook("status"); st != "paused" {
			t.Errorf("status %q after steps=%d", st, steps)
		}
		tb.screenshot(root, "ring8-seed4242-step200")
	})

	t.Run("data sets and live settings", func(t *testing.T) {
		// Smaller nets than the default: screenshots need a few hundred steps.
		tb := open(t, browser, base+"/#seed=3&g=64,64&d=64,64&run=1")
		tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training"`, 45*time.Second)
		for _, name := range []string{"grid25", "spiral", "moons"} {
			tb.click("data-" + name)
			tb.poll(`location.hash.includes("data=`+name+`")`, 15*time.Second)
			// A new run restarts from 0; wait until it has trained a while.
			tb.poll(`document.querySelector('[data-test=run-recipe]').textContent.includes("data=`+name+`") && document.querySelector('[data-test=status]').textContent === "training" && +document.querySelector('[data-test=step]').textContent > 300`, 240*time.Second)
			tb.screenshot(root, name)
		}
		// A live change keeps the run going and shows in the URL.
		s := stepOf(tb)
		setField(tb, "set-lrg", "0.0005")
		eval[bool](tb, `(() => { document.querySelector('[data-test=set-lrg]').dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
		tb.poll(`location.hash.includes("lrg=0.0005")`, 15*time.Second)
		time.Sleep(300 * time.Millisecond)
		if s2 := stepOf(tb); s2 < s {
			t.Fatalf("changing lrg restarted the run: step %d → %d", s, s2)
		}
		// A bad value is refused, said so, and the field shows the value in force.
		eval[bool](tb, `(() => { const el = document.querySelector('[data-test=set-batch]'); el.value = "0"; el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
		tb.poll(`document.querySelector('[data-test=error]').textContent.includes("batch")`, 15*time.Second)
		if v := eval[string](tb, `document.querySelector('[data-test=set-batch]').value`); v != recipe.Default().Get("batch") {
			t.Errorf("batch field shows %q after a refused edit", v)
		}
		// A structural change restarts it.
		setField(tb, "set-loss", "lsgan")
		tb.poll(`location.hash.includes("loss=lsgan")`, 15*time.Second)
	})

	t.Run("presets and slow motion", func(t *testing.T) {
		tb := open(t, browser, base+"/#g=32,32&d=32,32")
		// The worker's report, not the server's pre-rendered "idle".
		resolved := func(text string) string {
			rc, err := recipe.ParseNew(text)
			if err != nil {
				t.Fatal(err)
			}
			return strconv.Quote(rc.String())
		}
		tb.poll(`document.querySelector('[data-test=run-recipe]')?.textContent === `+resolved("g=32,32&d=32,32"), 45*time.Second)
		// An idle page shows its picture (the data, D's verdict, G's grid)
		// before anything trains.
		tb.poll(`window.ganDrawn?.views > 0 && (() => { const c = document.querySelector('[data-test=view]'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4) if (d[i]) return true; return false })()`, 15*time.Second)
		choose := func(name string) {
			eval[bool](tb, `(() => { const el = document.querySelector('[data-test=preset]'); el.value = `+strconv.Quote(name)+`; el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`)
		}
		choose("Vanilla GAN (watch it collapse)")
		vanilla, err := recipe.Parse(recipe.Presets["vanilla"])
		if err != nil {
			t.Fatal(err)
		}
		tb.poll(`location.hash === `+strconv.Quote("#"+vanilla.Compact())+` && document.querySelector('[data-test=run-recipe]').textContent === `+strconv.Quote(vanilla.String()), 15*time.Second)
		// Slow motion: D's update, then G's, each shown for a while.
		tb.click("slowmo")
		tb.click("play")
		tb.poll(`document.querySelector('[data-test=phase]').textContent === "D update"`, 30*time.Second)
		tb.poll(`document.querySelector('[data-test=phase]').textContent === "G update"`, 15*time.Second)
		s := stepOf(tb)
		tb.poll(`document.querySelector('[data-test=phase]').textContent === "D update"`, 15*time.Second)
		tb.screenshot(root, "slowmo")
		tb.click("pause")
		tb.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 15*time.Second)
		if s2 := stepOf(tb); s2 > s+2 {
			t.Errorf("slow motion ran from step %d to %d in about a second", s, s2)
		}
		tb.click("slowmo")
		choose("Fast defaults")
		tb.poll(`location.hash.length <= 1 && document.querySelector('[data-test=run-recipe]').textContent === `+resolved("")+` && document.querySelector('[data-test=step]').textContent === "0"`, 15*time.Second)
	})

	t.Run("draw a custom distribution", func(t *testing.T) {
		tb := open(t, browser, base+"/#seed=5&g=64,64&d=64,64")
		tb.poll(pageReady+` && document.querySelector('[data-test=status]')?.textContent === "idle"`, 45*time.Second)
		tb.click("data-custom")
		tb.poll(`document.querySelector('[data-test=custom-count]') !== null`, 15*time.Second)
		box := eval[map[string]float64](tb, `(() => { const r = document.querySelector('[data-test=view]').getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height}; })()`)
		// A triangle of three blobs, then a short stroke.
		for _, p := range [][2]float64{{0.3, 0.3}, {0.7, 0.3}, {0.5, 0.7}} {
			tb.do(chromedp.MouseClickXY(box["x"]+p[0]*box["w"], box["y"]+p[1]*box["h"]))
		}
		x0, y0 := box["x"]+0.2*box["w"], box["y"]+0.8*box["h"]
		tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x0, y0, chromedp.ButtonLeft))
		for i := 1; i <= 5; i++ {
			tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x0+float64(i)*0.03*box["w"], y0, chromedp.ButtonLeft))
		}
		tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x0+0.15*box["w"], y0, chromedp.ButtonLeft))
		tb.poll(`+document.querySelector('[data-test=custom-count]').textContent >= 6`, 15*time.Second)
		tb.poll(`location.hash.includes("data=custom") && location.hash.includes("points=")`, 15*time.Second)
		tb.poll(`document.querySelector('[data-test=run-recipe]').textContent.includes("data=custom")`, 30*time.Second)
		tb.click("play")
		tb.poll(`+document.querySelector('[data-test=step]').textContent > 400`, 240*time.Second)
		tb.screenshot(root, "custom")
		frag := eval[string](tb, `decodeURIComponent(location.hash)`)
		if _, err := recipe.Parse(strings.TrimPrefix(frag, "#")); err != nil {
			t.Errorf("the URL %q is not a valid recipe: %v", frag, err)
		}
	})

	t.Run("divergence pauses with a message", func(t *testing.T) {
		tb := open(t, browser, base+"/#g=16&d=16&batch=32&opt=sgd&lrg=10&lrd=10&loss=lsgan&steps=0&run=1")
		tb.poll(`document.querySelector('[data-test=status]')?.textContent === "error"`, 90*time.Second)
		if e := tb.hook("error"); !strings.Contains(e, "diverged") {
			t.Fatalf("error %q", e)
		}
		s := stepOf(tb)
		tb.click("play")
		time.Sleep(500 * time.Millisecond)
		if stepOf(tb) != s || tb.hook("status") != "error" {
			t.Fatal("a diverged run went on training")
		}
		tb.screenshot(root, "diverged")
	})

	t.Run("bad fragment shows an error and the demo stays usable", func(t *testing.T) {
		tb := open(t, browser, base+"/#data=cifar&run=1")
		tb.poll(`document.querySelector('[data-test=error]')?.textContent.includes("data")`, 45*time.Second)
		tb.screenshot(root, "bad-fragment")
		tb.click("play")
		tb.poll(`+document.querySelector('[data-test=step]').textContent > 5`, 45*time.Second)
	})

	t.Run("a crashed worker is restarted", func(t *testing.T) {
		tb := open(t, browser, base+"/#run=1")
		tb.poll(`+document.querySelector('[data-test=step]')?.textContent > 5`, 45*time.Second)
		eval[bool](tb, `(window.ganKillWorker(), true)`)
		tb.poll(`document.querySelector('[data-test=error]').textContent.includes("killed")`, 15*time.Second)
		tb.poll(`document.querySelector('[data-test=status]').textContent === "idle"`, 30*time.Second)
		tb.screenshot(root, "worker-restarted")
		tb.click("play")
		tb.poll(`+document.querySelector('[data-test=step]').textContent > 5`, 45*time.Second)
	})

	t.Run("static site", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "site")
		cmd := exec.Command(appBin, "serve", "-web", filepath.Join(root, "web"), "-static", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %s", err, b)
		}
		// Any static file server: here Go's, which knows .wasm.
		srv := httptest.NewServer(http.FileServer(http.Dir(out)))
		defer srv.Close()
		tb := open(t, browser, srv.URL+"/#g=32,32&d=32,32&run=1")
		tb.poll(`+document.querySelector('[data-test=step]')?.textContent > 20`, 90*time.Second)
	})

	t.Run("MNIST", func(t *testing.T) {
		tb := open(t, browser, base+"/#data=mnist&digits=358&g=256,256&d=256,256&batch=64&run=1")
		_, err := os.Stat(root + "/web/data/mnist-train.bin")
		if err != nil {
			tb.poll(`document.querySelector('[data-test=error]')?.textContent.includes("MNIST")`, 45*time.Second)
			tb.screenshot(root, "mnist-missing")
			t.Logf("no MNIST asset: the page says %q", tb.hook("error"))
			return
		}
		tb.poll(`+document.querySelector('[data-test=step]')?.textContent > 20 || document.querySelector('[data-test=error]')?.textContent.length > 0`, 240*time.Second)
		if e := tb.hook("error"); e != "" {
			tb.screenshot(root, "mnist-error")
			t.Fatalf("MNIST: %s", e)
		}
		// The interpolation and nearest-neighbour views are drawn (not blank).
		for _, id := range []string{"interp", "nearest"} {
			tb.poll(`(() => { const c = document.querySelector('[data-test=`+id+`]'); if (!c) return false;
				const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
				for (let i = 0; i < d.length; i += 4) if (d[i] > 200) return true; return false })()`, 30*time.Second)
		}
		t.Logf("MNIST (g=d=256,256, batch 64) in the page: %s steps/s at step %s", tb.hook("steps-per-sec"), tb.hook("step"))
		tb.screenshot(root, "mnist")
		// The quick quality estimate: a progress bar, then the figures
		// beside the paper's table, while the worker keeps answering.
		eval[bool](tb, `(document.querySelector('[data-test=evaluate]').click(), true)`)
		tb.poll(`!!document.querySelector('[data-test=eval-progress]') || !!document.querySelector('[data-test=eval-parzen]') || !!document.querySelector('[data-test=eval-error]')`, 60*time.Second)
		tb.poll(`!!document.querySelector('[data-test=eval-parzen]') || !!document.querySelector('[data-test=eval-error]')`, 180*time.Second)
		if e := tb.hook("eval-error"); e != "<missing>" {
			t.Fatalf("quality estimate: %s", e)
		}
		t.Logf("quick estimate: %s; %s", tb.hook("eval-parzen"), tb.hook("eval-fd"))
		if !strings.Contains(tb.hook("eval-ours"), "±") {
			t.Errorf("the paper's table lacks our figure: %q", tb.hook("eval-ours"))
		}
		tb.screenshot(root, "mnist-quality")
	})
}

func stepOf(tb *tab) int {
	tb.t.Helper()
	s := tb.hook("step")
	n, err := strconv.Atoi(s)
	if err != nil {
		tb.t.Fatalf("step hook %q is not digits", s)
	}
	return n
}

func nativeFingerprint(t *testing.T, text string) string {
	t.Helper()
	tr, err := gan.FromText(text, -1)
	if err != nil {
		t.Fatal(err)
	}
	return tr.Fingerprint()
}

var _ = context.Background
