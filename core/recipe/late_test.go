package recipe

import (
	"strings"
	"testing"
)

// A key added after format-1 files (bias) stays out of Full at its default,
// so checkpoints and links that do not use it keep their bytes, and is
// written, and read back, when set.
func TestLateKeyInFullOnlyWhenSet(t *testing.T) {
	def := Default()
	if full := def.Full(); strings.Contains(full, "bias=") || !strings.Contains(full, "pack=2") {
		t.Errorf("default Full() = %q: want every format-1 key and no bias", full)
	}
	r, err := Parse("data=grid25&bias=kinks")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(r.Full(), "&bias=kinks") {
		t.Errorf("Full() = %q: want bias=kinks at the end", r.Full())
	}
	back, err := Parse(r.Full())
	if err != nil || back.Bias != "kinks" || back.Full() != r.Full() {
		t.Errorf("Parse(Full()) = %+v, %v", back, err)
	}
}
