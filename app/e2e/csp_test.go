//go:build !(js && wasm)

package e2e

import (
	"os"
	"testing"
	"time"
)

// watchCSP records every Content-Security-Policy violation in the page.
const watchCSP = `window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`

// The server's Content-Security-Policy allows exactly what the page needs:
// under it the page loads, its worker compiles WebAssembly and trains, the
// service worker caches the site for offline use, and nothing is blocked.
func TestPageRunsUnderItsCSP(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	tb := openWithScript(t, browser, watchCSP, base+"/#data=ring8&g=16,16&d=16,16&run=1")
	tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training" && +document.querySelector('[data-test=step]').textContent > 0`, 90*time.Second)
	tb.poll(`document.querySelector('[data-test=offline]')?.dataset.state === "ready"`, 240*time.Second)
	if v := eval[[]string](tb, `window.__csp`); len(v) > 0 {
		t.Fatalf("blocked by the CSP: %v", v)
	}
	if eval[string](tb, `typeof window.__csp`) != "object" {
		t.Fatal("the violation watcher did not run")
	}
}
