//go:build !(js && wasm)

package cli

import (
	"fmt"
	"strings"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/share"
)

// linkExt marks a file holding a model link's value (the text after
// #model=), as the gallery stores them.
const linkExt = ".link"

// loadModel reads a checkpoint, or a .link file. A decoded link's trainer
// has G only (D and the optimisers at their seed state); its Step is set to
// the step the link was made at, so that eval reports it.
func loadModel(path string) (*gan.Trainer, error) {
	if !strings.HasSuffix(path, linkExt) {
		return loadCheckpoint(path)
	}
	b, err := readCapped(path, capLink)
	if err != nil {
		return nil, err
	}
	t, info, err := share.DecodeBundle(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t.Step = info.Step
	return t, nil
}
