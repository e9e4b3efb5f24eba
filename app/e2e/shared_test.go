//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/ganplayground/ganplayground/app/internal/headless"
)

// One Chromium and one server serve every test of a run of the package:
// starting Chromium costs about 2.5 CPU-seconds, and a server gzips
// app.wasm and worker.wasm anew. Both start with the first test that needs
// them (a test run alone with -run starts them too) and stop in TestMain.
var (
	chromeMu sync.Mutex
	chrome   context.Context

	serverOnce sync.Once
	serverBase string
	serverErr  error

	sharedMu   sync.Mutex
	sharedStop []func()
)

// atExit registers f to run when the package's tests are done, last
// registered first.
func atExit(f func()) {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	sharedStop = append(sharedStop, f)
}

// stopShared stops the shared Chromium and server (TestMain).
func stopShared() {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	for i := len(sharedStop) - 1; i >= 0; i-- {
		sharedStop[i]()
	}
	sharedStop = nil
}

// sharedServer is the address of the package's server of root/web.
func sharedServer(t testing.TB, root string) string {
	bin := buildApp(t, root)
	serverOnce.Do(func() {
		srv, base, err := serverCmd(root, bin)
		if err != nil {
			serverErr = err
			return
		}
		stop, err := launch(srv, base)
		if err != nil {
			serverErr = err
			return
		}
		atExit(stop)
		serverBase = base
	})
	if serverErr != nil {
		t.Fatal(serverErr)
	}
	return serverBase
}

// sharedBrowser is a fresh profile in the package's Chromium: a browser
// context of its own (Target.createBrowserContext), with its own
// IndexedDB, local storage, caches, service workers and cookies, disposed
// of with its tabs when the test ends. Two of them share nothing but the
// browser's process, as two fresh profiles of one user would not either.
// The context returned is its first tab, on about:blank; open makes
// more tabs in the same profile.
func sharedBrowser(t testing.TB) context.Context {
	browser, err := sharedChromium()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	// The first call creates the browser context and its tab; like a
	// browser's first call, it must carry no timeout.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(fmt.Errorf("a new browser context: %w", err))
	}
	return ctx
}

// sharedChromium is the package's Chromium, started on first use, and
// started again if it has gone (a crash fails the test it happened in,
// not every test after it).
func sharedChromium() (context.Context, error) {
	chromeMu.Lock()
	defer chromeMu.Unlock()
	if chrome != nil && chrome.Err() == nil {
		return chrome, nil
	}
	exe := os.Getenv("CHROMIUM")
	if exe == "" {
		exe = "/usr/bin/chromium"
	}
	profile, err := os.MkdirTemp("", "e2e-profile-")
	if err != nil {
		return nil, err
	}
	// Chromium's singleton socket lives in its TMPDIR, whose path must
	// stay short (a Unix socket path has at most 108 bytes): `make e2e`
	// points TMPDIR into the checkout.
	tmp, err := os.MkdirTemp("/tmp", "gp-")
	if err != nil {
		os.RemoveAll(profile)
		return nil, err
	}
	ctx, stop, err := headless.Start(exe, profile, tmp)
	if err != nil {
		os.RemoveAll(profile)
		os.RemoveAll(tmp)
		return nil, err
	}
	atExit(func() { stop(); os.RemoveAll(profile); os.RemoveAll(tmp) })
	chrome = ctx
	return chrome, nil
}
