//go:build !(js && wasm)

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/storage"
	"github.com/chromedp/chromedp"
)

// The checkpoints panel in a real browser: a run saved in IndexedDB
// survives a reload and resumes bit-identically; a full quota, a damaged
// record and a garbage file are each reported, and lose nothing.
func TestCheckpoints(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	const seed, n, m = 4343, 100, 200
	tmp := t.TempDir()
	// The CLI trains the uninterrupted run and writes its checkpoint.
	cliFile := filepath.Join(tmp, "cli.gan")
	want := cliTrain(t, fmt.Sprintf("data=ring8&seed=%d&steps=%d", seed, m), cliFile)

	tb := open(t, browser, fmt.Sprintf("%s/#data=ring8&seed=%d&steps=%d&run=1", base, seed, n))
	var savedFP string

	t.Run("save, reload, load and resume", func(t *testing.T) {
		tb.t = t
		tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]')?.textContent === %d && document.querySelector('[data-test=status]').textContent === "paused"`, n), 240*time.Second)
		tb.poll(`document.querySelector('[data-test=fingerprint]').textContent.length === 16`, 15*time.Second)
		savedFP = tb.hook("fingerprint")
		waitStore(tb)
		setField(tb, "autosave", "0") // the list holds only what the test saves, until the autosave check
		saveAs(tb, "resume-test")
		if !tb.wait(itemJS("resume-test")+` !== null`, 30*time.Second) {
			tb.screenshot(root, "debug-save")
			t.Fatalf("not listed: info %q error %q last op %v", tb.hook("keep-info"), tb.hook("keep-error"), eval[any](tb, `window.ganLastOp`))
		}
		if info := eval[string](tb, itemJS("resume-test")+`.querySelector('[data-test=ckpt-info]').textContent`); !strings.Contains(info, fmt.Sprintf("ring8 · step %d", n)) {
			t.Errorf("item info %q", info)
		}
		if mt := eval[string](tb, `(`+itemJS("resume-test")+`.querySelector('[data-test=ckpt-metrics]')||{textContent:""}).textContent`); !strings.Contains(mt, "/8 modes") || !strings.Contains(mt, "JSD") {
			t.Errorf("item metrics %q", mt)
		}
		if w := eval[int](tb, itemJS("resume-test")+`.querySelector('img').naturalWidth`); w == 0 {
			t.Error("no thumbnail")
		}

		// The page reloads (its URL starts a fresh run to step n) and the
		// checkpoint is still listed.
		tb.do(chromedp.Reload())
		waitStore(tb)
		setField(tb, "autosave", "0")
		tb.poll(itemJS("resume-test")+` !== null`, 30*time.Second)
		tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training" || +document.querySelector('[data-test=step]').textContent > 0`, 60*time.Second)
		clickItem(tb, "resume-test", "ckpt-load")
		tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent === %d && document.querySelector('[data-test=status]').textContent === "paused" && document.querySelector('[data-test=fingerprint]').textContent === %q`, n, savedFP), 60*time.Second)
		tb.poll(`document.querySelector('[data-test=keep-info]').textContent.includes("Loaded")`, 15*time.Second)

		setField(tb, "set-steps", strconv.Itoa(m))
		jsClick(tb, "play")
		tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent === %d && document.querySelector('[data-test=status]').textContent === "paused"`, m), 240*time.Second)
		tb.poll(`document.querySelector('[data-test=fingerprint]').textContent.length === 16`, 15*time.Second)
		if got := tb.hook("fingerprint"); got != want {
			t.Fatalf("saved at %d, reloaded, loaded and resumed to %d: fingerprint %s; the CLI's uninterrupted run: %s", n, m, got, want)
		}
		t.Logf("resumed run %d → %d: fingerprint %s = CLI", n, m, want)
	})

	t.Run("a full quota is reported and loses nothing", func(t *testing.T) {
		tb.t = t
		before := items(tb)
		quota := 1.0
		callCDP(tb, func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, storage.OverrideQuotaForOrigin, storage.OverrideQuotaForOriginParams{Origin: base, QuotaSize: &quota})
			return err
		})
		defer callCDP(tb, func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, storage.OverrideQuotaForOrigin, storage.OverrideQuotaForOriginParams{Origin: base})
			return err
		})
		// Chromium's IndexedDB grants writes from a cached figure of the
		// room left, trusted for 30 s after it last asked the quota
		// manager (its bucket space cache), and the saves and loads above
		// have just filled that cache; leaving the page and coming back
		// does not empty it. So save again every few seconds, deleting any
		// save that slips through, until one is refused: a little past the
		// cache's 30 s, rather than a fixed wait sized for the worst case.
		full := `document.querySelector('[data-test=keep-error]').textContent.includes("no room left")`
		start := time.Now()
		slipped := 0
		for {
			if slipped > 0 {
				time.Sleep(3 * time.Second)
			}
			saveAs(tb, "too-big")
			tb.poll(full+` || `+itemJS("too-big")+` !== null`, 30*time.Second)
			if eval[bool](tb, full) {
				break
			}
			if time.Since(start) > 120*time.Second {
				t.Fatalf("with a quota of %v bytes, %d saves in %.0f s went through", quota, slipped+1, time.Since(start).Seconds())
			}
			slipped++
			clickItem(tb, "too-big", "ckpt-delete")
			tb.poll(itemJS("too-big")+` === null`, 30*time.Second)
			if got := items(tb); strings.Join(got, "|") != strings.Join(before, "|") {
				t.Fatalf("deleting too-big left %v, not %v", got, before)
			}
		}
		t.Logf("refused %.0f s after the quota went down (%d saves slipped through and were deleted); the page says: %s", time.Since(start).Seconds(), slipped, tb.hook("keep-error"))
		tb.screenshot(root, "checkpoints-quota")
		if got := items(tb); strings.Join(got, "|") != strings.Join(before, "|") {
			t.Fatalf("the list changed from %v to %v", before, got)
		}
		// The earlier checkpoint still loads (over the run trained on above).
		clickItem(tb, "resume-test", "ckpt-load")
		tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent === %d && document.querySelector('[data-test=fingerprint]').textContent === %q`, n, savedFP), 60*time.Second)
	})

	t.Run("a damaged record is reported, skipped, and removed on request", func(t *testing.T) {
		tb.t = t
		// Two bad records written behind the page's back: metadata that is
		// not JSON, and good metadata over bytes that are not a checkpoint.
		writeBad := `new Promise((ok, fail) => {
			const r = indexedDB.open("ganplayground");
			r.onerror = () => fail(r.error);
			r.onsuccess = () => {
				const db = r.result, tx = db.transaction(["meta", "blobs"], "readwrite");
				tx.objectStore("meta").put("{this is not json", "garbage-1");
				tx.objectStore("blobs").put(new Blob(["xx"]), "garbage-1");
				const good = JSON.stringify({v: 1, id: "garbage-2", name: "bad bytes", data: "ring8", recipe: "", step: 3,
					created: new Date().toISOString(), size: 40, fp: "0123456789abcdef"});
				tx.objectStore("meta").put(good, "garbage-2");
				tx.objectStore("blobs").put(new Blob([new Uint8Array(40)]), "garbage-2");
				tx.oncomplete = () => { db.close(); ok(true); };
				tx.onerror = () => fail(tx.error);
			};
		})`
		callCDP(tb, func(ctx context.Context) error {
			_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](writeBad, chromedp.EvalAwaitPromise))
			return err
		})
		tb.do(chromedp.Reload())
		waitStore(tb)
		setField(tb, "autosave", "0")
		tb.poll(`document.querySelector('[data-test=keep-warning]').textContent.includes("2 damaged checkpoints skipped")`, 30*time.Second)
		t.Logf("the page says: %s", tb.hook("keep-warning"))
		if got := items(tb); len(got) != 1 || got[0] != "resume-test" {
			t.Fatalf("listed %v, want only resume-test", got)
		}
		// Remove damaged deletes exactly the two bad records.
		jsClick(tb, "keep-remove-damaged")
		tb.poll(`document.querySelector('[data-test=keep-info]').textContent.includes("Removed 2 damaged checkpoints")`, 30*time.Second)
		tb.poll(`document.querySelector('[data-test=keep-warning]').hidden && !document.querySelector('[data-test=keep-remove-damaged]')`, 10*time.Second)
		if got := items(tb); len(got) != 1 || got[0] != "resume-test" {
			t.Fatalf("after removing the damaged ones: listed %v, want only resume-test", got)
		}
		var keys []string
		callCDP(tb, func(ctx context.Context) error {
			var err error
			keys, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`new Promise((ok, fail) => {
				const r = indexedDB.open("ganplayground");
				r.onerror = () => fail(r.error);
				r.onsuccess = () => {
					const db = r.result, q = db.transaction(["blobs"]).objectStore("blobs").getAllKeys();
					q.onsuccess = () => { db.close(); ok(q.result.map(String)); };
					q.onerror = () => fail(q.error);
				};
			})`, chromedp.EvalAwaitPromise))
			return err
		})
		for _, k := range keys {
			if strings.HasPrefix(k, "garbage-") {
				t.Errorf("blob %s is still stored (keys %v)", k, keys)
			}
		}
		if len(keys) != 1 {
			t.Errorf("blobs stored: %v, want resume-test's only", keys)
		}
	})

	t.Run("files: a garbage file is refused, a CLI checkpoint loads, export", func(t *testing.T) {
		tb.t = t
		tb.poll(`document.querySelector('[data-test=step]').textContent !== "" && document.querySelector('[data-test=fingerprint]').textContent.length === 16`, 60*time.Second)
		jsClick(tb, "pause")
		tb.poll(`document.querySelector('[data-test=status]').textContent !== "training"`, 30*time.Second)
		step, fp := tb.hook("step"), tb.hook("fingerprint")
		before := items(tb)
		junk := filepath.Join(tmp, "holiday.jpg")
		os.WriteFile(junk, []byte("\xff\xd8\xff\xe0 not a checkpoint at all"), 0o644)
		tb.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-test=import]`), []string{junk}))
		tb.poll(`document.querySelector('[data-test=keep-error]').textContent.includes("not a GAN Playground checkpoint")`, 30*time.Second)
		t.Logf("the page says: %s", tb.hook("keep-error"))
		if s, f := tb.hook("step"), tb.hook("fingerprint"); s != step || f != fp {
			t.Fatalf("a refused file changed the run: step %s→%s, fingerprint %s→%s", step, s, fp, f)
		}
		if got := items(tb); strings.Join(got, "|") != strings.Join(before, "|") {
			t.Fatalf("the list changed from %v to %v", before, got)
		}
		// The CLI's file (the uninterrupted run to m) opens in the page.
		tb.do(chromedp.SetUploadFiles(chromedp.CSS(`[data-test=import]`), []string{cliFile}))
		tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent === %d && document.querySelector('[data-test=fingerprint]').textContent === %q`, m, want), 60*time.Second)
		// Export: a file of the core format is offered.
		jsClick(tb, "export")
		tb.poll(`window.ganLastFile && window.ganLastFile.name === "ring8-step`+strconv.Itoa(m)+`.gan" && window.ganLastFile.size > 1000`, 30*time.Second)
		if fi, err := os.Stat(cliFile); err == nil {
			if size := eval[int](tb, `window.ganLastFile.size`); int64(size) != fi.Size() {
				t.Errorf("exported %d bytes, the CLI's file of the same run has %d", size, fi.Size())
			}
		}
	})

	t.Run("autosave while training", func(t *testing.T) {
		tb.t = t
		setField(tb, "autosave", "5")
		setField(tb, "set-steps", "0") // no limit
		jsClick(tb, "play")
		tb.poll(itemJS("autosave")+` !== null`, 120*time.Second)
		first := eval[string](tb, itemJS("autosave")+`.querySelector('[data-test=ckpt-info]').textContent`)
		// One rolling record: a later autosave replaces it.
		tb.poll(itemJS("autosave")+`.querySelector('[data-test=ckpt-info]').textContent !== `+strconv.Quote(first), 120*time.Second)
		if n := eval[int](tb, `[...document.querySelectorAll('[data-test=checkpoints] > [data-test=checkpoint]')].filter((li) => li.querySelector('[data-test=ckpt-name]').textContent === "autosave").length`); n != 1 {
			t.Errorf("%d autosave records", n)
		}
		jsClick(tb, "pause")
		tb.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 30*time.Second)
		tb.poll(`document.querySelector('[data-test=keep-info]').textContent === "" || !document.querySelector('[data-test=keep-info]').textContent.includes("…")`, 30*time.Second)

		// Rename and delete act on the item they belong to, wherever the
		// list has moved it (autosave records come and go at the top).
		clickItem(tb, "resume-test", "ckpt-rename")
		tb.poll(`document.querySelector('[data-test=ckpt-rename-name]') !== null`, 15*time.Second)
		eval[bool](tb, `(document.querySelector('[data-test=ckpt-rename-name]').value = "resumed at 100", true)`)
		jsClick(tb, "ckpt-rename-ok")
		tb.poll(itemJS("resumed at 100")+` !== null`, 30*time.Second)
		saveAs(tb, "newest")
		tb.poll(itemJS("newest")+` !== null`, 30*time.Second)
		clickItem(tb, "autosave", "ckpt-delete")
		tb.poll(itemJS("autosave")+` === null`, 30*time.Second)
		if got := strings.Join(items(tb), "|"); got != "newest|resumed at 100" {
			t.Errorf("after rename, save and delete the list is %q", got)
		}
		t.Logf("list: %v", items(tb))
		tb.screenshot(root, "checkpoints")
		panelShot(tb, root, "checkpoints-panel")
	})
}

// Without IndexedDB (as in some private modes) the panel says that
// checkpoints live in memory only, and saving and loading still work.
func TestNoIDB(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	tb := openWithScript(t, browser, `Object.defineProperty(window, "indexedDB", {value: undefined, configurable: true});`, base+"/#g=16,16&d=16,16&steps=30&run=1")
	waitStore(tb)
	tb.poll(`document.querySelector('[data-test=keep-warning]').textContent.includes("in memory only")`, 30*time.Second)
	t.Logf("the page says: %s", tb.hook("keep-warning"))
	tb.poll(`+document.querySelector('[data-test=step]').textContent === 30 && document.querySelector('[data-test=fingerprint]').textContent.length === 16`, 120*time.Second)
	fp := tb.hook("fingerprint")
	saveAs(tb, "in memory")
	tb.poll(itemJS("in memory")+` !== null`, 30*time.Second)
	jsClick(tb, "reset")
	tb.poll(`document.querySelector('[data-test=step]').textContent === "0"`, 30*time.Second)
	clickItem(tb, "in memory", "ckpt-load")
	tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent === 30 && document.querySelector('[data-test=fingerprint]').textContent === %q`, fp), 30*time.Second)
	panelShot(tb, root, "checkpoints-no-indexeddb")
}

