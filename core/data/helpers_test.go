package data

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

// fakeMNIST is n random images with labels 0–9, for tests that must run
// under WASM too (no real files there).
func fakeMNIST(n int, seed uint64) *MNIST {
	r := rng.New(seed)
	m := &MNIST{Images: make([]uint8, n*Pixels), Labels: make([]uint8, n)}
	for i := range m.Labels {
		m.Labels[i] = uint8(r.IntN(10))
	}
	for i := range m.Images {
		if r.IntN(4) == 0 { // mostly background, like digits
			m.Images[i] = uint8(r.IntN(256))
		}
	}
	return m
}

func gz(t testing.TB, parts ...[]byte) []byte {
	t.Helper()
	var b bytes.Buffer
	z := gzip.NewWriter(&b)
	for _, p := range parts {
		if _, err := z.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func be32(vs ...uint32) []byte {
	b := make([]byte, 4*len(vs))
	for i, v := range vs {
		binary.BigEndian.PutUint32(b[4*i:], v)
	}
	return b
}

func encode(t testing.TB, m *MNIST) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := EncodeAsset(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func equalMNIST(a, b *MNIST) bool {
	return bytes.Equal(a.Images, b.Images) && bytes.Equal(a.Labels, b.Labels)
}
