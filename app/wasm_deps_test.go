//go:build !(js && wasm)

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The page's app.wasm carries neither the server nor the command line:
// both are native-only packages that main reaches only outside the
// browser.
func TestPageLeavesOutServerAndCLI(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list -deps printed %d packages: %q", len(deps), out)
	}
	for _, p := range deps {
		if strings.HasSuffix(p, "/app/internal/cli") || strings.HasSuffix(p, "/app/internal/server") {
			t.Errorf("app.wasm depends on %s", p)
		}
	}
}
