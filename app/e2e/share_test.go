//go:build !(js && wasm)

package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/share"
)

// Share a trained ring8 model, open the link in another browser profile
// and see the same model (same fingerprint, same samples) before any
// training step; then train on. Broken links are reported and change
// nothing. Downloads: the samples as PNG, G as safetensors.
func TestShareLinks(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	sender := open(t, newBrowser(t), base+"/#steps=300&run=1")
	sender.poll(`document.querySelector('[data-test=step]')?.textContent === "300" && document.querySelector('[data-test=status]').textContent === "paused"`, 240*time.Second)

	sender.click("share")
	sender.poll(`document.querySelector('[data-test=share-url]')?.value.includes("#model=")`, 60*time.Second)
	url := eval[string](sender, `document.querySelector('[data-test=share-url]').value`)
	wantFP, wantSamples := sender.hook("share-fingerprint"), sender.hook("share-samples")
	t.Logf("ring8 (default net) after 300 steps: %s; URL %d characters", sender.hook("share-size"), len(url))
	if !strings.HasPrefix(url, base+"/#model=R0FOA") || len(wantFP) != 16 || len(wantSamples) != 16 {
		t.Fatalf("url %.80q… fingerprint %q samples %q", url, wantFP, wantSamples)
	}
	// The link opens natively to the same weights: WASM and native agree
	// bit for bit, and the fingerprint the page announces is the receiver's.
	value, _ := share.FromFragment(url[strings.Index(url, "#"):])
	tr, info, err := share.Decode(value)
	if err != nil {
		t.Fatalf("the page's link does not decode natively: %v", err)
	}
	// The page's address is a new run's recipe (its data set's defaults
	// under the keys it names): the link carries it resolved.
	sent, err := recipe.ParseNew("steps=300")
	if err != nil {
		t.Fatal(err)
	}
	lifted := sent
	if err := lifted.Set("steps", "0"); err != nil {
		t.Fatal(err)
	}
	if tr.Fingerprint() != wantFP || info.Step != 300 || info.Recipe != sent.String() {
		t.Fatalf("native decode: fingerprint %s (page %s), step %d, recipe %q", tr.Fingerprint(), wantFP, info.Step, info.Recipe)
	}
	sender.screenshot(root, "share-sender")

	// A fresh browser: its own profile (user-data-dir), nothing shared
	// with the sender but the URL.
	receiver := open(t, newBrowser(t), url)
	// A light status report can come before the snapshot with the views:
	// wait for both to show the opened model.
	if !receiver.wait(fmt.Sprintf(`document.querySelector('[data-test=share-opened]') !== null && document.querySelector('[data-test=fingerprint]').textContent === %q && document.querySelector('[data-test=samples-sum]').textContent === %q`, wantFP, wantSamples), 60*time.Second) {
		t.Errorf("the opened model never showed the sender's fingerprint and samples")
	}
	// With its D (when it fits the link) the model opens at its step, the
	// limit it reached lifted (wasm/share.go); without, at step 0.
	wantStep, wantRecipe := "0", sent.String()
	if info.WithD {
		wantStep, wantRecipe = "300", lifted.String()
	}
	t.Logf("ring8 link at step 300: %d bytes, %s, with D %v", info.Bytes, info.Quant, info.WithD)
	if fp, s, st, step, rcp := receiver.hook("fingerprint"), receiver.hook("samples-sum"), receiver.hook("status"), receiver.hook("step"), receiver.hook("run-recipe"); fp != wantFP || s != wantSamples || st != "paused" || step != wantStep || rcp != wantRecipe {
		t.Fatalf("opened: fingerprint %s (want %s), samples %s (want %s), status %s, step %s, recipe %q", fp, wantFP, s, wantSamples, st, step, rcp)
	}
	if e := receiver.hook("error"); e != "" {
		t.Errorf("error shown after a good link: %q", e)
	}
	receiver.screenshot(root, "share-receiver")
	receiver.click("play")
	receiver.poll(`+document.querySelector('[data-test=step]').textContent > 10 + `+wantStep, 60*time.Second)
	receiver.click("pause")
	receiver.poll(`document.querySelector('[data-test=status]').textContent === "paused"`, 15*time.Second)

	// Broken links, by hashchange on the page: each is reported, and the
	// model on the page stays (same fingerprint) and keeps working.
	good := url[strings.Index(url, "#model=")+len("#model="):]
	mid := len(good) / 2
	flipped := "A"
	if good[mid] == 'A' {
		flipped = "B"
	}
	for _, c := range []struct{ name, js, want string }{
		{"truncated", fmt.Sprintf("%q", good[:len(good)*2/3]), "damaged or cut short"},
		{"tampered", fmt.Sprintf("%q", good[:mid]+flipped+good[mid+1:]), "damaged or cut short"},
		{"absurdly long", `"A".repeat(300000)`, "too long"},
	} {
		fp, step := receiver.hook("fingerprint"), stepOf(receiver)
		eval[bool](receiver, `(() => { location.hash = "model=" + `+c.js+`; return true })()`)
		receiver.poll(`document.querySelector('[data-test=error]').textContent.includes(`+fmt.Sprintf("%q", c.want)+`)`, 30*time.Second)
		t.Logf("%s link: %s", c.name, receiver.hook("error"))
		if !strings.Contains(receiver.hook("error"), "kept") || receiver.hook("fingerprint") != fp || stepOf(receiver) != step {
			t.Fatalf("%s: error %q, fingerprint %s → %s, step %d → %d", c.name, receiver.hook("error"), fp, receiver.hook("fingerprint"), step, stepOf(receiver))
		}
		if c.name == "tampered" {
			receiver.screenshot(root, "share-tampered")
		}
		receiver.click("step-once") // also clears the message
		receiver.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]').textContent === %d`, step+1), 30*time.Second)
	}

	// A bad link with the page: the default demo, with the message.
	demo := open(t, newBrowser(t), base+"/#model="+good[:100])
	demo.poll(`document.querySelector('[data-test=error]')?.textContent.includes("default demo")`, 60*time.Second)
	def, err := recipe.ParseNew("")
	if err != nil {
		t.Fatal(err)
	}
	if r := demo.hook("run-recipe"); r != def.String() {
		t.Errorf("recipe %q after a bad link on load, want the default", r)
	}
	demo.click("play")
	demo.poll(`+document.querySelector('[data-test=step]').textContent > 0`, 60*time.Second)
	demo.close() // its run would train on through the downloads below

	// Downloads, from the sender: G as safetensors, the samples as PNG.
	sender.click("export-safetensors")
	sender.poll(`window.ganLastDownload?.name.endsWith(".safetensors")`, 30*time.Second)
	st := download(t, sender)
	n := binary.LittleEndian.Uint64(st)
	if n%8 != 0 || int(n)+8 > len(st) || st[8] != '{' || !bytes.Contains(st[8:8+n], []byte(`"g.0.weight":{"dtype":"F32","shape":[`)) || !bytes.Contains(st[8:8+n], []byte(`"recipe":"`)) {
		t.Fatalf("safetensors header: %q", st[:min(len(st), 300)])
	}
	t.Logf("%s: %d bytes", eval[string](sender, `window.ganLastDownload.name`), len(st))
	sender.click("export-png")
	sender.poll(`window.ganLastDownload?.name.endsWith(".png")`, 30*time.Second)
	png := download(t, sender)
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) || len(png) < 2000 {
		t.Fatalf("PNG: %d bytes, starts % x", len(png), png[:min(len(png), 8)])
	}
	os.WriteFile(root+"/artifacts/share-samples-export.png", png, 0o644)
	t.Logf("%s: %d bytes", eval[string](sender, `window.ganLastDownload.name`), len(png))
}

