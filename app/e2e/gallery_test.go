//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/share"
)

// The gallery's pretrained models open at once, without training, as the
// very weights eval measured: the page's fingerprint equals the native
// decoding of the bundled link. A short #gallery=ID link opens one too.
func TestGallery(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	entries, err := assets.GalleryEntries()
	if err != nil {
		t.Fatal(err)
	}
	// A model bundled with its D opens at its step; one without at 0.
	want, wantStep := map[string]string{}, map[string]string{}
	for _, e := range entries {
		tr, _, err := share.DecodeBundle(e.Link)
		if err != nil {
			t.Fatalf("%s: %v", e.ID, err)
		}
		want[e.ID], wantStep[e.ID] = tr.Fingerprint(), fmt.Sprint(tr.Step)
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)

	tb := open(t, browser, base+"/#gallery=ring8")
	tb.poll(`document.querySelector('[data-test=status]')?.textContent === "paused" && document.querySelector('[data-test=step]').textContent === `+jsString(wantStep["ring8"])+` && document.querySelector('[data-test=fingerprint]').textContent === `+jsString(want["ring8"]), 90*time.Second)
	tb.poll(`document.querySelector('[data-test=modes]')?.textContent.startsWith("8/8 modes")`, 30*time.Second)
	if m := tb.hook("gallery-metrics-ring8"); !strings.Contains(m, "8/8 modes") {
		t.Errorf("ring8's card says %q", m)
	}
	tb.screenshot(root, "gallery-ring8")

	// Click through the 2-D models; MNIST ones need the asset.
	_, mnistErr := os.Stat(root + "/web/data/mnist-train.bin")
	for _, e := range entries {
		if e.Data == "mnist" && mnistErr != nil {
			t.Logf("%s skipped: no MNIST asset", e.ID)
			continue
		}
		tb.click("gallery-open-" + e.ID)
		tb.poll(`document.querySelector('[data-test=fingerprint]')?.textContent === `+jsString(want[e.ID])+` && document.querySelector('[data-test=step]').textContent === `+jsString(wantStep[e.ID]), 120*time.Second)
		if e := tb.hook("error"); e != "" {
			t.Errorf("error hook %q", e)
		}
		if got := eval[string](tb, `location.hash`); got != "#gallery="+e.ID {
			t.Errorf("the address bar says %q", got)
		}
		if e.ID == "mnist-all" {
			// The paper's table has the shipped model's full-protocol score.
			want := fmt.Sprintf("%.1f ± %.1f", e.Metrics["parzen_ll"], e.Metrics["parzen_se"])
			tb.poll(`document.querySelector('[data-test=eval-shipped]')?.textContent === `+jsString(want), 30*time.Second)
			tb.screenshot(root, "gallery-mnist")
			// The sampling temperature is live: the samples change, the
			// weights and the step do not.
			tb.poll(`document.querySelector('[data-test=samples-sum]')?.textContent.length > 0`, 30*time.Second)
			sum, fp, step := tb.hook("samples-sum"), tb.hook("fingerprint"), tb.hook("step")
			setField(tb, "set-temp", "0.5")
			tb.poll(`document.querySelector('[data-test=samples-sum]').textContent !== `+jsString(sum), 30*time.Second)
			if f, s, st := tb.hook("fingerprint"), tb.hook("step"), tb.hook("status"); f != fp || s != step || st != "paused" {
				t.Errorf("temp=0.5 changed the run: fingerprint %s→%s, step %s→%s, status %s", fp, f, step, s, st)
			}
			setField(tb, "set-temp", "1")
			tb.poll(`document.querySelector('[data-test=samples-sum]').textContent === `+jsString(sum), 30*time.Second)
		}
	}
	// An unknown id is named, and the page goes on.
	tb2 := open(t, browser, base+"/#gallery=nope")
	tb2.poll(`document.querySelector('[data-test=error]')?.textContent.includes("no gallery model")`, 60*time.Second)
}

// jsString quotes s for JavaScript.
func jsString(s string) string { return `"` + s + `"` }
