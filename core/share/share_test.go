package share

import (
	"errors"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// gShapes must describe exactly what gan.Build makes: links are checked
// against it before anything is built.
func TestGShapesMatchBuild(t *testing.T) {
	for _, s := range []string{"", "g=3&z=2&gact=maxout&pieces=3", "data=mnist&z=64&g=256,512",
		"g=5,6,7&gdrop=0.5&gact=tanh&data=grid25", "data=custom&points=1,2"} {
		rc, err := recipe.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := gan.Build(rc)
		if err != nil {
			t.Fatal(err)
		}
		ps, want := tr.G.Params(), gShapes(rc)
		if len(ps) != len(want) {
			t.Fatalf("%q: %d tensors, gShapes says %d", s, len(ps), len(want))
		}
		for i, p := range ps {
			if p.Rows != want[i].rows || p.Cols != want[i].cols {
				t.Errorf("%q: %s is %d×%d, gShapes says %v", s, p.Name, p.Rows, p.Cols, want[i])
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	tr := trained(t, "steps=40&g=32,32&d=32&seed=5", 40)
	s, info, err := Encode(tr)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s, "R0FOA") || info.Quant != QuantF16 || info.Bytes != len(s) || info.Step != 40 || !info.Fits() {
		t.Fatalf("link %.10s… info %+v", s, info)
	}
	for _, in := range []string{s, "#" + Fragment(s), "seed=3&" + Fragment(s), " " + s + "\n"} {
		got, ginfo, err := Decode(in)
		if err != nil {
			t.Fatal(err)
		}
		if ginfo != info {
			t.Errorf("decoded info %+v, encoded %+v", ginfo, info)
		}
		if got.Recipe.String() != tr.Recipe.String() || got.Step != 0 || got.Data != nil {
			t.Errorf("decoded trainer: recipe %q step %d", got.Recipe.String(), got.Step)
		}
		if d := maxDiff(tr, got, 256); d > 0.02 {
			t.Errorf("samples differ by %g", d)
		}
	}
	// D is the recipe's seed initialisation, not the sender's D.
	got, _, _ := Decode(s)
	fresh, _ := gan.Build(tr.Recipe)
	if gan.Fingerprint(got.D, got.D) != gan.Fingerprint(fresh.D, fresh.D) {
		t.Error("decoded D is not the seed-initialised D")
	}
	// A decoded link trains on (once data is attached).
	src := trained(t, tr.Recipe.String(), 0).Data
	if err := got.Attach(src); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := got.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	// Re-encoding a float16 link gives the same link.
	tr2, _, _ := Decode(s)
	tr2.Step = 40
	if s2, _, err := EncodeQuant(tr2, QuantF16); err != nil || s2 != s {
		t.Errorf("re-encoded link differs (%v)", err)
	}
}

func TestEncodeRefusesDiverged(t *testing.T) {
	tr := trained(t, "g=4&d=4&batch=8", 0)
	tr.G.Params()[0].W[3] = float32(inf())
	if _, _, err := Encode(tr); !errors.Is(err, ErrLinkModel) {
		t.Fatalf("got %v, want ErrLinkModel", err)
	}
	tr.G.Params()[0].W[3] = 1e5 // beyond float16
	if _, _, err := EncodeQuant(tr, QuantF16); !errors.Is(err, ErrLinkModel) {
		t.Fatalf("got %v, want ErrLinkModel", err)
	}
	if _, _, err := EncodeQuant(tr, QuantInt8); err != nil {
		t.Fatalf("int8 should take large weights: %v", err)
	}
}

func TestFromFragment(t *testing.T) {
	for in, want := range map[string]string{"#model=abc": "abc", "?seed=1&model=x-y_z": "x-y_z", "model=": ""} {
		if got, ok := FromFragment(in); !ok || got != want {
			t.Errorf("FromFragment(%q) = %q %v", in, got, ok)
		}
	}
	if _, ok := FromFragment("#seed=1&models=3"); ok {
		t.Error("found a model in a plain recipe")
	}
}
