package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// body builds a link body by hand: recipe, step, quant, then tensors.
func body(rc string, q byte, tensors func(b []byte) []byte) []byte {
	b := binary.AppendUvarint(nil, uint64(len(rc)))
	b = append(b, rc...)
	b = binary.AppendUvarint(b, 0)
	b = append(b, q)
	return tensors(b)
}

// f16Tensors writes the tensors of rc's G, every weight equal to w.
func f16Tensors(rc string, w uint16) func([]byte) []byte {
	return func(b []byte) []byte {
		r, _ := recipe.Parse(rc)
		sh := gShapes(r)
		b = append(b, byte(len(sh)))
		for _, s := range sh {
			b = binary.AppendUvarint(b, uint64(s.rows))
			b = binary.AppendUvarint(b, uint64(s.cols))
			n := s.rows * s.cols
			b = append(b, bytes.Repeat([]byte{byte(w)}, n)...)
			b = append(b, bytes.Repeat([]byte{byte(w >> 8)}, n)...)
		}
		return b
	}
}

func TestReject(t *testing.T) {
	tiny := "g=3&d=3&z=2"
	good := seal(1, body(tiny, 1, f16Tensors(tiny, 0x3c00)))
	if tr, _, err := Decode(good); err != nil || tr.G.Params()[0].W[0] != 1 {
		t.Fatalf("the hand-made link does not open: %v", err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(good)
	flip := append([]byte(nil), raw...)
	flip[len(flip)-3] ^= 0x10
	var bomb bytes.Buffer
	bomb.WriteString(Magic + "\x01")
	zw, _ := flate.NewWriter(&bomb, flate.BestCompression)
	zw.Write(make([]byte, 2*MaxBody))
	zw.Close()
	b64 := base64.RawURLEncoding.EncodeToString
	cases := []struct {
		name, link string
		kind       error
	}{
		{"empty", "", ErrLinkCorrupt},
		{"not base64", "R0FOA?!", ErrLinkCorrupt},
		{"padded", good + "=", ErrLinkCorrupt},
		{"no magic", b64([]byte("PNG\x01abc")), ErrLinkCorrupt},
		{"version 3", seal(3, append(body(tiny, 1, f16Tensors(tiny, 0x3c00)), 0)), ErrLinkVersion},
		{"version 0", seal(0, body(tiny, 1, f16Tensors(tiny, 0x3c00))), ErrLinkCorrupt}, // no such version was ever written
		{"v2 without its D flag", seal(2, body(tiny, 1, f16Tensors(tiny, 0x3c00))), ErrLinkCorrupt},
		{"v2 D flag 2", seal(2, append(body(tiny, 1, f16Tensors(tiny, 0x3c00)), 2)), ErrLinkCorrupt},
		{"v2 D flag, no D", seal(2, append(body(tiny, 1, f16Tensors(tiny, 0x3c00)), 1)), ErrLinkCorrupt},
		{"v2 D of another shape", seal(2, append(append(body(tiny, 1, f16Tensors(tiny, 0x3c00)), 1), 1, 2, 3)), ErrLinkModel},
		{"truncated", good[:len(good)/2], ErrLinkCorrupt},
		{"header only", b64([]byte(Magic + "\x01")), ErrLinkCorrupt},
		{"flipped bit", b64(flip), ErrLinkCorrupt},
		{"trailing bytes", b64(append(append([]byte(nil), raw...), 0)), ErrLinkCorrupt},
		{"too long", strings.Repeat("A", MaxLinkBytes+1), ErrLinkTooLarge},
		{"compression bomb", b64(bomb.Bytes()), ErrLinkInflated},
		{"bad recipe", seal(1, body("data=cifar", 1, f16Tensors(tiny, 0))), ErrLinkRecipe},
		{"NaN recipe", seal(1, body("lrg=NaN", 1, f16Tensors(tiny, 0))), ErrLinkRecipe},
		{"huge recipe length", seal(1, binary.AppendUvarint(nil, 1<<40)), ErrLinkCorrupt},
		{"unknown quant", seal(1, body(tiny, 9, f16Tensors(tiny, 0))), ErrLinkModel},
		{"other architecture", seal(1, body(tiny, 1, f16Tensors("g=4&d=3&z=2", 0))), ErrLinkModel},
		{"tensor count", seal(1, body(tiny, 1, func(b []byte) []byte { return append(b, 7) })), ErrLinkModel},
		{"huge shape", seal(1, body(tiny, 1, func(b []byte) []byte {
			return binary.AppendUvarint(binary.AppendUvarint(append(b, 4), 1<<40), 1)
		})), ErrLinkCorrupt},
		{"missing weights", seal(1, body(tiny, 1, func(b []byte) []byte { return f16Tensors(tiny, 0)(b)[:len(b)+20] })), ErrLinkCorrupt},
		{"extra bytes", seal(1, append(body(tiny, 1, f16Tensors(tiny, 0)), 0)), ErrLinkCorrupt},
		{"Inf weight", seal(1, body(tiny, 1, f16Tensors(tiny, 0x7c00))), ErrLinkModel},
		{"NaN weight", seal(1, body(tiny, 1, f16Tensors(tiny, 0x7e00))), ErrLinkModel},
	}
	// int8: a NaN scale and the excluded −128.
	i8, _, err := encode(trained(t, tiny, 0), QuantInt8, false)
	if err != nil {
		t.Fatal(err)
	}
	ib := unseal(t, i8)
	ib = ib[:len(ib)-1] // version 2's D flag (0): the version 1 body ends at G's last tensor
	nanScale := append([]byte(nil), ib...)
	minus := append([]byte(nil), ib...)
	// The last tensor (G's output bias, 1×2) ends the body: scale then 2 bytes.
	binary.LittleEndian.PutUint32(nanScale[len(ib)-6:], 0x7fc00000)
	minus[len(ib)-1] = 0x80
	cases = append(cases,
		struct {
			name, link string
			kind       error
		}{"int8 NaN scale", seal(1, nanScale), ErrLinkModel},
		struct {
			name, link string
			kind       error
		}{"int8 -128", seal(1, minus), ErrLinkModel})

	for _, c := range cases {
		tr, _, err := Decode(c.link)
		if err == nil || tr != nil {
			t.Errorf("%s: decoded", c.name)
			continue
		}
		var le *Error
		if !errors.As(err, &le) || !errors.Is(err, ErrLink) || !errors.Is(err, c.kind) {
			t.Errorf("%s: %v, want %v", c.name, err, c.kind)
		}
	}
}
