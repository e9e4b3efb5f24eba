//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The workshop promise: once the page says "Ready offline", it reloads and
// works with the server gone. Each check in offlineChecks runs in a fresh
// tab of the same browser after the server stopped; a new offline ability
// (loading a checkpoint, …) is one more entry.
var offlineChecks = []struct {
	name string
	run  func(t *testing.T, s *offlineSite)
}{
	{"ring8 trains", checkOfflineRing8},
	{"MNIST trains", checkOfflineMNIST},
	{"a checkpoint saves, reloads and loads", checkOfflineCheckpoint},
}

// offlineSite is a browser whose service worker has cached the site at
// base, and whose server is stopped.
type offlineSite struct {
	root, base string
	browser    context.Context
}

// TestOffline: the app's own server.
func TestOffline(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base, stop := startStoppableServer(t, root)
	runOffline(t, root, base, stop)
}

// TestOfflineStatic: `app serve -static` served by `python3 -m
// http.server`, as on a workshop's USB stick.
func TestOfflineStatic(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base, stop := serveStaticStoppable(t, root, nil)
	runOffline(t, root, base, stop)
}

// TestOfflineInstallFails: a site missing one file its service worker
// caches (a half-copied USB stick) must not claim to work offline.
func TestOfflineInstallFails(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := serveStatic(t, root, func(site string) {
		if err := os.Remove(filepath.Join(site, "web", "icon-512.png")); err != nil {
			t.Fatal(err)
		}
	})
	tb := open(t, newBrowser(t), base+"/")
	if !tb.wait(`document.querySelector('[data-test=offline]')?.dataset.state === "unavailable"`, 240*time.Second) {
		t.Fatalf("offline hook %q, want unavailable", tb.hook("offline"))
	}
	text := tb.hook("offline")
	t.Logf("offline hook: %q", text)
	if !strings.Contains(text, "caching failed") || !strings.Contains(text, "icon-512.png") {
		t.Errorf("offline hook %q does not say which file failed", text)
	}
	// The failed install leaves nothing behind, and the page still trains.
	if keys := evalAwait[[]string](tb, `caches.keys()`); len(keys) != 0 {
		t.Errorf("caches left after the failed install: %v", keys)
	}
	tb.poll(`+document.querySelector('[data-test=step]')?.textContent > 0`, 90*time.Second)
}

// serveStatic writes the site with `app serve -static`, lets edit change
// it, and serves it with `python3 -m http.server`, as on a workshop's USB
// stick. It returns the site's address.
func serveStatic(t *testing.T, root string, edit func(site string)) string {
	base, _ := serveStaticStoppable(t, root, edit)
	return base
}

func serveStaticStoppable(t *testing.T, root string, edit func(site string)) (base string, stop func()) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed to serve the static site (docs/offline.md's workshop recipe)")
	}
	if _, err := os.Stat(filepath.Join(root, "web", "app.wasm")); err != nil {
		t.Fatal("web/app.wasm is missing: run `make wasm` first")
	}
	bin := buildApp(t, root)
	site := filepath.Join(t.TempDir(), "site")
	if out, err := exec.Command(bin, "serve", "-web", filepath.Join(root, "web"), "-static", site).CombinedOutput(); err != nil {
		t.Fatalf("app serve -static: %v\n%s", err, out)
	}
	if edit != nil {
		edit(site)
	}
	addr := freeAddr(t)
	_, port, _ := strings.Cut(addr, ":")
	srv := exec.Command("python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", site, port)
	srv.Stdout, srv.Stderr = io.Discard, io.Discard // one log line per request
	base = "http://" + addr
	return base, startProcess(t, srv, base)
}

