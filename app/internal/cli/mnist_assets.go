//go:build !(js && wasm)

package cli

import (
	"errors"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/data"
	"io"
	"os"
	"path/filepath"
)

func init() {
	register(&command{
		name:  "mnist-assets",
		usage: "-o DIR [-mnist DIR]   write the page's MNIST assets (DIR/mnist-train.bin, mnist-eval.bin, mnist-classifier.bin)",
		run:   runMNISTAssets,
	})
}

// The files the page's worker fetches, relative to web/data: the training
// images, the quick evaluation set (data.EvalSet) and the classifier behind
// the digit shares and the Fréchet distance (a copy of the embedded one).
const (
	mnistAsset      = "mnist-train.bin"
	mnistEvalAsset  = "mnist-eval.bin"
	classifierAsset = "mnist-classifier.bin"
)

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
	train, test, err := loadMNIST(*mnist)
	if err != nil {
		return err
	}
	// The paper's split: the page trains on the first 50,000 images.
	set := train.TrainSplit()
	path := filepath.Join(*dir, mnistAsset)
	if err := writeFile(path, func(w io.Writer) error { return data.EncodeAsset(w, set) }); err != nil {
		return err
	}
	eval, err := data.EvalSet(train, test)
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(*dir, mnistEvalAsset), func(w io.Writer) error { return data.EncodeAsset(w, eval) }); err != nil {
		return err
	}
	if err := writeFile(filepath.Join(*dir, classifierAsset), func(w io.Writer) error {
		_, err := w.Write(assets.MNISTClassifier)
		return err
	}); err != nil {
		return err
	}
	return printJSON(stdout, struct {
		Out    string `json:"out"`
		Images int    `json:"images"`
		Eval   int    `json:"eval_images"`
	}{path, set.Len(), eval.Len()})
}