// cliTrain runs `app train` and returns the fingerprint it prints.
func cliTrain(t *testing.T, recipe, out string) string {
	t.Helper()
	if appBin == "" {
		t.Fatal("the app is not built")
	}
	b, err := exec.Command(appBin, "train", "-recipe", recipe, "-o", out, "-quiet").Output()
	if err != nil {
		t.Fatalf("app train: %v", err)
	}
	var res struct{ Fingerprint string }
	if err := json.Unmarshal(b, &res); err != nil || len(res.Fingerprint) != 16 {
		t.Fatalf("app train printed %q: %v", b, err)
	}
	return res.Fingerprint
}

// waitStore waits until the panel has opened the store and listed it.
func waitStore(tb *tab) {
	tb.t.Helper()
	tb.poll(`document.querySelector('[data-test=storage]')?.textContent.length > 0`, 60*time.Second)
}

func saveAs(tb *tab, name string) {
	tb.t.Helper()
	setField(tb, "save-name", name)
	jsClick(tb, "save")
}

// jsClick clicks a button through the DOM: a mouse click at coordinates
// can land beside it when the panel's messages move the layout meanwhile.
func jsClick(tb *tab, hook string) {
	tb.t.Helper()
	eval[bool](tb, fmt.Sprintf(`(document.querySelector('[data-test=%q]').click(), true)`, hook))
}

