package share

import (
	"errors"
	"testing"
)

// An MNIST-sized G makes a link too long for a URL: Decode refuses it,
// DecodeBundled opens it to the same weights.
func TestDecodeBundledOpensLongLinks(t *testing.T) {
	tr := trained(t, "data=grid25&z=16&g=256,512&d=8&batch=4", 0)
	v, info, err := EncodeBundled(tr)
	if err != nil {
		t.Fatal(err)
	}
	if info.Quant != QuantF16 {
		t.Errorf("bundled links are float16 while they fit, got %v", info.Quant)
	}
	if info.Fits() {
		t.Fatalf("a %d-byte link fits: pick a bigger G for this test", info.Bytes)
	}
	if _, _, err := Decode(v); !errors.Is(err, ErrLinkTooLarge) {
		t.Fatalf("Decode: %v", err)
	}
	got, _, err := DecodeBundled(v)
	if err != nil {
		t.Fatal(err)
	}
	if got.Recipe.String() != tr.Recipe.String() {
		t.Errorf("recipe %q, want %q", got.Recipe.String(), tr.Recipe.String())
	}
	if _, _, err := DecodeBundled(v[:len(v)-7]); err == nil {
		t.Error("a cut bundled link opened")
	}
}
