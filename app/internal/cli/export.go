//go:build !(js && wasm)

package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ganplayground/ganplayground/core/export"
	"github.com/ganplayground/ganplayground/core/share"
)

func init() {
	register(&command{
		name:  "export",
		usage: "[-safetensors OUT.safetensors] [-link] FILE   write a checkpoint's generator as safetensors; -link prints its model link",
		run:   runExport,
	})
}

// exportResult is the JSON line export prints.
type exportResult struct {
	Safetensors string `json:"safetensors,omitempty"`
	Bytes       int    `json:"bytes,omitempty"`
	Params      int    `json:"params"`
	LinkBytes   int    `json:"link_bytes"` // the length of #model=… (or what it would be)
	LinkQuant   string `json:"link_quant"`
	LinkFits    bool   `json:"link_fits"`
	Link        string `json:"link,omitempty"` // the fragment, with -link and when it fits
}

func runExport(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	out := fs.String("safetensors", "", "write G's weights to this .safetensors file")
	link := fs.Bool("link", false, "print the model link's fragment (#model=…), when it fits")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("want one checkpoint file: app export -safetensors OUT FILE")
	}
	if *out != "" && strings.ToLower(filepath.Ext(*out)) != ".safetensors" {
		return fmt.Errorf("-safetensors %q: want a .safetensors file", *out)
	}
	t, err := loadCheckpoint(fs.Arg(0))
	if err != nil {
		return err
	}
	res := exportResult{Params: t.G.ParamCount()}
	value, info, err := share.Encode(t)
	if err != nil && !errors.Is(err, share.ErrLinkTooLarge) {
		return err
	}
	res.LinkBytes, res.LinkQuant, res.LinkFits = info.Bytes, info.Quant.String(), info.Fits()
	if *link && err == nil {
		res.Link = "#" + share.Fragment(value)
	}
	if *out != "" {
		b, err := export.GeneratorSafetensors(t)
		if err != nil {
			return err
		}
		if err := writeFile(*out, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return err
		}
		res.Safetensors, res.Bytes = *out, len(b)
	}
	return printJSON(stdout, res)
}
