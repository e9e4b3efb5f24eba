package metrics

import (
	"fmt"
	"math"
)

// ParzenSigmas is the paper's grid of window widths, numpy's
// logspace(−1, 0, 10): ten values from 0.1 to 1, evenly spaced in log σ.
func ParzenSigmas() []float64 {
	s := make([]float64, 10)
	for k := range s {
		s[k] = math.Pow(10, -1+float64(k)/9)
	}
	return s
}

// ParzenResult is the paper's Table 1 entry for one generator.
type ParzenResult struct {
	LL      float64   `json:"ll"`       // mean log-likelihood of the test set, nats
	SE      float64   `json:"se"`       // its standard error, std/√N (population std, as numpy's default)
	Sigma   float64   `json:"sigma"`    // the window width that maximised ValidLL
	Sigmas  []float64 `json:"sigmas"`   // the widths tried, ParzenSigmas()
	ValidLL []float64 `json:"valid_ll"` // mean log-likelihood of the validation set for each width
	N       int       `json:"n"`        // test points
}

// Parzen is the paper's evaluation: fit a Gaussian Parzen window to the
// generator's samples (n×dim, row-major), choose σ from ParzenSigmas by
// the mean log-likelihood of valid (the paper used the first 1,000 images
// of the validation split), then report the mean log-likelihood of test
// with that σ. progress, if not nil, is called with the fraction done
// (0–1) after each block of rows, from the calling goroutine.
func Parzen(samples, valid, test []float32, dim int, progress func(float64)) (ParzenResult, error) {
	sig := ParzenSigmas()
	if err := checkRows("valid", valid, dim); err != nil {
		return ParzenResult{}, err
	}
	if err := checkRows("test", test, dim); err != nil {
		return ParzenResult{}, err
	}
	nv, nt := len(valid)/dim, len(test)/dim
	// Both passes cost the same per row (one product with every sample),
	// so progress is rows done over all rows.
	share := float64(nv) / float64(nv+nt)
	sub := func(off, scale float64) func(float64) {
		if progress == nil {
			return nil
		}
		return func(f float64) { progress(off + scale*f) }
	}

	vll := make([]float64, nv*len(sig))
	if err := ParzenLL(vll, samples, valid, dim, sig, sub(0, share)); err != nil {
		return ParzenResult{}, err
	}
	r := ParzenResult{Sigmas: sig, N: nt}
	var best int
	r.ValidLL, best = ChooseSigma(vll, len(sig))
	r.Sigma = sig[best]

	tll := make([]float64, nt)
	if err := ParzenLL(tll, samples, test, dim, sig[best:best+1], sub(share, 1-share)); err != nil {
		return ParzenResult{}, err
	}
	r.LL, r.SE = MeanSE(tll)
	return r, nil
}

// ChooseSigma is the paper's choice of window: from ParzenLL's results
// for the validation rows (rows × nSigmas), the mean log-likelihood at
// each width and the index of the highest (the first, on a tie).
func ChooseSigma(vll []float64, nSigmas int) (means []float64, best int) {
	means = make([]float64, nSigmas)
	for i, v := range vll {
		means[i%nSigmas] += v
	}
	for k := range means {
		means[k] /= float64(len(vll) / nSigmas)
		if means[k] > means[best] {
			best = k
		}
	}
	return means, best
}

