//go:build !(js && wasm)

package cli

import (
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"path/filepath"
	"strings"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/rng"
)

func init() {
	register(&command{
		name:  "sample",
		usage: "-n N -o OUT.png|OUT.npy [-seed S] FILE   draw samples of a checkpoint's or a .link file's generator",
		run:   runSample,
	})
}

// Caps: a scatter of more points says nothing more; a digit grid of more
// images is too large to look at.
const (
	maxSamples    = 100_000
	maxDigitGrid  = 2500
	scatterPixels = 512
	scatterReal   = 2500
)

func runSample(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("sample", stderr)
	n := fs.Int("n", 1000, "number of samples")
	out := fs.String("o", "", "output file: .png (picture) or .npy (float32 N×dim array)")
	seed := fs.Uint64("seed", evalSeed, "noise seed")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("want one checkpoint file: app sample -n N -o OUT FILE")
	}
	if *n < 1 || *n > maxSamples {
		return fmt.Errorf("-n %d: want 1 to %d", *n, maxSamples)
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if ext != ".png" && ext != ".npy" {
		return fmt.Errorf("-o %q: want a .png or .npy file", *out)
	}
	t, err := loadModel(fs.Arg(0))
	if err != nil {
		return err
	}
	mnist := t.Recipe.DataSet().Image()
	if mnist && ext == ".png" && *n > maxDigitGrid {
		return fmt.Errorf("-n %d: a digit grid holds at most %d images", *n, maxDigitGrid)
	}
	samples := t.Samples(*n, *seed)
	if err := finiteSamples(samples, t.Recipe.DataDim()); err != nil {
		return err
	}
	return writeFile(*out, func(w io.Writer) error {
		switch {
		case ext == ".npy":
			return writeNPY(w, samples, *n, t.Recipe.DataDim())
		case mnist:
			return png.Encode(w, digitGrid(samples, *n))
		default:
			img, err := scatterOverData(t, samples, *seed)
			if err != nil {
				return err
			}
			return png.Encode(w, img)
		}
	})
}

// scatterOverData plots 2-D samples over real data. Every 2-D source is
// computed, not loaded, so this never waits for data.
func scatterOverData(t *gan.Trainer, samples []float32, seed uint64) (image.Image, error) {
	src, err := data.New(t.Recipe, nil)
	if err != nil {
		return nil, err
	}
	real := make([]float32, scatterReal*2)
	src.Sample(rng.New(seed^0xda7a), real, scatterReal)
	return scatter(real, samples, scatterPixels), nil
}
