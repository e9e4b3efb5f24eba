package checkpoint

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/ganplayground/ganplayground/core/optim"
)

func TestRoundTrip(t *testing.T) {
	for _, s := range []string{adamRecipe, paperRecipe, wganRecipe, tinyRecipe} {
		a := newTrainer(t, s)
		train(t, a, 9)
		raw := encode(t, a)
		b := decode(t, raw)
		if a.Recipe.Full() != b.Recipe.Full() || a.Step != b.Step || a.DSteps != b.DSteps || a.Stats != b.Stats {
			t.Errorf("%s: header fields differ: %d/%d vs %d/%d", s, a.Step, a.DSteps, b.Step, b.DSteps)
		}
		ra, _ := a.RNG.MarshalBinary()
		rb, _ := b.RNG.MarshalBinary()
		if !bytes.Equal(ra, rb) {
			t.Errorf("%s: random state differs", s)
		}
		pa, pb := append(a.G.Params(), a.D.Params()...), append(b.G.Params(), b.D.Params()...)
		for i := range pa {
			if pa[i].Name != pb[i].Name || !reflect.DeepEqual(pa[i].W, pb[i].W) {
				t.Errorf("%s: tensor %s differs", s, pa[i].Name)
			}
		}
		for i, o := range [][2]*optim.Optimizer{{a.OptG, b.OptG}, {a.OptD, b.OptD}} {
			x, y := o[0], o[1]
			if x.T != y.T || x.Scale != y.Scale || x.B1T != y.B1T || x.B2T != y.B2T || !reflect.DeepEqual(x.State(), y.State()) {
				t.Errorf("%s: optimiser %d state differs", s, i)
			}
		}
		if again := encode(t, b); !bytes.Equal(raw, again) {
			t.Errorf("%s: re-encoding a decoded checkpoint changes its bytes", s)
		}
	}
}

// TestResumeIsBitIdentical is the point of a checkpoint: N steps, save,
// load, M steps gives exactly the weights of N+M uninterrupted steps.
func TestResumeIsBitIdentical(t *testing.T) {
	const n, m = 13, 17
	for _, s := range []string{adamRecipe, paperRecipe, wganRecipe} {
		whole := newTrainer(t, s)
		train(t, whole, n+m)

		first := newTrainer(t, s)
		train(t, first, n)
		resumed := decode(t, encode(t, first))
		train(t, resumed, m)

		if whole.Fingerprint() != resumed.Fingerprint() || whole.DSteps != resumed.DSteps || whole.Stats != resumed.Stats {
			t.Errorf("%s: resumed run %s, uninterrupted %s", s, resumed.Fingerprint(), whole.Fingerprint())
		}
	}
}

// A checkpoint loads without its data: the page shows samples of a loaded
// model before MNIST has arrived.
func TestDecodeNeedsNoData(t *testing.T) {
	a := newTrainer(t, adamRecipe)
	train(t, a, 3)
	b, err := Decode(bytes.NewReader(encode(t, a)))
	if err != nil {
		t.Fatal(err)
	}
	if b.Data != nil {
		t.Fatal("Decode attached a data source")
	}
	if !reflect.DeepEqual(a.Samples(5, 99), b.Samples(5, 99)) {
		t.Fatal("a loaded model draws different samples")
	}
}
