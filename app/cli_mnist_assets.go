//go:build !(js && wasm)

package main

import (
	"errors"
	"github.com/ganplayground/ganplayground/core/data"
	"io"
	"os"
	"path/filepath"
)

func init() {
	register(&command{
		name:  "mnist-assets",
		usage: "-o DIR [-mnist DIR]   write the page's MNIST asset (DIR/mnist-train.bin)",
		run:   runMNISTAssets,
	})
}

// mnistAsset is the file the page's worker fetches, relative to web/.
const mnistAsset = "mnist-train.bin"

func runMNISTAssets(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("mnist-assets", stderr)
	dir := fs.String("o", "", "folder to write into (the page serves web/data)")
	mnist := fs.String("mnist", "", "folder of the MNIST .gz files (default: the GoMNIST module's)")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return errors.New("unexpected argument " + fs.Arg(0))
	}
	if *dir == "" {
		return errors.New("-o DIR is required")
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	train, _, err := loadMNIST(*mnist)
	if err != nil {
		return err
	}
	// The paper's split: the page trains on the first 50,000 images.
	set := train.TrainSplit()
	path := filepath.Join(*dir, mnistAsset)
	if err := writeFile(path, func(w io.Writer) error { return data.EncodeAsset(w, set) }); err != nil {
		return err
	}
	return printJSON(stdout, struct {
		Out    string `json:"out"`
		Images int    `json:"images"`
	}{path, set.Len()})
}