// runOffline loads the page until it reports offline-ready, stops the
// server, and runs offlineChecks.
func runOffline(t *testing.T, root, base string, stop func()) {
	browser := newBrowser(t)
	start := time.Now()
	tb := open(t, browser, base+"/")
	// The default demo starts training; what is checked here is the
	// service worker's copy, not the run: pausing it spares the test a
	// core's worth of training while the copy is made.
	pauseRun(tb)
	waitOfflineReady(t, tb, root)
	text := tb.hook("offline")
	cached := evalAwait[map[string]float64](tb, `(async () => {
		const files = JSON.parse(goappGetenv("GAN_OFFLINE_FILES"));
		const c = await caches.open("app-" + goappGetenv("GOAPP_VERSION"));
		let bytes = 0;
		for (const u of files) bytes += (await (await c.match(u)).blob()).size;
		return {files: files.length, bytes};
	})()`)
	t.Logf("offline-ready %.1f s after navigation: %q, %.0f files, %.1f MB cached", time.Since(start).Seconds(), text, cached["files"], cached["bytes"]/1e6)
	if cached["files"] < 10 {
		t.Errorf("only %.0f files cached", cached["files"])
	}
	// Its demo would train on, a core's worth, through every check below:
	// the service worker and its cache outlive the tab.
	tb.close()

	stop()
	if resp, err := http.Get(base + "/"); err == nil {
		resp.Body.Close()
		t.Fatal("the server still answers after stop")
	}
	s := &offlineSite{root: root, base: base, browser: browser}
	for _, c := range offlineChecks {
		t.Run(c.name, func(t *testing.T) { c.run(t, s) })
	}
}

// offlineReady is true once the page says it works offline.
const offlineReady = `document.querySelector('[data-test=offline]')?.dataset.state === "ready"`

// waitOfflineReady waits until the page says it works offline and returns
// the version it names.
func waitOfflineReady(t *testing.T, tb *tab, root string) string {
	t.Helper()
	if !tb.wait(offlineReady, 240*time.Second) {
		tb.screenshot(root, "offline-not-ready")
		t.Fatalf("the page never said it works offline: %q", tb.hook("offline"))
	}
	text := tb.hook("offline")
	v, ok := strings.CutPrefix(text, "Ready offline (version ")
	if !ok || !strings.HasSuffix(v, ")") {
		t.Fatalf("offline hook %q", text)
	}
	return strings.TrimSuffix(v, ")")
}

// TestOfflineUpdate: a static site replaced by a newer build while a page
// is open. The open page learns that a newer version is cached, its worker
// (restarted after a crash) refuses to be of the newer build, and a reload
// gets the newer build, offline too.
func TestOfflineUpdate(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	var site string
	base, stop := serveStaticStoppable(t, root, func(s string) { site = s })
	browser := newBrowser(t)
	a := open(t, browser, base+"/#data=ring8&run=1")
	vA := waitOfflineReady(t, a, root)
	// The page stays open while the site changes under it; its run need
	// not train meanwhile (the kill below starts a new worker anyway).
	pauseRun(a)

	// Build B: the same files but for a changed stylesheet, written over
	// the site while the page is open.
	web := filepath.Join(t.TempDir(), "web")
	if err := os.CopyFS(web, os.DirFS(filepath.Join(root, "web"))); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(web, "styles.css"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n/* build B */\n")
	f.Close()
	if out, err := exec.Command(appBin, "serve", "-web", web, "-static", site).CombinedOutput(); err != nil {
		t.Fatalf("app serve -static: %v\n%s", err, out)
	}
	evalAwait[bool](a, `navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true)`)
	if !a.wait(`document.querySelector('[data-test=offline]')?.dataset.state === "update"`, 240*time.Second) {
		t.Fatalf("the open page of version %s says %q, want a newer version cached", vA, a.hook("offline"))
	}
	t.Logf("the open page: %q", a.hook("offline"))
	// Its cache is gone: a new worker would come from the site, of build B.
	eval[bool](a, `(window.ganKillWorker(), true)`)
	a.poll(`document.querySelector('[data-test=error]')?.textContent.includes("the site now has version")`, 60*time.Second)
	t.Logf("the open page's new worker: %q", a.hook("error"))

	b := open(t, browser, base+"/#data=ring8&run=1")
	vB := waitOfflineReady(t, b, root)
	if vB == vA {
		t.Fatalf("the reloaded page is still version %s", vA)
	}
	if keys := evalAwait[[]string](b, `caches.keys()`); len(keys) != 1 || keys[0] != "app-"+vB {
		t.Errorf("caches %v, want only app-%s", keys, vB)
	}
	b.close() // its run would train on while c loads
	stop()
	c := open(t, browser, base+"/#data=ring8&run=1")
	c.poll(`+document.querySelector('[data-test=step]')?.textContent > 0`, 90*time.Second)
	if v := waitOfflineReady(t, c, root); v != vB {
		t.Errorf("offline page of version %s, want %s", v, vB)
	}
}

// pauseRun waits until the page trains, then pauses it.
func pauseRun(tb *tab) {
	tb.t.Helper()
	tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training"`, 90*time.Second)
	jsClick(tb, "pause")
	tb.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 30*time.Second)
}

