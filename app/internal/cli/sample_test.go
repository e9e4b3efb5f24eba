//go:build !(js && wasm)

package cli

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image/png"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

func TestSampleNPY(t *testing.T) {
	file, out := tmp(t, "a.ckpt"), tmp(t, "s.npy")
	trainTo(t, file, small+"&steps=5")
	mustRun(t, nil, "sample", "-n", "37", "-seed", "9", "-o", out, file)
	b, _ := os.ReadFile(out)

	// NumPy format 1.0: magic, version, little-endian header length, a
	// dict literal padded so the data starts on a 64-byte boundary.
	if string(b[:8]) != "\x93NUMPY\x01\x00" {
		t.Fatalf("magic %q", b[:8])
	}
	hlen := int(binary.LittleEndian.Uint16(b[8:]))
	header := string(b[10 : 10+hlen])
	if (10+hlen)%64 != 0 || !strings.HasSuffix(header, "\n") ||
		!strings.HasPrefix(header, "{'descr': '<f4', 'fortran_order': False, 'shape': (37, 2), }") {
		t.Fatalf("header %q", header)
	}
	body := b[10+hlen:]
	f, _ := os.Open(file)
	defer f.Close()
	tr, err := checkpoint.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	want := tr.Samples(37, 9)
	if len(body) != 4*len(want) {
		t.Fatalf("%d data bytes, want %d", len(body), 4*len(want))
	}
	for i, w := range want {
		if got := math.Float32frombits(binary.LittleEndian.Uint32(body[4*i:])); got != w {
			t.Fatalf("value %d is %v, want %v", i, got, w)
		}
	}
}

func TestSamplePNG(t *testing.T) {
	file := tmp(t, "a.ckpt")
	trainTo(t, file, small+"&steps=5")
	// MNIST: a generator needs no data to draw digits, so a built (never
	// trained) MNIST model is enough to check the grid.
	rc, _ := recipe.Parse("data=mnist&g=8&d=8&z=4")
	m, err := gan.Build(rc)
	if err != nil {
		t.Fatal(err)
	}
	mnist := tmp(t, "m.ckpt")
	if err := saveCheckpoint(mnist, m); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		file string
		n    int
		w, h int
	}{
		{file, 500, scatterPixels, scatterPixels},
		{mnist, 10, 4*30 + 2, 3*30 + 2},
	}
	for _, c := range cases {
		out := tmp(t, "s.png")
		mustRun(t, nil, "sample", "-n", fmt.Sprint(c.n), "-o", out, c.file)
		b, _ := os.ReadFile(out)
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if s := img.Bounds().Size(); s.X != c.w || s.Y != c.h {
			t.Errorf("%s: picture is %v, want %d×%d", c.file, s, c.w, c.h)
		}
	}
}

// The scatter puts samples where they are: a sample at a mode lands on a
// pixel of the sample colour near that mode's position.
func TestScatterPlacesPoints(t *testing.T) {
	real := []float32{-2, -2, 2, 2}
	img := scatter(real, []float32{2, 2}, 100)
	// view: centre 0, half-width 2·1.15 = 2.3; x = 2 → (4.3/4.6)·100 = 93.
	if c := img.RGBAAt(93, 100-1-93); c != sampleColor {
		t.Fatalf("pixel at the sample is %v", c)
	}
	if c := img.RGBAAt(6, 100-1-6); c != realColor {
		t.Fatalf("pixel at the real point is %v", c)
	}
}

// The real check of the .npy writer: numpy.load reads it back. Skipped
// where no Python has NumPy; TestSampleNPY checks the bytes everywhere.
func TestNPYReadsInNumPy(t *testing.T) {
	py := ""
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import numpy").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		t.Skip("no python3 with numpy")
	}
	out := tmp(t, "v.npy")
	vals := []float32{1.5, -2, float32(math.Pi), 1e-30, 0, 65504}
	f, _ := os.Create(out)
	if err := writeNPY(f, vals, 3, 2); err != nil {
		t.Fatal(err)
	}
	f.Close()
	script := "import numpy as n, sys; a = n.load(sys.argv[1]); print(a.dtype, a.shape, ' '.join(repr(float(v)) for v in a.ravel()))"
	got, err := exec.Command(py, "-c", script, out).CombinedOutput()
	if err != nil {
		t.Fatalf("numpy.load: %v: %s", err, got)
	}
	want := "float32 (3, 2) 1.5 -2.0 3.1415927410125732 1.0000000031710769e-30 0.0 65504.0\n"
	if string(got) != want {
		t.Fatalf("numpy read %q, want %q", got, want)
	}
}
