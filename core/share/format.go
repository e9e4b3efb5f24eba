package share

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// Key is the fragment key of a shared model: https://…/#model=<value>.
const Key = "model"

// Magic opens every link body (before compression), then the version.
const Magic = "GAN"

// Version is the link format this package writes. Decode reads every
// version listed in testdata/links-v*.txt. Version 2 may carry D after G
// (a flag byte says whether it does); version 1 holds G only.
const Version = 2

// MaxLinkBytes caps the fragment value. Browsers accept far longer URLs,
// but chat programs, mail clients and QR codes do not; beyond this the page
// offers a checkpoint file instead and says why.
const MaxLinkBytes = 64 << 10

// MaxBody caps the body after decompression: a G of a link that fits
// MaxLinkBytes, at most ≈ 48 KiB of DEFLATE, holds far less; a link
// inflating beyond it is a compression bomb.
const MaxBody = 1 << 20

// Quant is how weights are stored.
type Quant uint8

const (
	QuantAuto Quant = 0 // float16 if the link fits, else int8
	QuantF16  Quant = 1 // IEEE half precision
	QuantInt8 Quant = 2 // int8 with one float32 scale per tensor
)

func (q Quant) String() string {
	switch q {
	case QuantAuto:
		return "auto"
	case QuantF16:
		return "float16"
	case QuantInt8:
		return "int8"
	}
	return fmt.Sprintf("quant(%d)", uint8(q))
}

// Info describes a link, for the page to show.
type Info struct {
	Version int
	Quant   Quant
	Step    int    // G's updates when it was shared (a decoded trainer continues at it when WithD)
	Params  int    // G's parameter count
	WithD   bool   // D travels too: training on starts from the shared D (see Decode)
	Body    int    // bytes before compression
	Bytes   int    // length of the fragment value: what MaxLinkBytes bounds
	Recipe  string // canonical recipe text (recipe.String)
}

// Fits reports whether the link is short enough to share as a link.
func (i Info) Fits() bool { return i.Bytes <= MaxLinkBytes }

// Fragment is the URL fragment (without '#') for a value from Encode.
func Fragment(value string) string { return Key + "=" + value }

// FromFragment finds the model value in a URL fragment such as
// "#model=R0FOA…" or "#seed=3&model=…"; ok is false when there is none.
func FromFragment(frag string) (value string, ok bool) {
	for _, part := range recipe.Parts(frag) {
		if part.Key == Key && part.HasValue {
			return part.Value, true
		}
	}
	return "", false
}

// shape is one tensor's rows and cols.
type shape struct{ rows, cols int }

// gShapes lists G's tensors for a recipe, without building anything: what
// a link's shapes and length are checked against before allocation. It
// mirrors nn.NewMLP; a test checks that it agrees with gan.Build.
func gShapes(rc recipe.Recipe) []shape {
	pieces := 1
	if rc.GAct == "maxout" {
		pieces = rc.Pieces
	}
	var out []shape
	in := rc.Z
	for _, h := range rc.G {
		out = append(out, shape{in, h * pieces}, shape{1, h * pieces})
		in = h
	}
	dim := rc.DataDim()
	return append(out, shape{in, dim}, shape{1, dim})
}

// dShapes lists D's tensors for a recipe, as gShapes does G's: D reads
// Pack samples side by side and ends in one logit.
func dShapes(rc recipe.Recipe) []shape {
	pieces := 1
	if rc.DAct == "maxout" {
		pieces = rc.Pieces
	}
	var out []shape
	in := rc.DataDim() * rc.Pack
	for _, h := range rc.D {
		out = append(out, shape{in, h * pieces}, shape{1, h * pieces})
		in = h
	}
	return append(out, shape{in, 1}, shape{1, 1})
}
