package share

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// Every half widens exactly and narrows back to itself.
func TestF16RoundTripAll(t *testing.T) {
	for h := 0; h < 1<<16; h++ {
		v := f32(uint16(h))
		if v != v {
			if got := f16(v); got&0x7c00 != 0x7c00 || got&0x3ff == 0 {
				t.Fatalf("NaN %04x narrows to %04x", h, got)
			}
			continue
		}
		if got := f16(v); got != uint16(h) {
			t.Fatalf("%04x → %v → %04x", h, v, got)
		}
	}
}

// f16 picks the nearest half, ties to even, on random values of every
// magnitude (checked in float64 against both neighbours).
func TestF16Nearest(t *testing.T) {
	r := rng.New(1)
	for i := 0; i < 200000; i++ {
		v := float32((2*r.Float64() - 1) * math.Pow(2, float64(r.IntN(44)-28)))
		h := f16(v)
		if math.Abs(float64(v)) > 65504 {
			continue
		}
		got := math.Abs(float64(f32(h)) - float64(v))
		for _, n := range []uint16{h + 1, h - 1} {
			w := f32(n)
			if w != w || math.IsInf(float64(w), 0) || (n^h)&0x8000 != 0 {
				continue
			}
			if d := math.Abs(float64(w) - float64(v)); d < got || (d == got && n&1 == 0) {
				t.Fatalf("f16(%g) = %04x (%g), but %04x (%g) is nearer or even", v, h, f32(h), n, w)
			}
		}
	}
	for _, c := range []struct {
		v float32
		h uint16
	}{{0, 0}, {1, 0x3c00}, {-2, 0xc000}, {65504, 0x7bff}, {65520, 0x7c00}, {1e9, 0x7c00},
		{float32(math.Pow(2, -24)), 1}, {float32(math.Pow(2, -25)), 0}, {float32(math.Pow(2, -25) * 1.01), 1}} {
		if got := f16(c.v); got != c.h {
			t.Errorf("f16(%g) = %04x, want %04x", c.v, got, c.h)
		}
	}
}
