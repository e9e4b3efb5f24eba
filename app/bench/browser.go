//go:build !(js && wasm)

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/chromedp/chromedp"
)

// chrome is one headless Chromium with a fresh profile.
type chrome struct {
	ctx     context.Context // the browser's first tab
	version string
	close   func()
}

func newBrowser(exe, tmp string) (*chrome, error) {
	if _, err := os.Stat(exe); err != nil {
		return nil, fmt.Errorf("Chromium not found at %s: run `make chromium` or set CHROMIUM", exe)
	}
	profile, chromeTmp := filepath.Join(tmp, "profile"), filepath.Join(tmp, "chromium-tmp")
	if err := os.MkdirAll(chromeTmp, 0o755); err != nil {
		return nil, err
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
		// Chromium leaves org.chromium.Chromium.* folders in TMPDIR.
		chromedp.Env("TMPDIR=" + chromeTmp),
		chromedp.WindowSize(1300, 1100),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	c := &chrome{ctx: ctx, close: func() { cancel(); cancelA() }}
	// The first call starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		c.close()
		return nil, fmt.Errorf("starting Chromium: %w", err)
	}
	if ua, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.userAgent`)); err == nil {
		c.version = ua
	}
	return c, nil
}

// call evaluates a JavaScript expression that yields a promise of a JSON
// object, and decodes its value into out.
func call(ctx context.Context, timeout time.Duration, expr string, out any) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return fmt.Errorf("%s: %w", expr, err)
	}
	return json.Unmarshal(v, out)
}
