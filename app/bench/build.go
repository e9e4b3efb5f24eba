//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// buildAll compiles the bench worker to WebAssembly, with SIMD as the page's
// worker is built (bench.wasm) and without (bench-scalar.wasm, what browsers
// lacking SIMD get), and the app natively (its server serves the real
// page), all into dir.
func buildAll(root, dir string) (wasm, app string, err error) {
	wasm, app = filepath.Join(dir, "bench.wasm"), filepath.Join(dir, "app")
	for _, b := range []struct {
		out, pkg string
		env      []string
	}{
		{wasm, "./app/bench/worker", []string{"GOOS=js", "GOARCH=wasm", "GOEXPERIMENT=simd"}},
		{filepath.Join(dir, "bench-scalar.wasm"), "./app/bench/worker", []string{"GOOS=js", "GOARCH=wasm"}},
		{app, "./app", nil},
	} {
		cmd := exec.Command("go", "build", "-o", b.out, b.pkg)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), b.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", "", fmt.Errorf("building %s: %v\n%s", b.pkg, err, out)
		}
	}
	return wasm, app, nil
}
