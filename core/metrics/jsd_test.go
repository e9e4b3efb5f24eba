package metrics

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/rng"
)

func draw(src data.Source, n int, seed uint64) []float32 {
	s := make([]float32, 2*n)
	src.Sample(rng.New(seed), s, n)
	return s
}

// constant returns n copies of one point.
func constant(n int, x, y float32) []float32 {
	s := make([]float32, 2*n)
	for i := 0; i < n; i++ {
		s[2*i], s[2*i+1] = x, y
	}
	return s
}

func TestJSD(t *testing.T) {
	const n = 2500
	ring := data.Ring8()
	oneMode := &data.Mixture{Means: ring.Means[:1], Std: ring.Std}
	halfModes := &data.Mixture{Means: ring.Means[:4], Std: ring.Std}
	blurred := &data.Mixture{Means: ring.Means, Std: 0.2}
	nan := draw(ring, n, 2)
	nan[0] = float32(math.NaN())
	cases := []struct {
		name     string
		data     data.Source
		samples  []float32
		min, max float64
	}{
		// Same distribution, other seed: only sampling noise remains.
		{"ring8 perfect", ring, draw(ring, n, 2), 0, 0.002},
		{"grid25 perfect", data.Grid25(), draw(data.Grid25(), n, 2), 0, 0.005},
		{"spiral perfect", data.Spiral{}, draw(data.Spiral{}, n, 2), 0, 0.01},
		{"moons perfect", data.Moons{}, draw(data.Moons{}, n, 2), 0, 0.01},
		{"custom perfect", data.Custom([]float32{0, 0, 1, 1}), draw(data.Custom([]float32{0, 0, 1, 1}), n, 2), 0, 0.005},
		// Collapse onto one of 8 equal modes: the JSD between 8 uniform
		// bins and a point mass on one is 0.4969 nats.
		{"ring8 collapsed", ring, draw(oneMode, n, 2), 0.47, 0.52},
		// Half the modes, evenly: ¾·ln(4/3) = 0.2158 nats.
		{"ring8 half the modes", ring, draw(halfModes, n, 2), 0.19, 0.24},
		{"ring8 blurred", ring, draw(blurred, n, 2), 0.1, 0.6},
		// Disjoint: all mass where the data has none, on or off the grid.
		{"ring8 vs its centre", ring, constant(n, 0, 0), math.Ln2 - 1e-6, math.Ln2},
		{"ring8 vs far away", ring, constant(n, 1e6, -1e6), math.Ln2 - 1e-6, math.Ln2},
		{"moons vs far away", data.Moons{}, constant(n, 50, 50), math.Ln2 - 1e-6, math.Ln2},
		// One NaN among 2500 moves 1/2500 of the mass off the grid.
		{"ring8 one NaN", ring, nan, 0, 0.002},
	}
	for _, c := range cases {
		got, err := JSD(c.data, c.samples)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		t.Logf("%-22s JSD %.5f nats", c.name, got)
		if got < c.min || got > c.max || math.IsNaN(got) {
			t.Errorf("%s: JSD %.5f, want in [%v, %v]", c.name, got, c.min, c.max)
		}
	}
}

// The closed forms the collapse cases above rely on, from the definition.
func TestJSDCollapseReference(t *testing.T) {
	jsd := func(p, q []float64) float64 {
		var s float64
		for k := range p {
			m := (p[k] + q[k]) / 2
			if p[k] > 0 {
				s += p[k] * math.Log(p[k]/m)
			}
			if q[k] > 0 {
				s += q[k] * math.Log(q[k]/m)
			}
		}
		return s / 2
	}
	u := []float64{1. / 8, 1. / 8, 1. / 8, 1. / 8, 1. / 8, 1. / 8, 1. / 8, 1. / 8}
	cases := []struct {
		q    []float64
		want float64
	}{
		{[]float64{1, 0, 0, 0, 0, 0, 0, 0}, (math.Log(2./9)/8 + 7*math.Ln2/8 + math.Log(16./9)) / 2},
		{[]float64{.25, .25, .25, .25, 0, 0, 0, 0}, 0.75 * math.Log(4./3)},
	}
	for _, c := range cases {
		if got := jsd(u, c.q); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("JSD(uniform, %v) = %.4f, want %.4f", c.q, got, c.want)
		}
	}
}

func TestJSDRefReuse(t *testing.T) {
	ref, err := NewJSDRef(data.Moons{})
	if err != nil {
		t.Fatal(err)
	}
	s := draw(data.Moons{}, 1000, 3)
	a, _ := ref.JSD(s)
	if _, err := ref.JSD(constant(10, 9, 9)); err != nil {
		t.Fatal(err)
	}
	if b, _ := ref.JSD(s); a != b {
		t.Fatalf("second call on the same samples: %v then %v", a, b)
	}
}

// The reference masses are probability vectors whatever the data.
func TestJSDRefSumsToOne(t *testing.T) {
	for _, src := range []data.Source{data.Ring8(), data.Grid25(), data.Spiral{}, data.Moons{}} {
		ref, err := NewJSDRef(src)
		if err != nil {
			t.Fatal(err)
		}
		var s float64
		for _, p := range ref.p {
			s += p
		}
		if math.Abs(s-1) > 1e-9 || ref.p[len(ref.p)-1] > 1e-3 {
			t.Errorf("%T: masses sum to %v, %v outside", src, s, ref.p[len(ref.p)-1])
		}
	}
}

func TestJSDRejects(t *testing.T) {
	if _, err := JSD(data.Ring8(), nil); err == nil {
		t.Error("no samples: no error")
	}
	if _, err := JSD(data.Ring8(), []float32{1, 2, 3}); err == nil {
		t.Error("odd length: no error")
	}
	if _, err := JSD(data.Custom(nil), []float32{1, 2}); err == nil {
		t.Error("mixture without modes: no error")
	}
	if _, err := JSD(&data.Digits{}, []float32{1, 2}); err == nil {
		t.Error("784-D data: no error")
	}
}

// BenchmarkJSD scores 2,500 samples against a kept reference, as the page
// does every few hundred steps; it should not allocate.
func BenchmarkJSD(b *testing.B) {
	ref, err := NewJSDRef(data.Spiral{})
	if err != nil {
		b.Fatal(err)
	}
	s := draw(data.Spiral{}, 2500, 2)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ref.JSD(s); err != nil {
			b.Fatal(err)
		}
	}
}
