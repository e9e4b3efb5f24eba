package share

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"math"
	"sync"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// trained returns a trainer for the recipe after steps iterations, or, for
// MNIST (no data in unit tests), as built: seed-initialised weights.
func trained(t testing.TB, s string, steps int) *gan.Trainer {
	t.Helper()
	rc, err := recipe.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	if rc.Data == "mnist" {
		tr, err := gan.Build(rc)
		if err != nil {
			t.Fatal(err)
		}
		return tr
	}
	src, err := data.New(rc, nil)
	if err != nil {
		t.Fatal(err)
	}
	tr, err := gan.New(rc, src)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < steps; i++ {
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	return tr
}

// ring8 is the default ring8 recipe after 100 steps (20 under -race),
// trained once per test binary.
var ring8 = sync.OnceValue(func() *gan.Trainer {
	steps := 100
	if raceEnabled {
		steps = 20
	}
	rc := recipe.Default()
	src, _ := data.New(rc, nil)
	tr, err := gan.New(rc, src)
	if err != nil {
		panic(err)
	}
	for i := 0; i < steps; i++ {
		if err := tr.StepOnce(); err != nil {
			panic(err)
		}
	}
	return tr
})

// sampleFP fingerprints 64 samples of G drawn with noise seed 7: what the
// page shows when a link opens.
func sampleFP(tr *gan.Trainer) string {
	h := sha256.New()
	var b [4]byte
	for _, v := range tr.Samples(64, 7) {
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(v))
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// maxDiff is the largest coordinate difference between n samples of a and
// b drawn from the same noise.
func maxDiff(a, b *gan.Trainer, n int) float64 {
	x, y := a.Samples(n, 99), b.Samples(n, 99)
	m := 0.0
	for i := range x {
		m = max(m, math.Abs(float64(x[i]-y[i])))
	}
	return m
}

// seal makes a link from a body (everything after magic and version,
// without the checksum), with a correct checksum: tests reach the checks
// behind it.
func seal(version byte, body []byte) string {
	head := append([]byte(Magic), version)
	body = binary.LittleEndian.AppendUint32(append([]byte(nil), body...),
		crc32.Update(crc32.ChecksumIEEE(head), crc32.IEEETable, body))
	var out bytes.Buffer
	out.Write(head)
	zw, _ := flate.NewWriter(&out, flate.BestCompression)
	zw.Write(body)
	zw.Close()
	return base64.RawURLEncoding.EncodeToString(out.Bytes())
}

// unseal returns a link's body without magic, version and checksum.
func unseal(t testing.TB, s string) []byte {
	t.Helper()
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(flate.NewReader(bytes.NewReader(raw[len(Magic)+1:]))); err != nil {
		t.Fatal(err)
	}
	b := out.Bytes()
	return b[:len(b)-4]
}

func inf() float64 { return math.Inf(1) }

func rmsDiff(a, b *gan.Trainer, n int) float64 {
	x, y := a.Samples(n, 99), b.Samples(n, 99)
	s := 0.0
	for i := range x {
		d := float64(x[i] - y[i])
		s += d * d
	}
	return math.Sqrt(s / float64(len(x)))
}
