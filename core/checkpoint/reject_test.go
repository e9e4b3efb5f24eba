package checkpoint

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/rng"
)

// mustReject decodes b and wants a typed checkpoint error of one of the
// given kinds, with the package prefix, and no panic.
func mustReject(t *testing.T, what string, b []byte, kinds ...error) {
	t.Helper()
	tr, err := Decode(bytes.NewReader(b))
	if err == nil || tr != nil {
		t.Fatalf("%s: decoded without error", what)
	}
	var ce *Error
	if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), "checkpoint: ") {
		t.Fatalf("%s: error %q is not a *checkpoint.Error", what, err)
	}
	for _, k := range kinds {
		if errors.Is(err, k) {
			return
		}
	}
	t.Fatalf("%s: error %q is none of %v", what, err, kinds)
}

func TestEveryFlippedByteIsRejected(t *testing.T) {
	tr := newTrainer(t, tinyRecipe)
	train(t, tr, 2)
	good := encode(t, tr)
	for i := range good {
		for _, mask := range []byte{0x01, 0x80, 0xff} {
			b := append([]byte(nil), good...)
			b[i] ^= mask
			mustReject(t, "flipped byte", b, ErrFormat, ErrChecksum)
		}
	}
}

func TestEveryPrefixIsRejected(t *testing.T) {
	tr := newTrainer(t, tinyRecipe)
	good := encode(t, tr)
	for n := 0; n < len(good); n++ {
		mustReject(t, "truncated", good[:n], ErrFormat)
	}
	mustReject(t, "trailing byte", append(append([]byte(nil), good...), 0), ErrFormat)
}

func TestRandomFilesAreRejected(t *testing.T) {
	r := rng.New(3)
	for i := 0; i < 2000; i++ {
		b := make([]byte, r.IntN(300))
		for j := range b {
			b[j] = byte(r.Uint64())
		}
		if i%2 == 1 && len(b) >= len(Magic) {
			copy(b, Magic) // get past the first check
		}
		mustReject(t, "random", b, ErrFormat, ErrChecksum, ErrVersion)
	}
}

// Well-sealed files (length and checksum right) whose content is wrong: the
// checks behind the checksum.
func TestSealedButWrong(t *testing.T) {
	tr := newTrainer(t, tinyRecipe)
	train(t, tr, 2)
	marker := float32(1234.5)
	tr.G.Params()[0].W[1] = marker
	good := encode(t, tr)
	var mb [4]byte
	binary.LittleEndian.PutUint32(mb[:], math.Float32bits(marker))
	at := bytes.Index(good, mb[:])

	cases := []struct {
		name string
		edit func(b []byte) []byte
		kind error
		say  string
	}{
		{"newer version", func(b []byte) []byte { b[len(Magic)] = Version + 1; return b }, ErrVersion, "version 2"},
		{"NaN weight", func(b []byte) []byte {
			binary.LittleEndian.PutUint32(b[at:], math.Float32bits(float32(math.NaN())))
			return b
		}, ErrFormat, "G.0.w[1] is NaN"},
		{"Inf weight", func(b []byte) []byte {
			binary.LittleEndian.PutUint32(b[at:], math.Float32bits(float32(math.Inf(-1))))
			return b
		}, ErrFormat, "-Inf"},
		{"recipe with another shape", func(b []byte) []byte { return bytes.Replace(b, []byte("&g=3&"), []byte("&g=4&"), 1) }, ErrFormat, "the recipe wants G.0.w 2×4"},
		{"recipe that does not parse", func(b []byte) []byte { return bytes.Replace(b, []byte("&g=3&"), []byte("&g=x&"), 1) }, ErrFormat, "recipe: g:"},
		{"extra payload byte", func(b []byte) []byte { return append(b[:len(b)-4], 0, 0, 0, 0, 0) }, ErrFormat, "unread bytes"},
	}
	for _, c := range cases {
		b := reseal(c.edit(append([]byte(nil), good...)))
		mustReject(t, c.name, b, c.kind)
		if _, err := Decode(bytes.NewReader(b)); !strings.Contains(err.Error(), c.say) {
			t.Errorf("%s: error %q does not say %q", c.name, err, c.say)
		}
	}
}

func TestEncodeRefusesNaN(t *testing.T) {
	tr := newTrainer(t, tinyRecipe)
	tr.D.Params()[2].W[0] = float32(math.NaN())
	var b bytes.Buffer
	if err := Encode(&b, tr); err == nil || b.Len() != 0 {
		t.Fatalf("encoded a NaN weight: %v, %d bytes", err, b.Len())
	}
}

// Trainers tampered with before encoding: Encode refuses each, writing
// nothing, and a file written without its check is refused by Decode for
// the same reason.
func TestImpossibleStateIsRejected(t *testing.T) {
	cases := []struct {
		name   string
		tamper func(tr *gan.Trainer)
		say    string
	}{
		{"optimiser out of step", func(tr *gan.Trainer) { tr.OptG.T++ }, "optimiser G has done 3 updates, the trainer 2"},
		{"zero learning-rate scale", func(tr *gan.Trainer) { tr.OptD.Scale = 0 }, "scale = 0"},
		{"beta power above one", func(tr *gan.Trainer) { tr.OptG.B2T = 1.5 }, "b2t = 1.5"},
		{"negative second moment", func(tr *gan.Trainer) { tr.OptD.State()[len(tr.OptD.State())-1][0] = -1 }, "optimiser D[0] is -1"},
		{"step count out of range", func(tr *gan.Trainer) { tr.Step = 1 << 60 }, "step = "},
	}
	for _, c := range cases {
		tr := newTrainer(t, tinyRecipe)
		train(t, tr, 2)
		c.tamper(tr)
		var refused bytes.Buffer
		if err := Encode(&refused, tr); err == nil || refused.Len() != 0 {
			t.Errorf("%s: Encode wrote %d bytes (%v), want a refusal", c.name, refused.Len(), err)
		}
		var unchecked bytes.Buffer
		if err := encodeUnchecked(&unchecked, tr); err != nil {
			t.Fatal(err)
		}
		b := unchecked.Bytes()
		mustReject(t, c.name, b, ErrFormat)
		if _, err := Decode(bytes.NewReader(b)); !strings.Contains(err.Error(), c.say) {
			t.Errorf("%s: error %q does not say %q", c.name, err, c.say)
		}
	}
}
