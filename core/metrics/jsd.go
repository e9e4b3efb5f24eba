package metrics

import (
	"fmt"
	"math"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/rng"
)

// The JSD grid. Why these numbers:
//
//   - JSDGrid cells per side over the data's bounding box, widened by
//     jsdMargin of its extent on every side and made square. 100×100 is the
//     resolution the page draws its heat maps at, and enough to separate
//     ring8's modes (0.05 per cell for a 1.53 gap between neighbours).
//   - Kernel width h = jsdKernelCells cells, for both distributions. The
//     grid cannot see finer detail anyway, and a kernel narrower than a cell
//     would make the score jump as samples cross cell edges. Smoothing p_data
//     with the same kernel as p_g removes the KDE's bias: a perfect generator
//     scores ≈ 0 up to sampling noise, rather than the distance between the
//     data and a blurred copy of it. Gaussian smoothing is injective, so the
//     smoothed JSD is still zero only when the distributions agree.
//   - Masses, not densities: each kernel contributes its exact probability
//     per cell (a product of two normal CDF differences), and everything
//     that falls off the grid goes to one extra "outside" cell. The two
//     vectors then sum to one whatever the spread, and a generator that
//     wanders off the data is penalised instead of silently ignored.
//   - Data with no known density (spiral, moons) is represented by
//     jsdDataSamples draws from a fixed seed, so the reference, and hence
//     the score, is the same in every run.
const (
	JSDGrid        = 100
	jsdMargin      = 0.1
	jsdKernelCells = 1.5
	jsdDataSamples = 20000
	jsdSeed        = 1
	jsdCutoff      = 6 // kernel mass beyond 6 std is below 1e-9
)

// JSDRef is p_data discretised on the JSD grid. Build it once per data set
// and score many generators against it; JSD reuses its buffers, so one
// JSDRef must not be used from two goroutines at once.
type JSDRef struct {
	x0, y0, cell, h float64
	p, q            []float64 // cell masses, JSDGrid² cells then "outside"
	ax, ay          []float64 // one kernel's masses per column and row
}

// NewJSDRef prepares the reference for a 2-D source. A *data.Mixture is
// smoothed exactly (each component's variance grows by h²); any other
// source is estimated from samples.
func NewJSDRef(src data.Source) (*JSDRef, error) {
	if src.Dim() != 2 {
		return nil, fmt.Errorf("metrics: JSD needs 2-D data, got %d-D", src.Dim())
	}
	mix, _ := src.(*data.Mixture)
	var pts []float32
	lo, hi := [2]float64{math.Inf(1), math.Inf(1)}, [2]float64{math.Inf(-1), math.Inf(-1)}
	if mix != nil {
		if len(mix.Means) == 0 || !(mix.Std > 0) {
			return nil, fmt.Errorf("metrics: JSD of a mixture with %d modes and std %v", len(mix.Means), mix.Std)
		}
		for _, c := range mix.Means {
			for a := range 2 {
				lo[a] = min(lo[a], c[a]-3*mix.Std)
				hi[a] = max(hi[a], c[a]+3*mix.Std)
			}
		}
	} else {
		pts = make([]float32, 2*jsdDataSamples)
		src.Sample(rng.New(jsdSeed), pts, jsdDataSamples)
		for i, v := range pts {
			lo[i%2] = min(lo[i%2], float64(v))
			hi[i%2] = max(hi[i%2], float64(v))
		}
	}
	side := max(hi[0]-lo[0], hi[1]-lo[1]) * (1 + 2*jsdMargin)
	if !(side > 0) || math.IsInf(side, 0) {
		return nil, fmt.Errorf("metrics: JSD: data spans %v–%v", lo, hi)
	}
	r := &JSDRef{
		cell: side / JSDGrid,
		p:    make([]float64, JSDGrid*JSDGrid+1),
		q:    make([]float64, JSDGrid*JSDGrid+1),
		ax:   make([]float64, JSDGrid),
		ay:   make([]float64, JSDGrid),
	}
	r.x0 = (lo[0]+hi[0])/2 - side/2
	r.y0 = (lo[1]+hi[1])/2 - side/2
	r.h = jsdKernelCells * r.cell
	if mix != nil {
		s := math.Sqrt(mix.Std*mix.Std + r.h*r.h)
		w := 1 / float64(len(mix.Means))
		for _, c := range mix.Means {
			r.addKernel(r.p, c[0], c[1], s, w)
		}
	} else {
		r.addSamples(r.p, pts)
	}
	return r, nil
}

