//go:build !(js && wasm)

package e2e

import (
	"os"
	"regexp"
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
	// The page's limit of silence, 10 s, shortened to 4 s for this page:
	// what is tested is that the silence is noticed and acted on, not how
	// long the page waits (heartbeat.go's ganHeartbeatTimeoutMs).
	tb := openWithScript(t, browser, `window.ganHeartbeatTimeoutMs = 4000;`, base+"/#g=16,16&d=16,16&run=1")
	tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training" && +document.querySelector('[data-test=step]').textContent > 0`, 60*time.Second)
	tb.do(chromedp.Evaluate[chromedp.Void](`window.ganStopWorkerSilently()`))
	start := time.Now()
	tb.poll(`document.querySelector('[data-test=error]')?.textContent.includes("the training worker stopped")`, 40*time.Second)
	// Noticed at the first check (once a second) past 4 s of silence, so
	// sooner than the default 10 s.
	if m := regexp.MustCompile(`no report for (\d+) s`).FindStringSubmatch(tb.hook("error")); m == nil || atof(m[1]) < 4 || atof(m[1]) >= 10 {
		t.Errorf("the page did not use the limit set for the test: %q", tb.hook("error"))
	}
	t.Logf("noticed after %.1f s: %s", time.Since(start).Seconds(), tb.hook("error"))
	tb.poll(`document.querySelector('[data-test=status]')?.textContent !== "training"`, 10*time.Second)
	tb.poll(`document.querySelector('[data-test=step]').textContent === "0"`, 30*time.Second)
	tb.click("play")
	tb.poll(`+document.querySelector('[data-test=step]').textContent > 0`, 60*time.Second)
}
