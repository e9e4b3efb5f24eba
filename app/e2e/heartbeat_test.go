//go:build !(js && wasm)

package e2e

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A worker that stops without an error event (terminate()) must not leave
// the page saying "training" for ever: the silence is noticed, the page
// says so and starts a new worker, which trains when asked.
func TestSilentWorkerIsNoticed(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	tb := open(t, browser, base+"/#g=16,16&d=16,16&run=1")
	tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training" && +document.querySelector('[data-test=step]').textContent > 0`, 60*time.Second)
	tb.do(chromedp.Evaluate[chromedp.Void](`window.ganStopWorkerSilently()`))
	start := time.Now()
	tb.poll(`document.querySelector('[data-test=error]')?.textContent.includes("the training worker stopped")`, 40*time.Second)
	t.Logf("noticed after %.1f s: %s", time.Since(start).Seconds(), tb.hook("error"))
	tb.poll(`document.querySelector('[data-test=status]')?.textContent !== "training"`, 10*time.Second)
	tb.poll(`document.querySelector('[data-test=step]').textContent === "0"`, 30*time.Second)
	tb.click("play")
	tb.poll(`+document.querySelector('[data-test=step]').textContent > 0`, 60*time.Second)
}
