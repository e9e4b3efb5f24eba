//go:build !(js && wasm)

// Package headless starts the headless Chromium that the end-to-end tests
// (app/e2e) and `make bench` (app/bench) drive, with one set of flags
// (headless, no sandbox, GPU, QUIC or background networking), so that both
// measure the same browser.
package headless

import (
	"context"
	"fmt"
	"os"

	"github.com/chromedp/chromedp"
)

// Start launches exe with a fresh profile folder and its own TMPDIR and
// returns the first tab's context, already on about:blank. Chromium keeps
// its singleton socket in TMPDIR: a Unix socket path has at most 108
// bytes, so tmp must be short (a folder directly under /tmp). stop ends
// the browser.
func Start(exe, profile, tmp string) (ctx context.Context, stop func(), err error) {
	if _, err := os.Stat(exe); err != nil {
		return nil, nil, fmt.Errorf("Chromium not found at %s: run `make chromium` or set CHROMIUM", exe)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		// Several tabs train at once in some tests: without these a tab
		// that is not in front gets throttled timers and a low-priority
		// renderer, which a loaded machine can starve for minutes.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.UserDataDir(profile),
		// Chromium also leaves org.chromium.Chromium.* folders in TMPDIR:
		// the caller removes tmp.
		chromedp.Env("TMPDIR=" + tmp),
		chromedp.WindowSize(1300, 1100),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	stop = func() { cancel(); cancelA() }
	// The first call starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		stop()
		return nil, nil, fmt.Errorf("starting Chromium: %w", err)
	}
	return ctx, stop, nil
}
