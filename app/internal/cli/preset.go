//go:build !(js && wasm)

package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ganplayground/ganplayground/core/recipe"
)

func init() {
	register(&command{
		name:  "preset",
		usage: "[NAME]   print a named recipe (e.g. paper-mnist) for -recipe; no NAME lists them",
		run:   runPreset,
	})
}

func runPreset(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("preset", stderr)
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	switch fs.NArg() {
	case 0:
		_, err := fmt.Fprintln(stdout, strings.Join(recipe.PresetNames(), "\n"))
		return err
	case 1:
		r, err := recipe.Preset(fs.Arg(0), "")
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(stdout, r.Compact())
		return err
	}
	return errors.New("want at most one preset name")
}
