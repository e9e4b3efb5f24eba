//go:build !(js && wasm)

// Package server serves the page (go-app's handler over the web folder,
// gzipped, versioned for offline use) or writes it as a static site. The
// routes it pre-renders are the ones package main registers.
package server

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Usage is the serve command's line in `app help`.
const Usage = "[-addr host:port] [-web dir] [-static outdir]  serve the playground (default command), or write it as static files"

// Run is the serve command: args are its flags.
func Run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:8000", "address to listen on")
	web := fs.String("web", "web", "the folder holding app.wasm, worker.wasm, worker.js and the other static files")
	static := fs.String("static", "", "write the site as static files into this folder instead of serving it")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	h, err := newHandler(*web)
	if err != nil {
		return err
	}
	if *static != "" {
		if err := writeStatic(*static, *web, h); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote the static site to %s (serve it with any static file server)\n", *static)
		return nil
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "GAN Playground on http://%s/\n", ln.Addr())
	return newServer(h).Serve(ln)
}

// requiredFiles must be built before serving (make wasm).
var requiredFiles = []string{"app.wasm", "worker.wasm", "worker.js", "wasm_exec.js"}

// newHandler is go-app's handler for the page, with the web folder served
// by a resolver that knows .wasm's MIME type and gzips. Serve it behind
// gzipHandler, which compresses go-app's own responses.
func newHandler(webDir string) (*app.Handler, error) {
	for _, f := range requiredFiles {
		if _, err := os.Stat(filepath.Join(webDir, f)); err != nil {
			return nil, fmt.Errorf("%s is missing: build it with `make wasm`", filepath.Join(webDir, f))
		}
	}
	version, err := versionOf(webDir)
	if err != nil {
		return nil, err
	}
	files := &webFiles{dir: webDir, version: version}
	// Compress the big files now rather than on the first page load.
	for _, f := range []string{"app.wasm", "worker.wasm", "worker-scalar.wasm"} {
		p := filepath.Join(webDir, f)
		if st, err := os.Stat(p); err == nil {
			files.gzipped(p, st)
		}
	}
	cache, err := cacheable(webDir, version)
	if err != nil {
		return nil, err
	}
	sw, err := serviceWorkerTemplate()
	if err != nil {
		return nil, err
	}
	v := func(url string) string { return versioned(url, version) }
	h := &app.Handler{
		Name:        "GAN Playground",
		ShortName:   "GAN Playground",
		Title:       "GAN Playground",
		Description: "Train a generative adversarial network in your browser.",
		Lang:        "en",
		Icon: app.Icon{
			Default:  v("/web/icon-192.png"),
			Large:    v("/web/icon-512.png"),
			Maskable: v("/web/icon-192.png"),
			SVG:      v("/web/icon.svg"),
		},
		BackgroundColor:    "#ffffff",
		ThemeColor:         "#5e3c99",
		LoadingLabel:       "GAN Playground is loading… {progress}%",
		Styles:             []string{v("/web/styles.css")},
		Scripts:            []string{v("/web/page.js")},
		CacheableResources: cache,
		Version:            version,
		// The loader counts decompressed bytes: give it the uncompressed size.
		WasmContentLengthHeader: "X-Uncompressed-Length",
		Resources:               files,
		ServiceWorkerTemplate:   sw,
	}
	setOfflineEnv(h)
	return h, nil
}

// versionOf hashes every file of the web folder (the wasm files, scripts,
// styles, icons, data assets), so that the page's service worker caches a
// new copy exactly when one of them changes.
func versionOf(webDir string) (string, error) {
	list, err := webFileList(webDir)
	if err != nil {
		return "", err
	}
	s := sha256.New()
	for _, f := range list {
		b, err := os.ReadFile(filepath.Join(webDir, filepath.FromSlash(f)))
		if err != nil {
			return "", err
		}
		fmt.Fprintf(s, "%s %d\n", f, len(b))
		s.Write(b)
	}
	return hex.EncodeToString(s.Sum(nil))[:16], nil
}

// webFiles serves /web/ from a folder (any folder: app.LocalDir would put
// an absolute path into the URLs). Compressible files are gzipped once and
// kept in memory: app.wasm takes half a second to compress.
type webFiles struct {
	dir     string
	version string // the build's version: see versioned
	mu      sync.Mutex
	gz      map[string]gzEntry
}

type gzEntry struct {
	mod  time.Time
	size int64
	body []byte
}

// Resolve is go-app's default, except that app.wasm's URL (in app.js and
// the service worker's list) carries the version like the other files.
func (w *webFiles) Resolve(location string) string {
	if location == "/web/app.wasm" {
		return versioned(location, w.version)
	}
	return app.LocalDir("").Resolve(location)
}