// download fetches the page's last download (window.ganLastDownload).
func download(t *testing.T, tb *tab) []byte {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	b64, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(window.ganLastDownload.url).then((r) => r.arrayBuffer()).then((b) => {
		let s = ""; const u = new Uint8Array(b);
		for (let i = 0; i < u.length; i += 8192) s += String.fromCharCode(...u.subarray(i, i + 8192));
		return btoa(s);
	})`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// MNIST: the gallery's MNIST nets are too large for a link, and the page says so
// and offers the weights file; a tiny MNIST net travels as a link, and the
// worker fetches the data set before opening it.
func TestShareMNIST(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm assets`)")
	}
	root := repoRoot(t)
	if _, err := os.Stat(root + "/web/data/mnist-train.bin"); err != nil {
		t.Fatal("web/data/mnist-train.bin is missing: run `make assets`")
	}
	base := startServer(t, root)
	browser := newBrowser(t)
	const galleryNets = "data=mnist&z=100&g=256,512&d=512,256&gact=leaky&ddrop=0.3&opt=sgd&lrg=0.1&lrd=0.1&momramp=20000&decay=1&batch=64&pack=1" // the gallery's MNIST nets (app preset mnist-all)
	tb := open(t, browser, base+"/#"+galleryNets+"&steps=20&run=1")
	tb.poll(`document.querySelector('[data-test=step]')?.textContent === "20" && document.querySelector('[data-test=status]').textContent === "paused"`, 240*time.Second)
	tb.click("share")
	tb.poll(`document.querySelector('[data-test=share-too-large]') !== null`, 60*time.Second)
	msg := tb.hook("share-too-large")
	t.Logf("the gallery's MNIST nets after 20 steps: %s", msg)
	if !strings.Contains(msg, "559632 parameters") || !strings.Contains(msg, "safetensors") || eval[bool](tb, `document.querySelector('[data-test=share-url]') !== null`) {
		t.Errorf("too-large message %q", msg)
	}
	tb.screenshot(root, "share-mnist-too-large")
	tb.click("export-safetensors")
	tb.poll(`window.ganLastDownload?.name.endsWith(".safetensors")`, 60*time.Second)
	if size := eval[int](tb, `window.ganLastDownload.size`); size < 559632*4 || size > 559632*4+4096 {
		t.Errorf("safetensors of 559632 float32: %d bytes", size)
	}
	tb.click("export-png")
	tb.poll(`window.ganLastDownload?.name.endsWith(".png")`, 30*time.Second)
	if png := download(t, tb); !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Errorf("not a PNG: % x", png[:min(8, len(png))])
	}

	tiny := open(t, browser, base+"/#data=mnist&z=8&g=32&d=32&batch=16&pack=1&steps=30&run=1")
	tiny.poll(`document.querySelector('[data-test=step]')?.textContent === "30" && document.querySelector('[data-test=status]').textContent === "paused"`, 240*time.Second)
	tiny.click("share")
	tiny.poll(`document.querySelector('[data-test=share-url]')?.value.includes("#model=")`, 60*time.Second)
	url := eval[string](tiny, `document.querySelector('[data-test=share-url]').value`)
	fp, samples := tiny.hook("share-fingerprint"), tiny.hook("share-samples")
	t.Logf("tiny MNIST net: %s", tiny.hook("share-size"))
	tr, _, err := share.Decode(url[strings.Index(url, "#"):])
	if err != nil {
		t.Fatalf("the page's MNIST link does not decode natively: %v", err)
	}
	rx := open(t, newBrowser(t), url)
	if !rx.wait(fmt.Sprintf(`document.querySelector('[data-test=fingerprint]')?.textContent === %q && document.querySelector('[data-test=samples-sum]').textContent === %q && document.querySelector('[data-test=step]').textContent === "%d"`, fp, samples, tr.Step), 120*time.Second) {
		t.Fatalf("opened MNIST link: fingerprint %s (want %s), samples %s (want %s), step %s, error %q",
			rx.hook("fingerprint"), fp, rx.hook("samples-sum"), samples, rx.hook("step"), rx.hook("error"))
	}
	rx.screenshot(root, "share-mnist-opened")
}
