//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// repoRoot is the folder holding go.mod.
func repoRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// appBin is the natively built app, set by buildApp.
var appBin string

// The app is built once per run of the package, into binDir (made and
// removed by TestMain): every test serves the same program, and a link of
// the whole app costs seconds on a busy 2-core machine.
var (
	binDir    string
	buildOnce sync.Once
	buildErr  error
)

func TestMain(m *testing.M) {
	code := func() int {
		dir, err := os.MkdirTemp("", "e2e-bin-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		binDir = dir
		defer stopShared()
		return m.Run()
	}()
	os.Exit(code)
}

// startServer is the address of the package's own server of root/web
// (sharedServer): a test that stops its server or serves other files
// starts its own with startStoppableServer or serveStatic.
func startServer(t testing.TB, root string) string {
	return sharedServer(t, root)
}

// startStoppableServer builds the app natively and serves root/web on a
// free port for this test alone; it returns a function stopping the server
// (the offline test needs the network gone). Stopping twice, or stopping
// and then the test's cleanup, is fine.
func startStoppableServer(t testing.TB, root string) (base string, stop func()) {
	srv, base, err := serverCmd(root, buildApp(t, root))
	if err != nil {
		t.Fatal(err)
	}
	return base, startProcess(t, srv, base)
}

// serverCmd is `app serve` of root/web on a free port, not started yet.
func serverCmd(root, bin string) (srv *exec.Cmd, base string, err error) {
	for _, f := range []string{"app.wasm", "worker.wasm", "wasm_exec.js", "worker.js"} {
		if _, err := os.Stat(filepath.Join(root, "web", f)); err != nil {
			return nil, "", fmt.Errorf("web/%s is missing: run `make wasm` first", f)
		}
	}
	addr, err := freePort()
	if err != nil {
		return nil, "", err
	}
	srv = exec.Command(bin, "serve", "-addr", addr, "-web", filepath.Join(root, "web"))
	srv.Dir = root
	return srv, "http://" + addr, nil
}

// buildApp builds the app natively (once per run of the package) and
// sets appBin.
func buildApp(t testing.TB, root string) string {
	buildOnce.Do(func() {
		bin := filepath.Join(binDir, "app")
		build := exec.Command("go", "build", "-o", bin, "./app")
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("building the server: %v\n%s", err, out)
			return
		}
		appBin = bin
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return appBin
}

// freeAddr is a loopback address with a port nobody listens on.
func freeAddr(t testing.TB) string {
	addr, err := freePort()
	if err != nil {
		t.Fatal(err)
	}
	return addr
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// startProcess starts a server process, waits until base answers / with
// 200 and returns a function that stops it (also run at cleanup).
func startProcess(t testing.TB, srv *exec.Cmd, base string) (stop func()) {
	stop, err := launch(srv, base)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return stop
}

// launch starts a server process and waits until base answers / with 200.
// stop ends it; calling it more than once is fine.
func launch(srv *exec.Cmd, base string) (stop func(), err error) {
	if srv.Stdout == nil && srv.Stderr == nil {
		srv.Stdout, srv.Stderr = os.Stderr, os.Stderr
	}
	if err := srv.Start(); err != nil {
		return nil, err
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			srv.Process.Kill()
			srv.Wait()
		})
	}
	for i := 0; ; i++ {
		resp, err := http.Get(base + "/")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return stop, nil
			}
		}
		if i > 100 {
			stop()
			return nil, fmt.Errorf("server did not start: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// mnistSetUp is an MNIST test's start: skipped without E2E or without
// `make assets`' data, else the repository, a started server and a fresh
// browser.
func mnistSetUp(t *testing.T) (root, base string, browser context.Context) {
	t.Helper()
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root = repoRoot(t)
	if _, err := os.Stat(root + "/web/data/mnist-train.bin"); err != nil {
		t.Skip("no MNIST asset: run `make assets`")
	}
	return root, startServer(t, root), newBrowser(t)
}

// newBrowser is a fresh profile (sharedBrowser): to the page, a browser
// never used before.
func newBrowser(t testing.TB) context.Context {
	return sharedBrowser(t)
}

// tab is one page under test.
type tab struct {
	t     *testing.T
	ctx   context.Context
	close func() // closes the tab (also done when the test ends)
}

// eval evaluates a JavaScript expression with a timeout.
func eval[T any](tb *tab, js string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// hook reads a data-test hook's text.
func (tb *tab) hook(name string) string {
	tb.t.Helper()
	return eval[string](tb, fmt.Sprintf(`(document.querySelector('[data-test=%q]')||{textContent:"<missing>"}).textContent`, name))
}

// poll waits until the JavaScript expression is truthy.
func (tb *tab) poll(js string, timeout time.Duration) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, timeout+5*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		tb.t.Fatalf("waiting for %s: %v (status %q, step %q, error %q, last op %v, reports %v)", js, err, tb.hook("status"), tb.hook("step"), tb.hook("error"), eval[any](tb, `window.ganLastOp`), eval[any](tb, `window.ganReports`))
	}
}

// wait is poll that reports a timeout instead of failing the test.
func (tb *tab) wait(js string, timeout time.Duration) bool {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, timeout+5*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingTimeout(timeout), chromedp.WithPollingInterval(50*time.Millisecond)))
	return err == nil
}

func (tb *tab) click(hook string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-test=%q]`, hook)))); err != nil {
		tb.t.Fatalf("clicking %s: %v", hook, err)
	}
}

func (tb *tab) do(a chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, a); err != nil {
		tb.t.Fatal(err)
	}
}

// screenshot saves the page to artifacts/name.png.
func (tb *tab) screenshot(root, name string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		tb.t.Fatal(err)
	}
	dir := filepath.Join(root, "artifacts")
	os.MkdirAll(dir, 0o755)
	if !strings.HasSuffix(name, ".png") {
		name += ".png"
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// open loads a URL in a fresh tab of the browser.
func open(t *testing.T, browser context.Context, url string) *tab {
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, close: cancel}
	// The page's console and uncaught exceptions go to the test log.
	if err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			t.Logf("console.%s: %s", ev.Type, strings.Join(parts, " "))
		case *runtime.EventExceptionThrown:
			t.Logf("exception: %s", ev.ExceptionDetails.Text)
			if ev.ExceptionDetails.Exception != nil {
				t.Logf("  %s", ev.ExceptionDetails.Exception.Description)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	tb.do(chromedp.Navigate(url))
	return tb
}

// openWithScript opens url in a new tab of browser after installing script
// to run before each document's own scripts (a stubbed browser API, a
// shortened page limit, a watcher). The tab is opened on about:blank first:
// the first call on a context must carry no timeout.
func openWithScript(t *testing.T, browser context.Context, script, url string) *tab {
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx, close: cancel}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	callCDP(tb, func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	})
	tb.do(chromedp.Navigate(url))
	return tb
}