// evalAwait is eval for an expression that returns a promise.
func evalAwait[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// checkOfflineRing8: the page comes up from the cache, says so, and trains.
func checkOfflineRing8(t *testing.T, s *offlineSite) {
	tb := open(t, s.browser, s.base+"/#data=ring8&run=1")
	tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training" && +document.querySelector('[data-test=step]').textContent > 0`, 90*time.Second)
	if !eval[bool](tb, `navigator.serviceWorker.controller !== null`) {
		t.Error("the offline page is not served by the service worker")
	}
	n := stepOf(tb)
	tb.poll(`+document.querySelector('[data-test=step]').textContent > `+strconv.Itoa(n), 60*time.Second)
	tb.poll(`document.querySelector('[data-test=offline]')?.dataset.state === "ready"`, 30*time.Second)
	if e := tb.hook("error"); e != "" {
		t.Errorf("error hook: %q", e)
	}
	tb.screenshot(s.root, "offline-ring8")
}

// checkOfflineCheckpoint: with the server gone, a run is saved in
// IndexedDB, the page reloads from the cache, and the checkpoint loads at
// the same fingerprint.
func checkOfflineCheckpoint(t *testing.T, s *offlineSite) {
	const n = 40
	tb := open(t, s.browser, fmt.Sprintf("%s/#data=ring8&seed=77&steps=%d&run=1", s.base, n))
	tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]')?.textContent === %d && document.querySelector('[data-test=status]').textContent === "paused"`, n), 120*time.Second)
	tb.poll(`document.querySelector('[data-test=fingerprint]').textContent.length === 16`, 15*time.Second)
	fp := tb.hook("fingerprint")
	waitStore(tb)
	setField(tb, "autosave", "0")
	saveAs(tb, "offline-save")
	tb.poll(itemJS("offline-save")+` !== null`, 30*time.Second)
	tb.do(chromedp.Reload())
	waitStore(tb)
	setField(tb, "autosave", "0")
	tb.poll(itemJS("offline-save")+` !== null`, 30*time.Second)
	// The reloaded page's own run to step n must not be what we see.
	setField(tb, "set-seed", "78")
	clickItem(tb, "offline-save", "ckpt-load")
	tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent === %d && document.querySelector('[data-test=fingerprint]').textContent === %q`, n, fp), 60*time.Second)
	tb.screenshot(s.root, "offline-checkpoint")
}

// checkOfflineMNIST: the MNIST asset comes from the cache too.
func checkOfflineMNIST(t *testing.T, s *offlineSite) {
	if _, err := os.Stat(filepath.Join(s.root, "web", "data", "mnist-train.bin")); err != nil {
		t.Skip("no web/data/mnist-train.bin (make assets): nothing to check offline")
	}
	tb := open(t, s.browser, s.base+"/#data=mnist&digits=358&g=256,256&d=256,256&batch=64&run=1")
	tb.poll(`+document.querySelector('[data-test=step]')?.textContent > 5 || document.querySelector('[data-test=error]')?.textContent.length > 0`, 240*time.Second)
	if e := tb.hook("error"); e != "" {
		tb.screenshot(s.root, "offline-mnist-error")
		t.Fatalf("MNIST offline: %s", e)
	}
	tb.screenshot(s.root, "offline-mnist")
}