// MeanSE returns the mean of v and its standard error std/√n, in two
// passes so that a large common offset (LL ≈ 200) costs no precision.
func MeanSE(v []float64) (mean, se float64) {
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	var ss float64
	for _, x := range v {
		ss += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(ss/float64(len(v))) / math.Sqrt(float64(len(v)))
}

// parzenBlock is how many rows of x share one matrix product: 128 rows
// against 10,000 samples is a 10 MB distance block, big enough for Gemm to
// run near full speed and small enough for the browser.
var parzenBlock = 128

// ParzenLL sets ll[i*len(sigmas)+k] to the log-density of row i of x under
// the Gaussian Parzen window of width sigmas[k] centred on the samples:
//
//	log p(x) = logmeanexp_j(−‖x − s_j‖² / 2σ²) − dim·log(σ√(2π))
//
// The squared distances come from one matrix product per block of rows
// (gonum's Dgemm natively, dotsSparse under WASM; both skip x's zero
// pixels), ‖x‖² + ‖s‖² − 2x·s, and
// each block's distances serve every σ. The arithmetic is float64: with
// pixel norms near 100, float32 sums over 784 terms leave errors around
// 1e-4 in a distance, which 1/2σ² = 50 (σ = 0.1) turns into visible noise
// in the likelihood; float64 matches the brute-force definition to 1e-9
// and costs little. The log-mean-exp is shifted by the nearest sample's
// distance, so it neither overflows nor underflows.
func ParzenLL(ll []float64, samples, x []float32, dim int, sigmas []float64, progress func(float64)) error {
	k, err := NewParzenKDE(samples, dim)
	if err != nil {
		return err
	}
	return k.LL(ll, x, sigmas, progress)
}

// ParzenKDE is a Parzen window's samples prepared once (transposed, with
// their norms), so that rows can be scored in as many calls as the caller
// likes: the page's worker scores a few rows per time slice, to keep
// answering messages while it evaluates.
type ParzenKDE struct {
	dim, ns int
	st, sn  []float64 // samples transposed (dim×ns) and their squared norms
	xb, d   []float64 // a block of rows and its dot products, reused
}

// NewParzenKDE prepares the window centred on samples (n×dim, row-major).
func NewParzenKDE(samples []float32, dim int) (*ParzenKDE, error) {
	if err := checkRows("samples", samples, dim); err != nil {
		return nil, err
	}
	ns := len(samples) / dim
	// Samples transposed (dim×ns) for the kernel (kernel_*.go), norms in
	// float64.
	k := &ParzenKDE{dim: dim, ns: ns, st: make([]float64, dim*ns), sn: make([]float64, ns)}
	for j := 0; j < ns; j++ {
		var n2 float64
		for p, v := range samples[j*dim : (j+1)*dim] {
			f := float64(v)
			k.st[p*ns+j] = f
			n2 += f * f
		}
		k.sn[j] = n2
	}
	return k, nil
}

// LL is ParzenLL for the prepared samples.
func (k *ParzenKDE) LL(ll []float64, x []float32, sigmas []float64, progress func(float64)) error {
	dim, ns := k.dim, k.ns
	if err := checkRows("x", x, dim); err != nil {
		return err
	}
	nx, nsig := len(x)/dim, len(sigmas)
	if nsig == 0 {
		return fmt.Errorf("metrics: no Parzen window widths")
	}
	for _, s := range sigmas {
		if !(s > 0) || math.IsInf(s, 0) {
			return fmt.Errorf("metrics: Parzen window width %v", s)
		}
	}
	if len(ll) != nx*nsig {
		return fmt.Errorf("metrics: Parzen output has %d entries, want %d", len(ll), nx*nsig)
	}
	// Per-σ constants: the exponent scale and the normaliser.
	scale := make([]float64, nsig)
	norm := make([]float64, nsig)
	for k, s := range sigmas {
		scale[k] = 1 / (2 * s * s)
		norm[k] = -math.Log(float64(ns)) - float64(dim)*math.Log(s*math.Sqrt(2*math.Pi))
	}

	b := min(parzenBlock, nx)
	if len(k.xb) < b*dim {
		k.xb, k.d = make([]float64, b*dim), make([]float64, b*ns)
	}
	xb, d := k.xb, k.d
	for i0 := 0; i0 < nx; i0 += b {
		m := min(b, nx-i0)
		for p, v := range x[i0*dim : (i0+m)*dim] {
			xb[p] = float64(v)
		}
		dots(d, xb, k.st, m, ns, dim)
		for r := 0; r < m; r++ {
			var xn float64
			for _, v := range xb[r*dim : (r+1)*dim] {
				xn += v * v
			}
			row := d[r*ns : (r+1)*ns]
			dmin := math.Inf(1)
			for j, dot := range row {
				// Rounding can make a zero distance slightly negative.
				dj := max(xn+k.sn[j]-2*dot, 0)
				row[j] = dj
				dmin = min(dmin, dj)
			}
			out := ll[(i0+r)*nsig : (i0+r+1)*nsig]
			for k, a := range scale {
				var sum float64
				for _, dj := range row {
					sum += math.Exp(-(dj - dmin) * a)
				}
				out[k] = -dmin*a + math.Log(sum) + norm[k]
			}
		}
		if progress != nil {
			progress(float64(i0+m) / float64(nx))
		}
	}
	return nil
}

// checkRows rejects what would make the estimate meaningless: an empty or
// ragged matrix, or a NaN/Inf (say, from a diverged generator), named by
// its row and column.
func checkRows(name string, v []float32, dim int) error {
	switch {
	case dim <= 0:
		return fmt.Errorf("metrics: dimension %d", dim)
	case len(v) == 0:
		return fmt.Errorf("metrics: %s is empty", name)
	case len(v)%dim != 0:
		return fmt.Errorf("metrics: %s has %d values, not a multiple of %d", name, len(v), dim)
	}
	for i, f := range v {
		if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
			return fmt.Errorf("metrics: %s row %d column %d is %v", name, i/dim, i%dim, f)
		}
	}
	return nil
}
