//go:build !(js && wasm)

package server

import (
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// registerRoutes declares the page's route as package main does: the
// handler pre-renders it.
func registerRoutes() { app.Route("/", func() app.Composer { return &ui.Playground{} }) }

// fakeWeb makes a web folder with stand-ins for the built files.
func fakeWeb(t *testing.T) string {
	dir := t.TempDir()
	for _, f := range append(requiredFiles, "styles.css", "page.js", "icon.svg", "worker-scalar.wasm") {
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
	for _, f := range []string{"/web/app.wasm", "/web/worker.wasm", "/web/worker-scalar.wasm"} {
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
	for _, want := range []string{"/web/worker.js", "/web/worker.wasm", "/web/worker-scalar.wasm", "/web/wasm_exec.js", "/web/page.js", "/web/icon-192.png"} {
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
	if err := Run([]string{"-web", web, "-static", out}, &stdout, &stderr); err != nil {
		t.Fatalf("serve: %v (%s)", err, stderr.String())
	}
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest", "web/app.wasm", "web/worker.js"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("static site lacks %s", f)
		}
	}
}

// fakeWebTree is fakeWeb plus the folders the page fetches from (data
// assets, a gallery) and a hidden file that must not be served or cached.
func fakeWebTree(t *testing.T) string {
	dir := fakeWeb(t)
	for _, f := range []string{"icon-192.png", "icon-512.png", "data/mnist-train.bin", "gallery/one.png", "gallery/deeper/two.json", ".DS_Store"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("content of "+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// swList is the resourcesToCache array of a served app-worker.js.
func swList(t *testing.T, sw string) []string {
	_, rest, ok := strings.Cut(sw, "const resourcesToCache = ")
	line, _, _ := strings.Cut(rest, ";\n")
	var list []string
	if err := json.Unmarshal([]byte(line), &list); !ok || err != nil {
		t.Fatalf("no resourcesToCache in app-worker.js (%v):\n%.400s", err, sw)
	}
	return list
}

// getBody fetches a path from the server, uncompressed.
func getBody(t *testing.T, base, path string) (int, string) {
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// Everything the page and the worker fetch is in the service worker's list,
// at the build's version, and every URL of the list is served (one failure
// fails the whole install); the page gets the same list to check the cache.
func TestServeOfflineFiles(t *testing.T) {
	registerRoutes()
	web := fakeWebTree(t)
	h, err := newHandler(web)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gzipHandler(h))
	defer srv.Close()
	v := h.Version
	_, sw := getBody(t, srv.URL, "/app-worker.js")
	list := swList(t, sw)
	seen := map[string]bool{}
	for _, u := range list {
		if seen[u] {
			t.Errorf("%s is listed twice", u)
		}
		seen[u] = true
		if code, body := getBody(t, srv.URL, u); code != 200 {
			t.Errorf("%s: HTTP %d %s", u, code, body)
		}
	}
	want := []string{"/", "/app.js", "/app.css", "/wasm_exec.js", "/manifest.webmanifest"}
	files, err := webFileList(web)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		want = append(want, "/web/"+f+"?v="+v)
	}
	for _, u := range want {
		if !seen[u] {
			t.Errorf("the service worker does not cache %s", u)
		}
	}
	for _, u := range list {
		if strings.Contains(u, ".DS_Store") {
			t.Errorf("a hidden file is cached: %s", u)
		}
		if strings.HasPrefix(u, "/web/") && !strings.HasSuffix(u, "?v="+v) {
			t.Errorf("%s does not carry the version %s", u, v)
		}
	}
	if len(list) != len(want) {
		t.Errorf("the service worker caches %d files, want %d: %v", len(list), len(want), list)
	}

	// The page's copy of the list (go-app's environment in app.js) is the same.
	_, appJS := getBody(t, srv.URL, "/app.js")
	_, envJSON, _ := strings.Cut(appJS, "const goappEnv = ")
	envJSON, _, _ = strings.Cut(envJSON, ";\n")
	var env map[string]string
	if err := json.Unmarshal([]byte(envJSON), &env); err != nil {
		t.Fatalf("goappEnv: %v", err)
	}
	var pageList []string
	if err := json.Unmarshal([]byte(env[offlineEnv]), &pageList); err != nil {
		t.Fatalf("%s: %v", offlineEnv, err)
	}
	sort.Strings(list)
	if !slices.Equal(pageList, list) {
		t.Errorf("the page checks\n%v\nthe service worker caches\n%v", pageList, list)
	}
	if !strings.Contains(appJS, `"/web/app.wasm?v=`+v+`"`) {
		t.Error("app.js does not load app.wasm at the version")
	}

	// The page loads its script and styles at the version.
	_, page := getBody(t, srv.URL, "/")
	for _, u := range []string{"/web/page.js?v=" + v, "/web/styles.css?v=" + v} {
		if !strings.Contains(page, u) {
			t.Errorf("the page does not load %s", u)
		}
	}
	// go-app's install is replaced by one that waits for the cache.
	if !strings.Contains(sw, "event.waitUntil(installWorker()") || strings.Contains(sw, "cache.addAll") {
		t.Error("app-worker.js still has go-app's install step")
	}
	if !strings.Contains(sw, `const cacheName = "app-" + "`+v+`"`) {
		t.Error("app-worker.js's cache is not named after the version")
	}
}

// A page of another version never gets this version's files.
func TestServeRefusesOtherVersion(t *testing.T) {
	registerRoutes()
	h, err := newHandler(fakeWeb(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gzipHandler(h))
	defer srv.Close()
	if code, body := getBody(t, srv.URL, "/web/worker.js?v=0123456789abcdef"); code != 404 || !strings.Contains(body, "reload the page") {
		t.Errorf("another version's worker.js: HTTP %d %q", code, body)
	}
	if code, _ := getBody(t, srv.URL, "/web/worker.js?v="+h.Version); code != 200 {
		t.Errorf("this version's worker.js: HTTP %d", code)
	}
	// go-app's /app.wasm route resolves to the versioned URL.
	if code, body := getBody(t, srv.URL, "/app.wasm"); code != 200 || !strings.HasPrefix(body, "content of app.wasm") {
		t.Errorf("/app.wasm: HTTP %d", code)
	}
}

// The version follows every file the service worker caches, data assets
// in sub-folders included: a changed asset must be downloaded again.
func TestVersionFollowsEveryFile(t *testing.T) {
	web := fakeWebTree(t)
	v1, err := versionOf(web)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(web, "gallery", "deeper", "two.json"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	v2, _ := versionOf(web)
	if err := os.WriteFile(filepath.Join(web, ".DS_Store"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	v3, _ := versionOf(web)
	if v1 == v2 || v2 != v3 {
		t.Errorf("versions %s → %s (asset changed) → %s (hidden file changed)", v1, v2, v3)
	}
}

// The static site holds every file its service worker caches, so it works
// offline from any static server (which ignores the ?v= query).
func TestWriteStaticOffline(t *testing.T) {
	registerRoutes()
	web := fakeWebTree(t)
	out := t.TempDir()
	var stdout, stderr strings.Builder
	if err := Run([]string{"-web", web, "-static", out}, &stdout, &stderr); err != nil {
		t.Fatalf("serve: %v (%s)", err, stderr.String())
	}
	sw, err := os.ReadFile(filepath.Join(out, "app-worker.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range swList(t, string(sw)) {
		p, _, _ := strings.Cut(u, "?")
		if p == "/" {
			p = "/index.html"
		}
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(p))); err != nil {
			t.Errorf("the static site lacks %s, which its service worker caches", u)
		}
	}
}

// The static site's worker.js knows its version: web/worker.js has the
// placeholder exactly once, and the copy has the version instead.
func TestWriteStaticStampsWorker(t *testing.T) {
	registerRoutes()
	real, err := os.ReadFile("../../../web/worker.js")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(real), `"`+versionStamp+`"`); n != 1 {
		t.Fatalf("web/worker.js has the version placeholder %d times", n)
	}
	web := fakeWeb(t)
	if err := os.WriteFile(filepath.Join(web, "worker.js"), real, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	var stdout, stderr strings.Builder
	if err := Run([]string{"-web", web, "-static", out}, &stdout, &stderr); err != nil {
		t.Fatalf("serve: %v (%s)", err, stderr.String())
	}
	v, err := versionOf(web)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(out, "web", "worker.js"))
	if !strings.Contains(string(got), `const built = "`+v+`";`) || strings.Contains(string(got), versionStamp) {
		t.Errorf("the static worker.js is not stamped with %s", v)
	}
}
