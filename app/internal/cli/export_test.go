//go:build !(js && wasm)

package cli

import (
	"bytes"
	"encoding/binary"
	"os"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/share"
)

func TestExportSafetensorsAndLink(t *testing.T) {
	file, out := tmp(t, "a.ckpt"), tmp(t, "g.safetensors")
	trainTo(t, file, small+"&steps=5")
	var r exportResult
	mustRun(t, &r, "export", "-safetensors", out, "-link", file)
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// small's G: 2→16→16→2.
	params := 2*16 + 16 + 16*16 + 16 + 16*2 + 2
	if r.Params != params || r.Bytes != len(b) || len(b) < 4*params {
		t.Fatalf("%+v, file %d bytes", r, len(b))
	}
	n := binary.LittleEndian.Uint64(b)
	if n%8 != 0 || !bytes.Contains(b[8:8+n], []byte(`"g.2.bias":{"dtype":"F32","shape":[2]`)) || len(b)-8-int(n) != 4*params {
		t.Fatalf("header %q", b[8:8+n])
	}
	if !r.LinkFits || r.LinkQuant != "float16" || !strings.HasPrefix(r.Link, "#model=R0FOA") || len(r.Link) != len("#model=")+r.LinkBytes {
		t.Fatalf("link %+v", r)
	}
	tr, _, err := share.Decode(r.Link)
	if err != nil || tr.Recipe.Steps != 5 {
		t.Fatalf("the printed link does not open: %v", err)
	}
}

func TestExportErrors(t *testing.T) {
	file := tmp(t, "a.ckpt")
	trainTo(t, file, small+"&steps=1")
	for _, args := range [][]string{
		{"export"},
		{"export", "-safetensors", tmp(t, "g.bin"), file},
		{"export", tmp(t, "missing.ckpt")},
	} {
		if code, _, errs := cli(args...); code == 0 || strings.Count(strings.TrimSpace(errs), "\n") != 0 || !strings.HasPrefix(errs, "app export: ") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}