// setField types a value into a form field and fires its change event.
func setField(tb *tab, hook, v string) {
	tb.t.Helper()
	eval[bool](tb, fmt.Sprintf(`(() => { const el = document.querySelector('[data-test=%q]'); el.value = %q; el.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, hook, v))
}

// itemJS is a JavaScript expression for the list item named name (or null).
func itemJS(name string) string {
	return fmt.Sprintf(`([...document.querySelectorAll('[data-test=checkpoints] > [data-test=checkpoint]')].find((li) => li.querySelector('[data-test=ckpt-name]')?.textContent === %q) || null)`, name)
}

func clickItem(tb *tab, name, hook string) {
	tb.t.Helper()
	eval[bool](tb, fmt.Sprintf(`(%s.querySelector('[data-test=%s]').click(), true)`, itemJS(name), hook))
}

// items are the names listed, in order.
func items(tb *tab) []string {
	tb.t.Helper()
	return eval[[]string](tb, `[...document.querySelectorAll('[data-test=checkpoints] > [data-test=checkpoint]')].map((li) => li.querySelector('[data-test=ckpt-name]').textContent)`)
}

func callCDP(tb *tab, f func(context.Context) error) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := f(ctx); err != nil {
		tb.t.Fatal(err)
	}
}

// panelShot saves a picture of the checkpoints panel alone.
func panelShot(tb *tab, root, name string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(`details.checkpoints`)))
	if err != nil {
		tb.t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, "artifacts"), 0o755)
	if err := os.WriteFile(filepath.Join(root, "artifacts", name+".png"), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}
