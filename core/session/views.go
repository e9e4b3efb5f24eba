package session

import (
	"math"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/rng"
)

// Sizes of the views. They are small on purpose: evaluating D on the grid
// costs about as much as a training step, and the page smooths the grid
// when it scales it up.
const (
	NReal   = 512 // real points shown
	NFake   = 256 // fake points shown (from fixed noise, so they move smoothly)
	NArrows = 96  // fake points that get a gradient arrow
	GridN   = 32  // D and D* heat maps are GridN×GridN
	ManN    = 15  // G's manifold: a ManN×ManN grid in (z0, z1)
	NImages = 36  // MNIST: a 6×6 sample grid
)

// Views is what a run looks like, as plain data: for 2-D data the points,
// the heat maps and the quality figures; for images the sample grid and
// the MNIST views. Empty slices mean "not asked for". The square
// [-Extent, Extent]² is shown; grids are row-major, row 0 at the top
// (y = +Extent), cell centres.
type Views struct {
	Extent   float32
	Real     []float32 // NReal×2 data points
	Fake     []float32 // NFake×2 samples, from fixed noise
	Arrows   []float32 // per fake point: the step G's loss gives it (dx, dy)
	GridN    int
	D        []float32 // GridN² of D(x) ∈ (0, 1)
	DStar    []float32 // GridN² of the optimal D*(x) = p_data/(p_data+p_g)
	CG       float64   // C(G) on the grid, minimum −log 4; NaN if not computed
	ManN     int
	Manifold []float32 // ManN²×2: G(z) on a grid of (z0, z1)

	// Mode coverage of Fake (data sets with modes) and its JSD against
	// the data (2-D data; NaN if not computed).
	ModesHit, ModesTotal int
	HQ, ModeKL           float64
	JSD                  float64

	// Images: ImgN samples from fixed noise, InterpN along a line in noise
	// space, NearN pairs of a sample and its nearest training image
	// (sample first); 28×28 pixels 0–255 each.
	ImgN    int
	Images  []byte
	InterpN int
	Interp  []byte
	NearN   int
	Near    []byte
}

// reset empties v, keeping its buffers.
func (v *Views) reset() {
	*v = Views{Real: v.Real[:0], Fake: v.Fake[:0], Arrows: v.Arrows[:0], D: v.D[:0], DStar: v.DStar[:0],
		Manifold: v.Manifold[:0], Images: v.Images[:0], Interp: v.Interp[:0], Near: v.Near[:0],
		CG: math.NaN(), JSD: math.NaN()}
}

// views holds the fixed inputs and the scratch buffers of the views.
type views struct {
	t           *gan.Trainer
	extent      float32
	real        []float32 // fixed real sample
	zFake, zMan []float32 // fixed noise
	grid        []float32 // gridN² cell centres
	gg, tmp     []float32
	kx, ky      []float64 // separable KDE weights
	pr, pg      []float64
	mnist       *mnistViews
	jsd         *metrics.JSDRef // p_data on the JSD grid; nil if it could not be built
}

// newViews samples the fixed noise and real points from streams of their
// own, so that looking never changes the training run.
func newViews(t *gan.Trainer) *views {
	rc := t.Recipe
	v := &views{t: t, extent: rc.DataSet().Extent}
	fixed := func(n int, salt uint64) []float32 { return t.Noise(n, rc.Seed^salt) }
	if rc.DataSet().Image() {
		v.zFake = fixed(NImages, 0xf1ced)
		ends := fixed(2, 0x11e)
		v.mnist = newMNISTViews(ends[:rc.Z], ends[rc.Z:], t.Data)
		return v
	}
	v.jsd, _ = metrics.NewJSDRef(t.Data) // 2-D data always has one; nil just hides the figure
	v.real = make([]float32, 2*NReal)
	t.Data.Sample(rng.New(rc.Seed^0x4ea1), v.real, NReal)
	v.zFake = fixed(NFake, 0xf1ced)
	// The manifold: z0, z1 sweep ±2 prior standard deviations, the other
	// coordinates stay at the prior's centre.
	v.zMan = make([]float32, ManN*ManN*rc.Z)
	for j := 0; j < ManN; j++ {
		for i := 0; i < ManN; i++ {
			z := v.zMan[(j*ManN+i)*rc.Z:]
			z[0] = float32(-2 + 4*float64(i)/(ManN-1))
			if rc.Z > 1 {
				z[1] = float32(2 - 4*float64(j)/(ManN-1))
			}
		}
	}
	v.grid = make([]float32, 2*GridN*GridN)
	for j := 0; j < GridN; j++ {
		for i := 0; i < GridN; i++ {
			x, y := cellCentre(v.extent, i, j)
			v.grid[2*(j*GridN+i)], v.grid[2*(j*GridN+i)+1] = x, y
		}
	}
	return v
}

// cellCentre is the point at column i, row j (row 0 at the top).
func cellCentre(e float32, i, j int) (x, y float32) {
	c := 2 * e / GridN
	return -e + (float32(i)+0.5)*c, e - (float32(j)+0.5)*c
}

