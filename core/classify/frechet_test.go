package classify

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
	"gonum.org/v1/gonum/mat"
)

func diag(v ...float64) *mat.SymDense {
	m := mat.NewSymDense(len(v), nil)
	for i, x := range v {
		m.SetSym(i, i, x)
	}
	return m
}

// Closed forms: for commuting (here diagonal) covariances
// FD = ‖μ1−μ2‖² + Σ (√a_i − √b_i)²; in one dimension (σ1−σ2)² + (μ1−μ2)².
func TestFrechetClosedForm(t *testing.T) {
	// A non-diagonal pair: Σ2 = Q diag Q^T with a rotation Q and Σ1 = I,
	// so Σ1Σ2 = Σ2 and Tr√ = Σ √λ.
	th := 0.7
	q := mat.NewDense(2, 2, []float64{math.Cos(th), -math.Sin(th), math.Sin(th), math.Cos(th)})
	var rot mat.Dense
	rot.Mul(q, mat.NewDense(2, 2, []float64{4, 0, 0, 9}))
	rot.Mul(&rot, q.T())
	rotSym := mat.NewSymDense(2, []float64{rot.At(0, 0), rot.At(0, 1), rot.At(1, 0), rot.At(1, 1)})
	cases := []struct {
		name string
		a, b Gaussian
		want float64
	}{
		{"same", Gaussian{[]float64{1, 2}, diag(2, 3)}, Gaussian{[]float64{1, 2}, diag(2, 3)}, 0},
		{"1-D", Gaussian{[]float64{0}, diag(4)}, Gaussian{[]float64{3}, diag(1)}, 9 + 1},
		{"diagonal", Gaussian{[]float64{0, 0, 1}, diag(1, 4, 9)}, Gaussian{[]float64{1, 1, 1}, diag(4, 4, 1)},
			2 + 1 + 0 + 4},
		{"rotated", Gaussian{[]float64{0, 0}, diag(1, 1)}, Gaussian{[]float64{0, 0}, rotSym}, (1 + 1) + (4 + 9) - 2*(2+3)},
		{"singular", Gaussian{[]float64{0, 0}, diag(0, 1)}, Gaussian{[]float64{0, 0}, diag(1, 1)}, 1},
	}
	for _, c := range cases {
		got, err := Frechet(c.a, c.b)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if math.Abs(got-c.want) > 1e-9*math.Max(1, c.want) {
			t.Errorf("%s: FD %v, want %v", c.name, got, c.want)
		}
		back, _ := Frechet(c.b, c.a)
		if math.Abs(back-got) > 1e-9*math.Max(1, got) {
			t.Errorf("%s: not symmetric: %v and %v", c.name, got, back)
		}
	}
}

// Fit on samples of two known Gaussians: the sample FD approaches the
// closed form.
func TestFitFrechetSamples(t *testing.T) {
	r := rng.New(7)
	const n, dim = 20000, 3
	draw := func(mu, sd []float64) []float32 {
		x := make([]float32, n*dim)
		for i := 0; i < n; i++ {
			for j := 0; j < dim; j++ {
				x[i*dim+j] = float32(mu[j] + sd[j]*r.Normal())
			}
		}
		return x
	}
	a, err := Fit(draw([]float64{0, 1, 2}, []float64{1, 2, 3}), n, dim)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Fit(draw([]float64{1, 1, 2}, []float64{2, 2, 1}), n, dim)
	want := 1.0 + (1 + 0 + 4)
	got, err := Frechet(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got-want) > 0.1 {
		t.Errorf("sample FD %v, want about %v", got, want)
	}
	if _, err := Fit([]float32{1, 2}, 1, 2); err == nil {
		t.Error("one row: want an error")
	}
}
