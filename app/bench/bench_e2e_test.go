//go:build !(js && wasm)

package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestBenchEndToEnd runs the whole benchmark briefly: W1 only, one short
// window each, one page visit. It needs Chromium, the wasm files, the MNIST
// asset and app/bench's npm packages (`make bench` installs them), so it
// runs only with E2E=1, like app/e2e:
//
//	E2E=1 go test -count=1 -run BenchEndToEnd ./app/bench
func TestBenchEndToEnd(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("set E2E=1 (needs Chromium, make wasm, make assets and npm ci in app/bench)")
	}
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	c := config{
		root: root, chromium: envOr("CHROMIUM", "/usr/bin/chromium"),
		windows: 2, window: 200 * time.Millisecond, warm: 200 * time.Millisecond,
		only: map[string]bool{"W1": true}, visits: 1,
		impls: []string{"go", "go-scalar", page, "tfjs-wasm", "tfjs-wasm-default", "tfjs-cpu"},
	}
	var out strings.Builder
	if err := run(c, &out); err != nil {
		t.Fatal(err)
	}
	report := out.String()
	t.Log(report)
	var row string
	for _, l := range strings.Split(report, "\n") {
		if strings.HasPrefix(l, "| W1 |") {
			row = l
		}
	}
	// Every implementation measured: no empty cell in W1's row.
	if row == "" || strings.Contains(row, "—") || strings.Count(row, "|") != 2+len(columns)+1 {
		t.Errorf("W1's row is incomplete: %q", row)
	}
	for _, want := range []string{"threads 2", "crossOriginIsolated true", "first step shown", "app.wasm", "StepW1 "} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}
