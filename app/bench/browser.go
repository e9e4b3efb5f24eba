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
	"github.com/ganplayground/ganplayground/app/internal/headless"
)

// chrome is one headless Chromium with a fresh profile.
type chrome struct {
	ctx     context.Context // the browser's first tab
	version string
	close   func()
	pid     int // the browser's process (its CPU time: cpu.go)
}

// cpu is the CPU time the browser has used so far, in seconds (0 if
// unknown).
func (c *chrome) cpu() float64 { return browserCPU(c.pid) }

func newBrowser(exe, tmp string) (*chrome, error) {
	profile, chromeTmp := filepath.Join(tmp, "profile"), filepath.Join(tmp, "chromium-tmp")
	if err := os.MkdirAll(chromeTmp, 0o755); err != nil {
		return nil, err
	}
	ctx, stop, err := headless.Start(exe, profile, chromeTmp)
	if err != nil {
		return nil, err
	}
	c := &chrome{ctx: ctx, close: stop}
	if cc := chromedp.FromContext(ctx); cc != nil && cc.Browser != nil && cc.Browser.Process() != nil {
		c.pid = cc.Browser.Process().Pid
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
