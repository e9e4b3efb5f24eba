//go:build !(js && wasm)

package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
)

// wasmSize is one of the page's binaries, raw and as the server sends it.
type wasmSize struct {
	Name      string
	Raw, Gzip int
}

// wasmSizes gzips web/app.wasm and web/worker.wasm at the level the app
// server uses (app/internal/server/server.go: gzip.DefaultCompression).
func wasmSizes(root string) ([]wasmSize, error) {
	var out []wasmSize
	for _, name := range []string{"app.wasm", "worker.wasm"} {
		raw, err := os.ReadFile(filepath.Join(root, "web", name))
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		z, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
		z.Write(raw)
		if err := z.Close(); err != nil {
			return nil, err
		}
		out = append(out, wasmSize{Name: name, Raw: len(raw), Gzip: b.Len()})
	}
	return out, nil
}