// JSD is the Jensen–Shannon divergence, in nats (0 to ln 2), between the
// data and the Gaussian kernel density estimate of samples (n×2,
// row-major). Samples that are NaN or Inf count as off the grid.
func (r *JSDRef) JSD(samples []float32) (float64, error) {
	if len(samples) == 0 || len(samples)%2 != 0 {
		return 0, fmt.Errorf("metrics: JSD of %d values, want n×2 with n ≥ 1", len(samples))
	}
	clear(r.q)
	r.addSamples(r.q, samples)
	var js float64
	for k, p := range r.p {
		q := r.q[k]
		m := (p + q) / 2
		if p > 0 {
			js += p * math.Log(p/m)
		}
		if q > 0 {
			js += q * math.Log(q/m)
		}
	}
	// Rounding can push the sum a hair outside its bounds.
	return min(max(js/2, 0), math.Ln2), nil
}

// JSD scores samples against a 2-D source in one call; see JSDRef.
func JSD(src data.Source, samples []float32) (float64, error) {
	r, err := NewJSDRef(src)
	if err != nil {
		return 0, err
	}
	return r.JSD(samples)
}

func (r *JSDRef) addSamples(dst []float64, pts []float32) {
	n := len(pts) / 2
	w := 1 / float64(n)
	for i := 0; i < n; i++ {
		x, y := float64(pts[2*i]), float64(pts[2*i+1])
		if math.IsNaN(x+y) || math.IsInf(x+y, 0) {
			dst[len(dst)-1] += w
			continue
		}
		r.addKernel(dst, x, y, r.h, w)
	}
}

// addKernel adds weight w of N((x, y), s²·I) to dst: its exact mass in
// every cell (zero beyond jsdCutoff·s, where it is below 1e-9), the rest
// to the outside cell.
func (r *JSDRef) addKernel(dst []float64, x, y, s, w float64) {
	i0, i1, mx := cellMasses(r.ax, r.x0, r.cell, x, s)
	j0, j1, my := cellMasses(r.ay, r.y0, r.cell, y, s)
	for j := j0; j < j1; j++ {
		row := dst[j*JSDGrid : (j+1)*JSDGrid]
		wy := w * r.ay[j]
		for i := i0; i < i1; i++ {
			row[i] += wy * r.ax[i]
		}
	}
	dst[len(dst)-1] += w * (1 - mx*my)
}

// cellMasses sets out[i] for i in [i0, i1) to the mass of N(mu, s²) in
// cell i of the axis starting at x0, and returns the range and its total.
func cellMasses(out []float64, x0, cell, mu, s float64) (i0, i1 int, total float64) {
	lo := math.Floor((mu - jsdCutoff*s - x0) / cell)
	hi := math.Ceil((mu + jsdCutoff*s - x0) / cell)
	if hi <= 0 || lo >= JSDGrid {
		return 0, 0, 0 // entirely off the grid
	}
	i0, i1 = int(max(lo, 0)), int(min(hi, JSDGrid))
	c0 := normCDF((x0 + float64(i0)*cell - mu) / s)
	for i := i0; i < i1; i++ {
		c1 := normCDF((x0 + float64(i+1)*cell - mu) / s)
		out[i] = c1 - c0
		total += c1 - c0
		c0 = c1
	}
	return i0, i1, total
}

func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }
