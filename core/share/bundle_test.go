package share

import (
	"errors"
	"math"
	"testing"
)

// A bundled MNIST generator is longer than a URL may be: Decode refuses
// it, DecodeBundle opens it, and the weights are the int8 rounding of the
// original (float16 would inflate past MaxBody).
func TestBundleCarriesAnMNISTGenerator(t *testing.T) {
	tr := trained(t, "data=mnist&z=64&g=256,512", 0)
	s, info, err := EncodeBundle(tr)
	if err != nil {
		t.Fatal(err)
	}
	if info.Quant != QuantInt8 || info.Body > MaxBody || len(s) <= MaxLinkBytes || len(s) > MaxBundleBytes {
		t.Fatalf("info %+v, %d bytes; want int8, body ≤ %d, longer than a link, within %d", info, len(s), MaxBody, MaxBundleBytes)
	}
	if _, _, err := Decode(s); !errors.Is(err, ErrLinkTooLarge) {
		t.Fatalf("Decode of a %d-byte bundle: %v, want ErrLinkTooLarge", len(s), err)
	}
	got, ginfo, err := DecodeBundle(s)
	if err != nil {
		t.Fatal(err)
	}
	if ginfo.Params != info.Params || ginfo.Quant != QuantInt8 || got.Recipe.String() != tr.Recipe.String() {
		t.Fatalf("decoded info %+v, recipe %q; sent %+v", ginfo, got.Recipe.String(), info)
	}
	for i, p := range tr.G.Params() {
		var maxAbs float64
		for _, v := range p.W {
			maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
		}
		q := got.G.Params()[i]
		for j, v := range p.W {
			if d := math.Abs(float64(q.W[j] - v)); d > maxAbs/254*1.001 {
				t.Fatalf("%s[%d]: %g became %g, beyond int8 rounding (scale %g)", p.Name, j, v, q.W[j], maxAbs/127)
			}
		}
	}
}

// Small generators are bundled as float16, exactly as a link would carry
// them.
func TestBundleOfASmallModelIsItsLink(t *testing.T) {
	tr := trained(t, "g=32,32&d=32,32&batch=64", 20)
	b, info, err := EncodeBundle(tr)
	if err != nil || info.Quant != QuantF16 {
		t.Fatalf("EncodeBundle: %v, %+v", err, info)
	}
	l, _, err := Encode(tr)
	if err != nil || l != b {
		t.Fatalf("Encode: %v; the bundle differs from the link", err)
	}
	if _, _, err := Decode(b); err != nil {
		t.Fatal(err)
	}
}

// A generator whose float16 link is too long for a URL (the default
// ring8 G: 33,666 parameters, about 79 KB) is still bundled as float16:
// the gallery shows the model as trained, not its int8 rounding.
func TestBundlePrefersFloat16(t *testing.T) {
	tr := ring8()
	b, info, err := EncodeBundle(tr)
	if err != nil || info.Quant != QuantF16 || len(b) <= MaxLinkBytes {
		t.Fatalf("EncodeBundle: %v, %+v, %d bytes", err, info, len(b))
	}
	got, _, err := DecodeBundle(b)
	if err != nil {
		t.Fatal(err)
	}
	if d := maxDiff(tr, got, 512); d > 0.02 {
		t.Fatalf("samples moved by %g", d)
	}
}
