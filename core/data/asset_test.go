package data

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

func TestAssetRoundTrip(t *testing.T) {
	for _, n := range []int{1, 3, 257} {
		m := fakeMNIST(n, uint64(n))
		b := encode(t, m)
		got, err := DecodeAsset(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if !equalMNIST(got, m) {
			t.Fatalf("n=%d: decoded asset differs", n)
		}
		if again := encode(t, got); !bytes.Equal(again, b) {
			t.Fatalf("n=%d: encoding is not deterministic", n)
		}
	}
}

func TestEncodeAssetRejectsMalformed(t *testing.T) {
	good := fakeMNIST(2, 1)
	for name, m := range map[string]*MNIST{
		"empty":        {},
		"short images": {Images: good.Images[:Pixels], Labels: good.Labels},
		"bad label":    {Images: good.Images, Labels: []uint8{3, 10}},
	} {
		if err := EncodeAsset(new(bytes.Buffer), m); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: got %v, want ErrCorrupt", name, err)
		}
	}
}

// assetBytes builds an asset by hand, so that each field can be broken.
func assetBytes(t *testing.T, magic string, version, n, rows, cols uint32, labels, images []byte) []byte {
	return gz(t, []byte(magic), be32(version, n, rows, cols), labels, images)
}

func TestDecodeAssetRejectsCorrupt(t *testing.T) {
	m := fakeMNIST(2, 7)
	good := encode(t, m)
	lab, img := m.Labels, m.Images
	flipped := bytes.Clone(good)
	flipped[len(flipped)-12] ^= 0x40 // inside the deflate data or CRC: fails the checksum or the decoder
	cases := map[string][]byte{
		"empty":          nil,
		"not gzip":       []byte("GANMNIST but not compressed"),
		"header only":    gz(t, []byte("GANMNIST")),
		"bad magic":      assetBytes(t, "GANMNISX", 1, 2, 28, 28, lab, img),
		"bad version":    assetBytes(t, "GANMNIST", 2, 2, 28, 28, lab, img),
		"bad size":       assetBytes(t, "GANMNIST", 1, 2, 32, 32, lab, img),
		"zero count":     assetBytes(t, "GANMNIST", 1, 0, 28, 28, nil, nil),
		"huge count":     assetBytes(t, "GANMNIST", 1, 1<<31, 28, 28, lab, img),
		"bad label":      assetBytes(t, "GANMNIST", 1, 2, 28, 28, []byte{1, 11}, img),
		"short images":   assetBytes(t, "GANMNIST", 1, 2, 28, 28, lab, img[:len(img)-1]),
		"long images":    assetBytes(t, "GANMNIST", 1, 2, 28, 28, lab, append(bytes.Clone(img), 0)),
		"trailing bytes": append(bytes.Clone(good), 0),
		"two members":    append(bytes.Clone(good), good...),
		"flipped bit":    flipped,
	}
	for cut := 1; cut < len(good); cut += len(good)/23 + 1 {
		cases["cut at "+itoa(cut)] = good[:cut]
	}
	for name, b := range cases {
		if _, err := DecodeAsset(bytes.NewReader(b)); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: got %v, want ErrCorrupt", name, err)
		}
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

// FuzzDecodeAsset: no input may panic or allocate without bound, and
// whatever decodes must be valid and survive a round trip. The seed corpus
// is in testdata/fuzz/FuzzDecodeAsset.
func FuzzDecodeAsset(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := DecodeAsset(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrCorrupt) {
				t.Fatalf("error %v does not match ErrCorrupt", err)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("decoded an invalid set: %v", err)
		}
		got, err := DecodeAsset(bytes.NewReader(encode(t, m)))
		if err != nil || !equalMNIST(got, m) {
			t.Fatalf("round trip failed: %v", err)
		}
	})
}

// A reader that fails is not corrupt data: its error comes through.
func TestDecodeAssetReaderError(t *testing.T) {
	good := encode(t, fakeMNIST(3, 8))
	boom := errors.New("connection reset")
	for _, cut := range []int{0, 10, len(good) / 2, len(good)} {
		r := io.MultiReader(bytes.NewReader(good[:cut]), iotest.ErrReader(boom))
		_, err := DecodeAsset(r)
		if !errors.Is(err, boom) || errors.Is(err, ErrCorrupt) {
			t.Errorf("failing after %d bytes: got %v, want the reader's error", cut, err)
		}
	}
}
