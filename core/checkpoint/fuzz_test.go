package checkpoint

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// seeds are the starting points of FuzzDecode: valid files of both
// optimisers, and near misses. The same list is committed under
// testdata/fuzz/FuzzDecode (regenerate with -update-corpus), so a plain
// `go test` replays it.
func seeds(t testing.TB) map[string][]byte {
	adam := newTrainer(t, tinyRecipe)
	train(t, adam, 2)
	sgd := newTrainer(t, "batch=4&g=3&d=3&z=2&dact=maxout&pieces=2&ddrop=0.5&opt=sgd&seed=15")
	train(t, sgd, 2)
	a, s := encode(t, adam), encode(t, sgd)
	v2 := append([]byte(nil), a...)
	v2[len(Magic)] = Version + 1
	return map[string][]byte{
		"adam":      a,
		"sgd":       s,
		"version2":  reseal(v2),
		"header":    a[:headerLen],
		"truncated": a[:len(a)/2],
		"empty":     {},
	}
}

var updateCorpus = flag.Bool("update-corpus", false, "rewrite testdata/fuzz/FuzzDecode from seeds()")

func TestUpdateCorpus(t *testing.T) {
	if !*updateCorpus {
		t.Skip("run with -update-corpus to regenerate the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzDecode")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range seeds(t) {
		text := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzDecode: no input panics; every error is a typed checkpoint error; and
// whatever decodes, encodes to a file that decodes to the same weights.
func FuzzDecode(f *testing.F) {
	for _, b := range seeds(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		tr, err := Decode(bytes.NewReader(b))
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := Encode(&out, tr); err != nil {
			t.Fatalf("a decoded checkpoint does not encode: %v", err)
		}
		again, err := Decode(&out)
		if err != nil || again.Fingerprint() != tr.Fingerprint() {
			t.Fatalf("re-encoded checkpoint: %v", err)
		}
	})
}

// FuzzPayload fuzzes behind the checksum: each input is sealed into a file
// with the right header, length and CRC, so that the fuzzer explores the
// payload parser instead of stopping at the checksum.
func FuzzPayload(f *testing.F) {
	for _, name := range []string{"adam", "sgd"} {
		b := seeds(f)[name]
		f.Add(b[headerLen : len(b)-4])
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		b := append([]byte(Magic), 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
		b = reseal(append(append(b, payload...), 0, 0, 0, 0))
		tr, err := Decode(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrFormat) {
				t.Fatalf("a sealed file gave %v, want ErrFormat", err)
			}
			return
		}
		if err := tr.CheckFinite(); err != nil {
			t.Fatal(err)
		}
	})
}
