package main

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeWeb makes a web folder with stand-ins for the built files.
func fakeWeb(t *testing.T) string {
	dir := t.TempDir()
	for _, f := range append(requiredFiles, "styles.css", "page.js", "icon.svg") {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(strings.Repeat("content of "+f+"\n", 100)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestServeFiles(t *testing.T) {
	registerRoutes()
	h, err := newHandler(fakeWeb(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gzipHandler(h))
	defer srv.Close()
	get := func(path string, gz bool) (*http.Response, string) {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if gz {
			req.Header.Set("Accept-Encoding", "gzip")
		}
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r io.Reader = resp.Body
		if resp.Header.Get("Content-Encoding") == "gzip" {
			z, err := gzip.NewReader(resp.Body)
			if err != nil {
				t.Fatal(err)
			}
			r = z
		}
		b, _ := io.ReadAll(r)
		return resp, string(b)
	}
	for _, f := range []string{"/web/app.wasm", "/web/worker.wasm"} {
		resp, body := get(f, true)
		if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
			t.Errorf("%s served as %q", f, ct)
		}
		if resp.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(body, "content of") {
			t.Errorf("%s: not gzipped or wrong body", f)
		}
	}
	resp, body := get("/", true)
	if resp.StatusCode != 200 || resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(body, `data-test="step"`) {
		t.Errorf("page: %d %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
	if strings.Contains(body, "githubusercontent") {
		t.Error("the page points at an outside host")
	}
	_, sw := get("/app-worker.js", false)
	for _, want := range []string{"/web/worker.js", "/web/worker.wasm", "/web/wasm_exec.js", "/web/page.js", "/web/icon-192.png"} {
		if !strings.Contains(sw, want) {
			t.Errorf("service worker does not cache %s", want)
		}
	}
	if resp, _ := get("/web/nope.js", false); resp.StatusCode != 404 {
		t.Errorf("missing file: %d", resp.StatusCode)
	}
	if resp, _ := get("/web/../go.mod", false); resp.StatusCode != 404 {
		t.Errorf("path escape: %d", resp.StatusCode)
	}
}

func TestServeNeedsBuiltFiles(t *testing.T) {
	if _, err := newHandler(t.TempDir()); err == nil || !strings.Contains(err.Error(), "make wasm") {
		t.Fatalf("err %v", err)
	}
}

func TestWriteStatic(t *testing.T) {
	registerRoutes()
	web := fakeWeb(t)
	out := t.TempDir()
	var stdout, stderr strings.Builder
	if code := run([]string{"serve", "-web", web, "-static", out}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest", "web/app.wasm", "web/worker.js"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("static site lacks %s", f)
		}
	}
}
