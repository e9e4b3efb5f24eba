//go:build !(js && wasm)

package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/share"
)

// Caps on the files the CLI reads whole. A file is read up to its cap and
// one byte more, never further: a 2 GB file named .link, or one linked to
// /dev/zero, costs at most the cap in memory and time. (Checkpoints are
// bounded by their header's length field, which checkpoint.Decode caps
// before reading; MNIST's .gz files by their IDX headers.)
const (
	capLink       = share.MaxBundleBytes + 1<<10 // a bundled link, with room for whitespace
	capRecipe     = recipe.MaxLen + 1<<10
	capJSON       = 1 << 20
	capClassifier = 64 << 20 // the bundled classifier is under 1 MB
)

// readCapped reads the file at path, refusing one that holds more than
// limit bytes without reading past limit+1.
func readCapped(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: larger than %d bytes, the most such a file may hold", path, limit)
	}
	return b, nil
}
