//go:build !(js && wasm)

package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
)

// startBenchServer serves the bench page: app/bench/web at /bench/ (and
// its index at /), the bench worker's wasm builds (SIMD and scalar), the repository's web/ folder at
// /web/ (wasm_exec.js, the MNIST asset) and TF.js's browser bundles and
// wasm binaries at /tfjs/. Every response is cross-origin isolated, which
// TF.js's wasm backend needs for SharedArrayBuffer, hence threads.
func startBenchServer(root, benchWasm string) (*httptest.Server, error) {
	tfjs := filepath.Join(root, "app", "bench", "node_modules", "@tensorflow")
	tfjsFiles := map[string]string{
		"tf.min.js":                            "tfjs/dist/tf.min.js",
		"tf-backend-wasm.min.js":               "tfjs-backend-wasm/dist/tf-backend-wasm.min.js",
		"tfjs-backend-wasm.wasm":               "tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm",
		"tfjs-backend-wasm-simd.wasm":          "tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm",
		"tfjs-backend-wasm-threaded-simd.wasm": "tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm",
	}
	web := filepath.Join(root, "app", "bench", "web")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(web, "index.html"))
	})
	mux.HandleFunc("GET /bench/bench.wasm", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, benchWasm)
	})
	mux.HandleFunc("GET /bench/bench-scalar.wasm", func(w http.ResponseWriter, r *http.Request) {
		http.ServeFile(w, r, filepath.Join(filepath.Dir(benchWasm), "bench-scalar.wasm"))
	})
	mux.Handle("GET /bench/", http.StripPrefix("/bench/", http.FileServer(http.Dir(web))))
	mux.Handle("GET /web/", http.StripPrefix("/web/", http.FileServer(http.Dir(filepath.Join(root, "web")))))
	mux.HandleFunc("GET /tfjs/{file}", func(w http.ResponseWriter, r *http.Request) {
		f, ok := tfjsFiles[r.PathValue("file")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, filepath.Join(tfjs, filepath.FromSlash(f)))
	})
	return httptest.NewServer(isolated(mux)), nil
}

// isolated adds the headers that make the page and its workers
// cross-origin isolated, and turns caching off (each run serves fresh
// builds).
func isolated(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cross-Origin-Opener-Policy", "same-origin")
		w.Header().Set("Cross-Origin-Embedder-Policy", "require-corp")
		w.Header().Set("Cross-Origin-Resource-Policy", "same-origin")
		w.Header().Set("Cache-Control", "no-store")
		if os.Getenv("BENCH_LOG") != "" {
			fmt.Fprintln(os.Stderr, "bench server:", r.Method, r.URL)
		}
		h.ServeHTTP(w, r)
	})
}