// fill computes the views layers asks for; training says whether the
// run is going on (the costly nearest-neighbour search is then rationed
// more strictly: see fillNearest).
func (v *views) fill(r *Views, layers protocol.Layers, mix *data.Mixture, training bool, now func() time.Time) {
	t := v.t
	r.Extent = v.extent
	if t.Recipe.DataSet().Image() {
		r.ImgN = NImages
		r.Images = toBytes(r.Images, t.Generate(v.zFake, NImages))
		if layers&protocol.LayerInterp != 0 {
			r.InterpN = NInterp
			r.Interp = toBytes(r.Interp, t.Generate(v.mnist.zLine, NInterp))
		}
		if layers&protocol.LayerNearest != 0 {
			budget := nearBudgetPaused
			if training {
				budget = nearBudget
			}
			v.mnist.fillNearest(r, r.Images, t.Step, training, now, budget)
		}
		return
	}
	if layers&protocol.LayerReal != 0 || layers&protocol.LayerDStar != 0 {
		r.Real = append(r.Real, v.real...)
	}
	fake := t.Generate(v.zFake, NFake)
	r.Fake = append(r.Fake, fake...)
	if mix != nil {
		m := metrics.ModeCoverage(mix, r.Fake)
		r.ModesHit, r.ModesTotal, r.HQ, r.ModeKL = m.Hit, m.Total, m.HQ, m.KL
	}
	if v.jsd != nil {
		if j, err := v.jsd.JSD(r.Fake); err == nil {
			r.JSD = j
		}
	}
	if layers&protocol.LayerArrows != 0 {
		r.Arrows = v.arrows(r.Arrows, r.Fake[:2*NArrows])
	}
	r.GridN = GridN
	if layers&protocol.LayerD != 0 {
		r.D = t.Discriminate(v.grid, GridN*GridN, r.D)
	}
	if layers&protocol.LayerDStar != 0 {
		r.DStar, r.CG = v.dstar(r.DStar, r.Fake)
	} else {
		r.CG = math.NaN()
	}
	if layers&protocol.LayerManifold != 0 {
		r.ManN = ManN
		r.Manifold = append(r.Manifold, t.Generate(v.zMan, ManN*ManN)...)
	}
}

// arrows returns, for each point, minus the gradient of G's loss with
// respect to the point: where the generator's update pushes it. With
// PacGAN packing, consecutive points form D's packs exactly as in training
// (rows of pack·2 values), so the input gradient is again one 2-vector per
// point; the last len%pack points, which fill no pack, get no arrow.
func (v *views) arrows(dst, pts []float32) []float32 {
	t := v.t
	pack := t.Recipe.Pack
	rows := len(pts) / 2 / pack
	logits := t.D.Forward(pts[:rows*pack*2], rows, false)
	v.gg = grow(v.gg, rows)
	t.Loss.G(logits, v.gg)
	dx := t.D.InputGrad(v.gg, rows)
	for _, g := range dx[:rows*pack*2] {
		dst = append(dst, -g)
	}
	for len(dst) < len(pts) {
		dst = append(dst, 0)
	}
	return dst
}

// dstar estimates the optimal discriminator D* = p_r/(p_r+p_g) on the grid,
// both densities by a Gaussian KDE with one shared bandwidth (so that equal
// distributions give exactly ½), and C(G) = E_r[log D*] + E_g[log(1−D*)]
// over the grid, whose minimum is −log 4.
func (v *views) dstar(dst, fake []float32) ([]float32, float64) {
	h := bandwidth(fake)
	v.pr = kde(v, v.pr, v.real, h)
	v.pg = kde(v, v.pg, fake, h)
	var sr, sg float64
	for i := range v.pr {
		sr += v.pr[i]
		sg += v.pg[i]
	}
	cg := 0.0
	for i := range v.pr {
		pr, pg := v.pr[i]/sr, v.pg[i]/sg
		d := 0.5
		if pr+pg > 1e-12 {
			d = pr / (pr + pg)
		}
		dst = append(dst, float32(d))
		if pr > 0 {
			cg += pr * math.Log(max(d, 1e-12))
		}
		if pg > 0 {
			cg += pg * math.Log(max(1-d, 1e-12))
		}
	}
	if sr == 0 || sg == 0 {
		cg = math.NaN()
	}
	return dst, cg
}

// bandwidth is Scott's rule for 2-D data, floored at a grid cell so that
// the estimate never falls between cell centres.
func bandwidth(pts []float32) float64 {
	n := len(pts) / 2
	var s, s2 [2]float64
	for i := 0; i < n; i++ {
		for k := 0; k < 2; k++ {
			x := float64(pts[2*i+k])
			s[k] += x
			s2[k] += x * x
		}
	}
	sd := 0.0
	for k := 0; k < 2; k++ {
		m := s[k] / float64(n)
		sd += math.Sqrt(max(s2[k]/float64(n)-m*m, 0)) / 2
	}
	return sd * math.Pow(float64(n), -1.0/6)
}

// kde evaluates a Gaussian KDE on the grid, separably: one row of x weights
// and one column of y weights per point instead of gridN² exponentials.
func kde(v *views, dst []float64, pts []float32, h float64) []float64 {
	cell := 2 * float64(v.extent) / GridN
	h = max(h, cell)
	dst = growF64(dst, GridN*GridN)
	clear(dst)
	v.kx, v.ky = growF64(v.kx, GridN), growF64(v.ky, GridN)
	for p := 0; p < len(pts)/2; p++ {
		px, py := float64(pts[2*p]), float64(pts[2*p+1])
		for i := 0; i < GridN; i++ {
			x, y := cellCentre(v.extent, i, i)
			dx, dy := (float64(x)-px)/h, (float64(y)-py)/h
			v.kx[i], v.ky[i] = math.Exp(-dx*dx/2), math.Exp(-dy*dy/2)
		}
		for j := 0; j < GridN; j++ {
			ky := v.ky[j]
			if ky < 1e-9 {
				continue
			}
			row := dst[j*GridN : (j+1)*GridN]
			for i, kx := range v.kx {
				row[i] += kx * ky
			}
		}
	}
	return dst
}

func grow(b []float32, n int) []float32 {
	if cap(b) < n {
		return make([]float32, n)
	}
	return b[:n]
}

func growF64(b []float64, n int) []float64 {
	if cap(b) < n {
		return make([]float64, n)
	}
	return b[:n]
}
