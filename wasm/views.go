package main

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
	nReal   = 512 // real points shown
	nFake   = 256 // fake points shown (from fixed noise, so they move smoothly)
	nArrows = 96  // fake points that get a gradient arrow
	gridN   = 32  // D and D* heat maps are gridN×gridN
	manN    = 15  // G's manifold: a manN×manN grid in (z0, z1)
	nImages = 36  // MNIST: a 6×6 sample grid
)

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
	v := &views{t: t, extent: protocol.Extent(rc.Data)}
	fixed := func(n int, salt uint64) []float32 { return t.Noise(n, rc.Seed^salt) }
	if rc.DataDim() != 2 {
		v.zFake = fixed(nImages, 0xf1ced)
		ends := fixed(2, 0x11e)
		v.mnist = newMNISTViews(ends[:rc.Z], ends[rc.Z:], t.Data)
		return v
	}
	v.jsd, _ = metrics.NewJSDRef(t.Data) // 2-D data always has one; nil just hides the figure
	v.real = make([]float32, 2*nReal)
	t.Data.Sample(rng.New(rc.Seed^0x4ea1), v.real, nReal)
	v.zFake = fixed(nFake, 0xf1ced)
	// The manifold: z0, z1 sweep ±2 prior standard deviations, the other
	// coordinates stay at the prior's centre.
	v.zMan = make([]float32, manN*manN*rc.Z)
	for j := 0; j < manN; j++ {
		for i := 0; i < manN; i++ {
			z := v.zMan[(j*manN+i)*rc.Z:]
			z[0] = float32(-2 + 4*float64(i)/(manN-1))
			if rc.Z > 1 {
				z[1] = float32(2 - 4*float64(j)/(manN-1))
			}
		}
	}
	v.grid = make([]float32, 2*gridN*gridN)
	for j := 0; j < gridN; j++ {
		for i := 0; i < gridN; i++ {
			x, y := cellCentre(v.extent, i, j)
			v.grid[2*(j*gridN+i)], v.grid[2*(j*gridN+i)+1] = x, y
		}
	}
	return v
}

// cellCentre is the point at column i, row j (row 0 at the top).
func cellCentre(e float32, i, j int) (x, y float32) {
	c := 2 * e / gridN
	return -e + (float32(i)+0.5)*c, e - (float32(j)+0.5)*c
}

// fill computes the views layers asks for; training says whether the
// run is going on (the costly nearest-neighbour search is then rationed).
func (v *views) fill(r *protocol.Report, layers protocol.Layers, mix *data.Mixture, training bool, now time.Time) {
	t := v.t
	r.Extent = v.extent
	if t.Recipe.DataDim() != 2 {
		r.ImgN = nImages
		r.Images = toBytes(r.Images, t.Generate(v.zFake, nImages))
		if layers&protocol.LayerInterp != 0 {
			r.InterpN = nInterp
			r.Interp = toBytes(r.Interp, t.Generate(v.mnist.zLine, nInterp))
		}
		if layers&protocol.LayerNearest != 0 {
			v.mnist.fillNearest(r, r.Images, t.Step, training, now)
		}
		return
	}
	if layers&protocol.LayerReal != 0 || layers&protocol.LayerDStar != 0 {
		r.Real = append(r.Real, v.real...)
	}
	fake := t.Generate(v.zFake, nFake)
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
		r.Arrows = v.arrows(r.Arrows, r.Fake[:2*nArrows])
	}
	r.GridN = gridN
	if layers&protocol.LayerD != 0 {
		r.D = t.Discriminate(v.grid, gridN*gridN, r.D)
	}
	if layers&protocol.LayerDStar != 0 {
		r.DStar, r.CG = v.dstar(r.DStar, r.Fake)
	} else {
		r.CG = math.NaN()
	}
	if layers&protocol.LayerManifold != 0 {
		r.ManN = manN
		r.Manifold = append(r.Manifold, t.Generate(v.zMan, manN*manN)...)
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
	cell := 2 * float64(v.extent) / gridN
	h = max(h, cell)
	dst = growF64(dst, gridN*gridN)
	clear(dst)
	v.kx, v.ky = growF64(v.kx, gridN), growF64(v.ky, gridN)
	for p := 0; p < len(pts)/2; p++ {
		px, py := float64(pts[2*p]), float64(pts[2*p+1])
		for i := 0; i < gridN; i++ {
			x, y := cellCentre(v.extent, i, i)
			dx, dy := (float64(x)-px)/h, (float64(y)-py)/h
			v.kx[i], v.ky[i] = math.Exp(-dx*dx/2), math.Exp(-dy*dy/2)
		}
		for j := 0; j < gridN; j++ {
			ky := v.ky[j]
			if ky < 1e-9 {
				continue
			}
			row := dst[j*gridN : (j+1)*gridN]
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
