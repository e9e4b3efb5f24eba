//go:build !(js && wasm)

package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// parseFlags parses a command's flags quietly: a bad flag becomes the
// command's one-line error instead of the flag package's usage dump; -h
// prints the flags.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stderr)
		fmt.Fprintf(stderr, "usage: app %s %s\n", fs.Name(), commands[fs.Name()].usage)
		fs.PrintDefaults()
	}
	return err
}

// loadCheckpoint reads a checkpoint file. The trainer has no data attached.
func loadCheckpoint(path string) (*gan.Trainer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := checkpoint.Decode(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// saveCheckpoint writes t to path atomically (see writeFile). A refused
// save (NaN weights) leaves the previous file as it was.
func saveCheckpoint(path string, t *gan.Trainer) error {
	return writeFile(path, func(w io.Writer) error { return checkpoint.Encode(w, t) })
}

// writeFile writes path through a temporary file in the same folder,
// synced and then renamed over path: a crash or a failed fill never
// leaves half a file, and never touches the file that was there.
func writeFile(path string, fill func(io.Writer) error) (err error) {
	path, err = outputTarget(path) // through symbolic links; never over a device
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 1<<16)
	if err = fill(w); err != nil {
		return err
	}
	if err = w.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil { // CreateTemp's 0600 is for secrets; these are results
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// dataSource builds the data set a recipe names. MNIST trains on the
// paper's training split (the first 50,000 images), as the page does.
func dataSource(rc recipe.Recipe, mnist string) (data.Source, error) {
	if rc.DataSet().Asset == "" {
		return data.New(rc, nil) // computed, not loaded
	}
	train, _, err := loadMNIST(mnist)
	if err != nil {
		return nil, err
	}
	return data.New(rc, train.TrainSplit())
}

// checkWritable fails early if path's folder cannot take the checkpoint,
// rather than after an hour of training.
func checkWritable(path string) error {
	path, err := outputTarget(path)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".probe*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// printJSON writes v as one line of JSON. Recipes keep their '&' (the
// encoder's HTML escaping would print \u0026).
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
