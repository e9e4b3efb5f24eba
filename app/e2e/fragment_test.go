//go:build !(js && wasm)

package e2e

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// A bad percent escape in the fragment, at load or typed in mid-run, must
// not stop the page: it says what is wrong, runs the default recipe, and
// keeps training.
func TestBadPercentEscapeKeepsThePageAlive(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	for _, frag := range []string{"seed=%zz", "data=ring8%", "points=1%2"} {
		t.Run("at load "+frag, func(t *testing.T) {
			tb := open(t, browser, base+"/#"+frag+"&run=1")
			tb.poll(`document.querySelector('[data-test=error]')?.textContent.includes("recipe")`, 60*time.Second)
			t.Logf("the page says: %s", tb.hook("error"))
			// The default run is there and trains (a dead page shows "0 parameters" and no step).
			tb.click("play")
			tb.poll(`+document.querySelector('[data-test=step]').textContent > 0`, 60*time.Second)
		})
	}
	t.Run("mid-run", func(t *testing.T) {
		tb := open(t, browser, base+"/#g=16,16&d=16,16&run=1")
		tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training" && +document.querySelector('[data-test=step]').textContent > 0`, 60*time.Second)
		tb.do(chromedp.Evaluate[chromedp.Void](`location.hash = "#seed=%zz"`))
		tb.poll(`document.querySelector('[data-test=error]')?.textContent.includes("seed")`, 30*time.Second)
		// The page still answers: the step moves on (with the recipe kept
		// or the default reloaded, either way it trains).
		if tb.hook("status") != "training" {
			tb.click("play")
		}
		s0 := tb.hook("step")
		tb.poll(`document.querySelector('[data-test=step]').textContent !== `+"`"+s0+"`", 30*time.Second)
	})
}
