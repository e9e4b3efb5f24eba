package share

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// gShapes and dShapes must describe exactly what gan.Build makes: links
// are checked against them before anything is built.
func TestShapesMatchBuild(t *testing.T) {
	for _, s := range []string{"", "g=3&z=2&gact=maxout&pieces=3", "data=mnist&z=64&g=256,512",
		"g=5,6,7&gdrop=0.5&gact=tanh&data=grid25", "data=custom&points=1,2",
		"d=7,5&dact=maxout&pieces=4&pack=3&batch=96&ddropin=0.2&ddrop=0.5", "data=mnist&d=240,240&dact=maxout&pack=1"} {
		rc, err := recipe.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := gan.Build(rc)
		if err != nil {
			t.Fatal(err)
		}
		for _, net := range []struct {
			name string
			ps   []*nn.Param
			want []shape
		}{{"gShapes", tr.G.Params(), gShapes(rc)}, {"dShapes", tr.D.Params(), dShapes(rc)}} {
			if len(net.ps) != len(net.want) {
				t.Fatalf("%q: %d tensors, %s says %d", s, len(net.ps), net.name, len(net.want))
			}
			for i, p := range net.ps {
				if p.Rows != net.want[i].rows || p.Cols != net.want[i].cols {
					t.Errorf("%q: %s is %d×%d, %s says %v", s, p.Name, p.Rows, p.Cols, net.name, net.want[i])
				}
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
	if !strings.HasPrefix(s, "R0FOA") || info.Quant != QuantF16 || info.Bytes != len(s) || info.Step != 40 || !info.Fits() || !info.WithD {
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
		if got.Recipe.String() != tr.Recipe.String() || got.Step != 40 || got.DSteps != 40 || got.Data != nil {
			t.Errorf("decoded trainer: recipe %q step %d/%d", got.Recipe.String(), got.Step, got.DSteps)
		}
		if d := maxDiff(tr, got, 256); d > 0.02 {
			t.Errorf("samples differ by %g", d)
		}
	}
	// D is the sender's (to float16), and both schedules stand at step 40.
	got, _, _ := Decode(s)
	for i, p := range got.D.Params() {
		for j, v := range p.W {
			if w := tr.D.Params()[i].W[j]; math.Abs(float64(v-w)) > 1e-3*max(1, math.Abs(float64(w))) {
				t.Fatalf("decoded %s[%d] = %g, sent %g", p.Name, j, v, w)
			}
		}
	}
	if got.OptG.LR() != tr.OptG.LR() || got.OptD.LR() != tr.OptD.LR() || got.OptG.LR() >= tr.Recipe.LRG {
		t.Errorf("learning rates %g/%g, the run's %g/%g", got.OptG.LR(), got.OptD.LR(), tr.OptG.LR(), tr.OptD.LR())
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
	if s2, _, err := EncodeQuant(tr2, QuantF16); err != nil || s2 != s {
		t.Errorf("re-encoded link differs (%v)", err)
	}

	// Without D, the decoded D is the recipe's seed initialisation and
	// everything starts at step 0.
	g, ginfo, err := encode(tr, QuantF16, false)
	if err != nil || ginfo.WithD || ginfo.Bytes >= info.Bytes {
		t.Fatalf("G-only link: %v, %+v (with D: %d bytes)", err, ginfo, info.Bytes)
	}
	gonly, _, err := Decode(g)
	if err != nil {
		t.Fatal(err)
	}
	fresh, _ := gan.Build(tr.Recipe)
	if gan.Fingerprint(gonly.D, gonly.D) != gan.Fingerprint(fresh.D, fresh.D) || gonly.Step != 0 || gonly.OptG.LR() != tr.Recipe.LRG {
		t.Error("a G-only link's D, step or rate is not the seed initialisation's")
	}
	if d := maxDiff(tr, gonly, 256); d > 0.02 {
		t.Errorf("G-only samples differ by %g", d)
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
