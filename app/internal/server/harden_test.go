//go:build !(js && wasm)

package server

import (
	"crypto/rand"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hardenedServer serves fakeWebTree through newServer, as Run does.
func hardenedServer(t *testing.T, web string) (*httptest.Server, *http.Server) {
	t.Helper()
	registerRoutes()
	h, err := newHandler(web)
	if err != nil {
		t.Fatal(err)
	}
	cfg := newServer(h)
	srv := httptest.NewUnstartedServer(cfg.Handler)
	srv.Config = cfg
	return srv, cfg
}

func do(t *testing.T, method, url string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, url, nil)
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// The site is read-only: GET and HEAD, and 405 with Allow for the rest.
func TestServeAllowsOnlyGetAndHead(t *testing.T) {
	srv, _ := hardenedServer(t, fakeWebTree(t))
	srv.Start()
	defer srv.Close()
	for _, path := range []string{"/", "/web/app.wasm", "/app.js", "/web/nope.js"} {
		for _, m := range []string{"GET", "HEAD"} {
			if resp := do(t, m, srv.URL+path); resp.StatusCode == http.StatusMethodNotAllowed {
				t.Errorf("%s %s: 405", m, path)
			}
		}
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"} {
			resp := do(t, m, srv.URL+path)
			if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q", m, path, resp.StatusCode, resp.Header.Get("Allow"))
			}
		}
	}
}

// Every response, errors included, carries the security headers; the CSP
// lets WebAssembly compile and forbids framing.
func TestServeSendsSecurityHeaders(t *testing.T) {
	srv, _ := hardenedServer(t, fakeWebTree(t))
	srv.Start()
	defer srv.Close()
	for _, path := range []string{"/", "/web/app.wasm", "/web/worker.js", "/app-worker.js", "/manifest.webmanifest", "/web/nope.js"} {
		resp := do(t, "GET", srv.URL+path)
		h := resp.Header
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: nosniff %q, referrer %q", path, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"))
		}
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"'wasm-unsafe-eval'", "frame-ancestors 'none'", "worker-src 'self'", "default-src 'self'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %s", path, csp, want)
			}
		}
		if strings.Contains(csp, "'unsafe-eval'") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
			t.Errorf("%s: CSP %q allows script eval or inline script", path, csp)
		}
	}
}

// Dotfiles and links pointing out of the web folder are neither served
// nor exported; a link within it is served.
func TestServeRefusesDotfilesAndOutsideLinks(t *testing.T) {
	web := fakeWebTree(t)
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o644); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(web, ".git"), 0o755))
	must(os.WriteFile(filepath.Join(web, ".git", "config"), []byte("[core]"), 0o644))
	must(os.WriteFile(filepath.Join(web, ".env"), []byte("KEY=1"), 0o644))
	must(os.Symlink(outside, filepath.Join(web, "leak.txt")))
	must(os.Symlink(filepath.Dir(outside), filepath.Join(web, "leakdir")))
	must(os.Symlink("styles.css", filepath.Join(web, "alias.css")))
	srv, _ := hardenedServer(t, web)
	srv.Start()
	defer srv.Close()
	for _, p := range []string{"/web/.DS_Store", "/web/.env", "/web/.git/config", "/web/leak.txt", "/web/leakdir/secret.txt", "/web/gallery/../.env", "/web/%2eenv"} {
		code, body := getBody(t, srv.URL, p)
		if code != http.StatusNotFound || strings.Contains(body, "secret") || strings.Contains(body, "KEY=") {
			t.Errorf("%s: %d %q", p, code, body)
		}
	}
	if code, body := getBody(t, srv.URL, "/web/alias.css"); code != 200 || !strings.Contains(body, "content of styles.css") {
		t.Errorf("a link within the web folder: %d", code)
	}
	out := t.TempDir()
	var stdout, stderr strings.Builder
	if err := Run([]string{"-web", web, "-static", out}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{".DS_Store", ".env", ".git", "leak.txt", "leakdir"} {
		if _, err := os.Lstat(filepath.Join(out, "web", p)); err == nil {
			t.Errorf("the static site holds web/%s", p)
		}
	}
	if b, err := os.ReadFile(filepath.Join(out, "web", "alias.css")); err != nil || !strings.Contains(string(b), "styles.css") {
		t.Errorf("the static site lacks web/alias.css: %v", err)
	}
}

// A client that asks for a large file and never reads is dropped once
// its writes stall, instead of holding the connection for ever.
func TestServeDropsClientsThatStopReading(t *testing.T) {
	web := fakeWebTree(t)
	big := make([]byte, 16<<20) // random: gzip cannot shrink it below the socket buffers
	rand.Read(big)
	if err := os.WriteFile(filepath.Join(web, "data", "big.bin"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	old := stallTimeout
	stallTimeout = 500 * time.Millisecond
	defer func() { stallTimeout = old }()
	srv, cfg := hardenedServer(t, web)
	closed := make(chan struct{}, 1)
	cfg.ConnState = func(c net.Conn, s http.ConnState) {
		if s == http.StateClosed {
			closed <- struct{}{}
		}
	}
	srv.Start()
	defer srv.Close()
	c, err := net.Dial("tcp", srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET /web/data/big.bin HTTP/1.1\r\nHost: x\r\n\r\n") // and never read
	select {
	case <-closed:
	case <-time.After(20 * time.Second):
		t.Fatal("the server still holds a connection whose client stopped reading 20 s ago")
	}
	if cfg.ReadHeaderTimeout == 0 || cfg.ReadTimeout == 0 || cfg.IdleTimeout == 0 {
		t.Errorf("timeouts: header %v, read %v, idle %v", cfg.ReadHeaderTimeout, cfg.ReadTimeout, cfg.IdleTimeout)
	}
}

// serve -static reports a failure as a plain line, not go-app's JSON.
func TestWriteStaticErrorIsPlain(t *testing.T) {
	registerRoutes()
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr strings.Builder
	err := Run([]string{"-web", fakeWeb(t), "-static", filepath.Join(file, "site")}, &stdout, &stderr)
	if err == nil || strings.ContainsAny(err.Error(), "{}\"") || !strings.Contains(err.Error(), "not a directory") {
		t.Fatalf("error %v", err)
	}
}

// docs/offline.md gives static servers the headers this server sends.
func TestDocsListTheHeaders(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "offline.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range securityHeaders {
		if line := h[0] + ": " + h[1]; !strings.Contains(string(b), line) {
			t.Errorf("docs/offline.md lacks %q", line)
		}
	}
}
