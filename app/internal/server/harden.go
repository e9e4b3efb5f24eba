//go:build !(js && wasm)

package server

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	goerrors "github.com/maxence-charriere/go-app/v10/pkg/errors"
)

// CSP is the Content-Security-Policy the server sends with every response:
// exactly what the page needs. Scripts come from the site only ('self': no
// inline script, no eval), but WebAssembly may be compiled
// ('wasm-unsafe-eval': app.wasm and worker.wasm); the training worker and
// the service worker are the site's own files; fetches (wasm, data,
// gallery) go to the site, or to blob: URLs the page made itself (a
// download's bytes, read back); images may also be data: (checkpoint
// thumbnails) and blob: URLs (downloads); go-app writes inline style
// attributes, hence 'unsafe-inline' for styles alone; no plugins, no
// forms elsewhere, and no site may frame the page (clickjacking).
// docs/offline.md lists the same headers for static servers that can set them.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self' blob:; " +
	"img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; manifest-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders are set on every response.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", CSP},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
}

// Timeouts. A client must send its request headers within headerTimeout
// and the rest within readTimeout; an idle keep-alive connection is closed
// after idleTimeout. Writes have no overall deadline — app.wasm takes a
// slow link minutes, and that is fine — but a client that stops reading
// for stallTimeout is dropped, so clients that never read cannot hold
// connections open.
const (
	headerTimeout = 10 * time.Second
	readTimeout   = 30 * time.Second
	idleTimeout   = 60 * time.Second
	writeChunk    = 64 << 10
)

// stallTimeout is a variable so that a test can wait for it.
var stallTimeout = 30 * time.Second

// newServer is the HTTP server for the page's handler: gzip, security
// headers, GET and HEAD only, and the timeouts above.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           secure(gzipHandler(h)),
		ReadHeaderTimeout: headerTimeout,
		ReadTimeout:       readTimeout,
		IdleTimeout:       idleTimeout,
	}
}

// secure answers only GET and HEAD (405 otherwise: the site is read-only),
// sets the security headers, and gives writes the stall deadline.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		for _, h := range securityHeaders {
			rw.Header().Set(h[0], h[1])
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			rw.Header().Set("Allow", "GET, HEAD")
			http.Error(rw, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		sw := &stallWriter{ResponseWriter: rw, rc: http.NewResponseController(rw)}
		sw.extend() // also covers a response whose only write is the final flush
		next.ServeHTTP(sw, r)
	})
}

// stallWriter writes in chunks, moving the connection's write deadline
// stallTimeout ahead before each: a slow reader gets all the time it
// needs, a client that stopped reading is dropped.
type stallWriter struct {
	http.ResponseWriter
	rc *http.ResponseController
}

func (w *stallWriter) extend() { w.rc.SetWriteDeadline(time.Now().Add(stallTimeout)) }

func (w *stallWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		k := min(len(p), writeChunk)
		w.extend()
		m, err := w.ResponseWriter.Write(p[:k])
		n += m
		if err != nil {
			return n, err
		}
		p = p[k:]
	}
	return n, nil
}

// Unwrap lets http.ResponseController reach the connection.
func (w *stallWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// hidden reports a path (slash-separated, relative to the web folder)
// with a component starting with '.': dotfiles (.git, .env, editor swap
// files) are neither served nor exported.
func hidden(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") && part != "." {
			return true
		}
	}
	return false
}

// inside reports whether file, with every symbolic link resolved, is a
// regular file within dir (also resolved): a link pointing out of the web
// folder is neither served nor exported.
func inside(dir, file string) bool {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return false
	}
	real, err := filepath.EvalSymlinks(file)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return false
	}
	st, err := os.Stat(real)
	return err == nil && st.Mode().IsRegular()
}

// plainError flattens go-app's errors, whose text is a JSON object (line,
// message, tags, wrapped error), into one readable line: their messages,
// then the underlying error.
func plainError(err error) error {
	if err == nil {
		return nil
	}
	var parts []string
	for err != nil {
		e, ok := err.(goerrors.Error)
		if !ok {
			parts = append(parts, err.Error())
			break
		}
		parts = append(parts, e.Message)
		err = e.WrappedErr
	}
	return errors.New(strings.Join(parts, ": "))
}
