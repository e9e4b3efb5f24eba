package classify

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Gaussian is the mean and covariance of a set of feature vectors.
type Gaussian struct {
	Mu  []float64
	Cov *mat.SymDense
}

// Fit returns the sample mean and (unbiased) covariance of rows×dim
// features, accumulated in float64.
func Fit(x []float32, rows, dim int) (Gaussian, error) {
	if rows < 2 || dim < 1 || len(x) < rows*dim {
		return Gaussian{}, fmt.Errorf("classify: %d rows of %d features (%d values): need at least 2 rows", rows, dim, len(x))
	}
	mu := make([]float64, dim)
	for i := 0; i < rows; i++ {
		for j, v := range x[i*dim : (i+1)*dim] {
			mu[j] += float64(v)
		}
	}
	for j := range mu {
		mu[j] /= float64(rows)
	}
	c := mat.NewDense(rows, dim, nil)
	for i := 0; i < rows; i++ {
		for j, v := range x[i*dim : (i+1)*dim] {
			c.Set(i, j, float64(v)-mu[j])
		}
	}
	cov := mat.NewSymDense(dim, nil)
	cov.SymOuterK(1/float64(rows-1), c.T())
	return Gaussian{Mu: mu, Cov: cov}, nil
}

// Frechet is the Fréchet (2-Wasserstein) distance between two Gaussians,
//
//	FD = ‖μ1−μ2‖² + Tr(Σ1 + Σ2 − 2(Σ1Σ2)^{1/2}).
//
// Tr((Σ1Σ2)^{1/2}) is computed as Tr((S Σ2 S)^{1/2}) with S = Σ1^{1/2}:
// S Σ2 S is similar to Σ1Σ2 but symmetric, so both roots come from
// symmetric eigendecompositions, and eigenvalues that round below zero are
// clamped rather than turned into NaN.
func Frechet(a, b Gaussian) (float64, error) {
	n := len(a.Mu)
	if n != len(b.Mu) || a.Cov.SymmetricDim() != n || b.Cov.SymmetricDim() != n {
		return 0, fmt.Errorf("classify: Fréchet distance of %d- and %d-dimensional Gaussians", n, len(b.Mu))
	}
	var d2 float64
	for i := range a.Mu {
		d := a.Mu[i] - b.Mu[i]
		d2 += d * d
	}
	s, err := sqrtSym(a.Cov)
	if err != nil {
		return 0, err
	}
	var t mat.Dense
	t.Mul(s, b.Cov)
	t.Mul(&t, s)
	m := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			m.SetSym(i, j, (t.At(i, j)+t.At(j, i))/2) // symmetric up to rounding
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(m, false) {
		return 0, fmt.Errorf("classify: eigendecomposition failed")
	}
	var trRoot float64
	for _, v := range eig.Values(nil) {
		trRoot += math.Sqrt(math.Max(v, 0))
	}
	fd := d2 + mat.Trace(a.Cov) + mat.Trace(b.Cov) - 2*trRoot
	if math.IsNaN(fd) || math.IsInf(fd, 0) {
		return 0, fmt.Errorf("classify: Fréchet distance is %v", fd)
	}
	return math.Max(fd, 0), nil
}

// sqrtSym is the symmetric positive semi-definite square root of c.
func sqrtSym(c *mat.SymDense) (*mat.Dense, error) {
	var eig mat.EigenSym
	if !eig.Factorize(c, true) {
		return nil, fmt.Errorf("classify: eigendecomposition failed")
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	n := len(vals)
	scaled := mat.NewDense(n, n, nil)
	for j, v := range vals {
		r := math.Sqrt(math.Max(v, 0))
		for i := 0; i < n; i++ {
			scaled.Set(i, j, vecs.At(i, j)*r)
		}
	}
	var s mat.Dense
	s.Mul(scaled, vecs.T())
	return &s, nil
}
