//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A recipe cut into 8 shards trains in the page on 1, 2 and 3 Web Workers
// (the training worker and its helpers, exchanging gradients) to the
// weights the CLI trains alone: the fingerprints agree.
func TestWorkersSameFingerprint(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	const rc, steps = "data=ring8&seed=11&shards=8&ddrop=0.2&steps=60", 60
	want := cliTrain(t, rc, filepath.Join(t.TempDir(), "cli.gan"))
	for _, w := range []int{1, 2, 3} {
		t.Run(fmt.Sprintf("workers=%d", w), func(t *testing.T) {
			tb := open(t, browser, fmt.Sprintf("%s/#%s&workers=%d&run=1", base, rc, w))
			tb.poll(fmt.Sprintf(`+document.querySelector('[data-test=step]')?.textContent === %d && document.querySelector('[data-test=status]').textContent === "paused" && document.querySelector('[data-test=fingerprint]').textContent.length === 16`, steps), 120*time.Second)
			if got := tb.hook("workers"); got != fmt.Sprint(w) {
				t.Errorf("the page says %s workers trained, want %d", got, w)
			}
			if got := tb.hook("fingerprint"); got != want {
				t.Errorf("%d workers: fingerprint %s, the CLI's %s", w, got, want)
			}
		})
	}
}