func (w *webFiles) ServeHTTP(rw http.ResponseWriter, r *http.Request) {
	// go-app's /app.wasm route puts the resolved URL, query and all, into
	// the path.
	p, _, _ := strings.Cut(path.Clean(r.URL.Path), "?")
	if !strings.HasPrefix(p, "/web/") {
		http.NotFound(rw, r)
		return
	}
	if err := checkVersion(r.URL.Query().Get("v"), w.version); err != nil {
		http.Error(rw, err.Error(), http.StatusNotFound)
		return
	}
	rel := strings.TrimPrefix(p, "/web/")
	file := filepath.Join(w.dir, filepath.FromSlash(rel))
	if hidden(rel) || !inside(w.dir, file) {
		http.NotFound(rw, r)
		return
	}
	st, err := os.Stat(file)
	if err != nil || st.IsDir() {
		http.NotFound(rw, r)
		return
	}
	ct := contentType(p)
	rw.Header().Set("Content-Type", ct)
	if compressible(ct) && r.Header.Get("Range") == "" && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		body, err := w.gzipped(file, st)
		if err == nil {
			rw.Header().Set("Content-Encoding", "gzip")
			rw.Header().Add("Vary", "Accept-Encoding")
			rw.Header().Set("Content-Length", fmt.Sprint(len(body)))
			// The uncompressed size, for go-app's loading progress.
			rw.Header().Set("X-Uncompressed-Length", fmt.Sprint(st.Size()))
			if r.Method != http.MethodHead {
				rw.Write(body)
			}
			return
		}
	}
	http.ServeFile(rw, r, file)
}

func (w *webFiles) gzipped(file string, st os.FileInfo) ([]byte, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if e, ok := w.gz[file]; ok && e.mod.Equal(st.ModTime()) && e.size == st.Size() {
		return e.body, nil
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	z, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	z.Write(raw)
	z.Close()
	if w.gz == nil {
		w.gz = map[string]gzEntry{}
	}
	w.gz[file] = gzEntry{st.ModTime(), st.Size(), []byte(b.String())}
	return w.gz[file].body, nil
}

// contentType fixes the types that matter: without application/wasm,
// instantiateStreaming refuses the module.
func contentType(p string) string {
	switch path.Ext(p) {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".json", ".webmanifest":
		return "application/json"
	case ".bin":
		return "application/octet-stream"
	case ".html":
		return "text/html; charset=utf-8"
	}
	return "application/octet-stream"
}

func compressible(ct string) bool {
	for _, p := range []string{"text/", "application/javascript", "application/json", "application/wasm", "application/manifest+json", "image/svg+xml", "application/octet-stream"} {
		if strings.HasPrefix(ct, p) {
			return true
		}
	}
	return false
}

// gzipHandler compresses go-app's own responses (page, app.js, manifest…)
// for clients that accept it, leaving already-encoded ones alone.
func gzipHandler(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || r.Header.Get("Range") != "" {
			next.ServeHTTP(rw, r)
			return
		}
		gw := &gzipWriter{ResponseWriter: rw}
		defer gw.close()
		next.ServeHTTP(gw, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	decided bool
	z       *gzip.Writer
}

func (w *gzipWriter) WriteHeader(code int) {
	if !w.decided {
		w.decided = true
		h := w.Header()
		if code == http.StatusOK && h.Get("Content-Encoding") == "" && compressible(h.Get("Content-Type")) {
			h.Del("Content-Length")
			h.Set("Content-Encoding", "gzip")
			h.Add("Vary", "Accept-Encoding")
			w.z, _ = gzip.NewWriterLevel(w.ResponseWriter, gzip.BestSpeed)
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *gzipWriter) Write(p []byte) (int, error) {
	if !w.decided {
		if w.Header().Get("Content-Type") == "" {
			w.Header().Set("Content-Type", http.DetectContentType(p))
		}
		w.WriteHeader(http.StatusOK)
	}
	if w.z != nil {
		return w.z.Write(p)
	}
	return w.ResponseWriter.Write(p)
}

func (w *gzipWriter) close() {
	if w.z != nil {
		w.z.Close()
	}
}

// writeStatic writes the site as static files: go-app's pages, then the
// web folder copied beside them.
func writeStatic(out, webDir string, h *app.Handler) error {
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return fmt.Errorf("writing the static site: %w", plainError(err))
	}
	return filepath.WalkDir(webDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(webDir, p)
		if rel != "." && hidden(filepath.ToSlash(rel)) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil // dotfiles are not part of the site
		}
		dst := filepath.Join(out, "web", rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !inside(webDir, p) {
			return nil // a link out of the web folder (or to no regular file) is not exported
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if rel == "worker.js" {
			b = stampVersion(b, h.Version)
		}
		return os.WriteFile(dst, b, 0o644)
	})
}
