package share

import (
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds: a small link of each storage, and near misses. The same list
// is committed under testdata/fuzz/FuzzDecode (regenerate with
// -update-corpus), so a plain `go test` replays it.
func fuzzSeeds(t testing.TB) map[string]string {
	tiny := trained(t, "g=3&d=3&z=2&batch=8&seed=9", 2)
	f, _, err := EncodeQuant(tiny, QuantF16)
	if err != nil {
		t.Fatal(err)
	}
	i, _, err := EncodeQuant(tiny, QuantInt8)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"f16":       f,
		"int8":      i,
		"fragment":  "#" + Fragment(f),
		"truncated": f[:len(f)/2],
		"version2":  seal(2, unseal(t, f)),
		"empty":     "",
	}
}

var updateCorpus = flag.Bool("update-corpus", false, "rewrite testdata/fuzz/FuzzDecode from fuzzSeeds()")

func TestUpdateFuzzCorpus(t *testing.T) {
	if !*updateCorpus {
		t.Skip("run with -update-corpus to regenerate the seed corpus")
	}
	dir := filepath.Join("testdata", "fuzz", "FuzzDecode")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, s := range fuzzSeeds(t) {
		text := fmt.Sprintf("go test fuzz v1\nstring(%q)\n", s)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// FuzzDecode: no input panics; every error is a typed link error; what
// opens holds finite weights, and a float16 link re-encodes to itself.
func FuzzDecode(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tr, info, err := Decode(s)
		if err != nil {
			var le *Error
			if !errors.As(err, &le) || !errors.Is(err, ErrLink) {
				t.Fatalf("untyped error %v", err)
			}
			return
		}
		if err := tr.CheckFinite(); err != nil {
			t.Fatal(err)
		}
		if info.Quant != QuantF16 {
			return
		}
		tr.Step = info.Step
		again, _, err := encode(tr, QuantF16, info.WithD)
		if err != nil {
			t.Fatalf("an opened link does not encode: %v", err)
		}
		back, _, err := Decode(again)
		if err != nil || back.Fingerprint() != tr.Fingerprint() {
			t.Fatalf("re-encoded link: %v", err)
		}
	})
}

// FuzzBody fuzzes behind the checksum, as checkpoint's FuzzPayload does:
// each input body is sealed into a link with the right magic, version,
// compression and CRC, so that the fuzzer explores the body parser (recipe,
// shapes, quantisation, D flag, weights) instead of stopping at the
// checksum. Whatever opens holds finite weights of the recipe's shapes.
func FuzzBody(f *testing.F) {
	seeds := fuzzSeeds(f)
	for _, name := range []string{"f16", "int8", "version2"} {
		raw, err := base64.RawURLEncoding.DecodeString(seeds[name])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw[len(Magic)], unseal(f, seeds[name]))
	}
	f.Fuzz(func(t *testing.T, version byte, body []byte) {
		version = 1 + version%Version // every version this build reads
		tr, info, err := Decode(seal(version, body))
		if err != nil {
			if !errors.Is(err, ErrLink) || errors.Is(err, ErrLinkVersion) {
				t.Fatalf("a sealed version %d body gave %v", version, err)
			}
			if strings.Contains(err.Error(), "checksum") {
				t.Fatalf("the re-sealed body failed its checksum: %v", err)
			}
			return
		}
		if err := tr.CheckFinite(); err != nil {
			t.Fatal(err)
		}
		if n := tr.G.ParamCount(); n != info.Params {
			t.Fatalf("opened G has %d parameters, the link says %d", n, info.Params)
		}
	})
}
