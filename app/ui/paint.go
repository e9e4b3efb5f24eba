package ui

import (
	"fmt"
	"math"

	"github.com/ganplayground/ganplayground/core/protocol"
)

// One colour code for the whole page: orange is "real", blue is "fake".
// D(x) → 1 is orange, → 0 blue, ½ white; real points are a dark orange,
// G's samples a dark blue, and the charts use the same two.
const (
	colReal     = "#b35806"
	colFake     = "#2166ac"
	colManifold = "rgba(40,40,40,0.55)"
	colArrow    = "#222"
)

// heat maps D ∈ [0, 1] to RGBA into pix.
func heat(pix []byte, d []float32) []byte {
	pix = pix[:0]
	for _, v := range d {
		t := float64(min(max(v, 0), 1))
		var r, g, b float64
		if t < 0.5 {
			u := t / 0.5 // 0 → blue, 1 → white
			r, g, b = 67+u*(247-67), 147+u*(247-147), 195+u*(247-195)
		} else {
			u := (t - 0.5) / 0.5 // 0 → white, 1 → orange
			r, g, b = 247+u*(244-247), 247+u*(165-247), 247+u*(130-247)
		}
		pix = append(pix, byte(r), byte(g), byte(b), 255)
	}
	return pix
}

// painter draws reports; it keeps its pixel buffers between frames.
type painter struct {
	pix  []byte
	pair []byte    // nearest-neighbour tiles, reordered
	xy   []float32 // shape coordinates in pixels, reused
}

// xy maps data coordinates to canvas pixels.
func xy(cv *canvas, e float32, x, y float32) (float64, float64) {
	return float64((x + e) / (2 * e) * float32(cv.W)), float64((e - y) / (2 * e) * float32(cv.H))
}

// view draws the main 2-D view: the heat map of D (or D*), then manifold,
// real and fake points and arrows, each if its layer is on.
func (p *painter) view(cv *canvas, r *protocol.Report, layers protocol.Layers, heatOf []float32, drawn []float32) {
	if cv == nil {
		return
	}
	e := r.Extent
	if e == 0 {
		e = 3
	}
	if len(heatOf) == r.GridN*r.GridN && len(heatOf) > 0 {
		p.pix = heat(p.pix, heatOf)
		cv.Grid(p.pix, r.GridN, r.GridN)
	} else {
		cv.Clear("#f7f7f7")
	}
	// axes through the origin
	cv.Style("", "rgba(0,0,0,0.12)", 1)
	w, h := float32(cv.W), float32(cv.H)
	cv.Segs(append(p.xy[:0], w/2, 0, w/2, h, 0, h/2, w, h/2))
	if layers&protocol.LayerManifold != 0 && r.ManN > 1 {
		p.manifold(cv, e, r.Manifold, r.ManN)
	}
	if layers&protocol.LayerReal != 0 {
		p.dots(cv, e, r.Real, colReal, 2.2)
	}
	if len(drawn) > 0 {
		p.dots(cv, e, drawn, "#000", 5)
	}
	if layers&protocol.LayerFake != 0 {
		p.dots(cv, e, r.Fake, colFake, 2.6)
	}
	if layers&protocol.LayerArrows != 0 && len(r.Arrows) > 0 {
		p.arrows(cv, e, r.Fake, r.Arrows)
	}
}

func (p *painter) dots(cv *canvas, e float32, pts []float32, color string, size float64) {
	p.xy = p.xy[:0]
	for i := 0; i+1 < len(pts); i += 2 {
		x, y := xy(cv, e, pts[i], pts[i+1])
		p.xy = append(p.xy, float32(x), float32(y))
	}
	cv.Style(color, "", 1)
	cv.Alpha(0.75)
	cv.Dots(p.xy, size)
	cv.Alpha(1)
}

func (p *painter) manifold(cv *canvas, e float32, m []float32, n int) {
	p.xy = p.xy[:0]
	at := func(i, j int) (float32, float32) {
		k := 2 * (j*n + i)
		x, y := xy(cv, e, m[k], m[k+1])
		return float32(x), float32(y)
	}
	for j := 0; j < n; j++ {
		for i := 0; i < n; i++ {
			x, y := at(i, j)
			if i+1 < n {
				x1, y1 := at(i+1, j)
				p.xy = append(p.xy, x, y, x1, y1)
			}
			if j+1 < n {
				x1, y1 := at(i, j+1)
				p.xy = append(p.xy, x, y, x1, y1)
			}
		}
	}
	cv.Style("", colManifold, 1)
	cv.Segs(p.xy)
}

// arrows draws the generator's push on the first fake points, scaled so
// that the longest arrow is 8% of the view.
func (p *painter) arrows(cv *canvas, e float32, fake, g []float32) {
	var mx float64
	for i := 0; i+1 < len(g); i += 2 {
		mx = max(mx, math.Hypot(float64(g[i]), float64(g[i+1])))
	}
	if mx == 0 || math.IsNaN(mx) || math.IsInf(mx, 0) {
		return
	}
	s := 0.08 * cv.W / mx
	p.xy = p.xy[:0]
	for i := 0; i+1 < len(g) && i+1 < len(fake); i += 2 {
		x, y := xy(cv, e, fake[i], fake[i+1])
		dx, dy := float64(g[i])*s, -float64(g[i+1])*s
		l := math.Hypot(dx, dy)
		if l < 1.5 {
			continue
		}
		tx, ty := x+dx, y+dy
		ux, uy := dx/l, dy/l
		h := math.Min(5, l/2)
		p.xy = append(p.xy,
			float32(x), float32(y), float32(tx), float32(ty),
			float32(tx), float32(ty), float32(tx-h*(ux-0.5*uy)), float32(ty-h*(uy+0.5*ux)),
			float32(tx), float32(ty), float32(tx-h*(ux+0.5*uy)), float32(ty-h*(uy-0.5*ux)))
	}
	cv.Style("", colArrow, 1.2)
	cv.Segs(p.xy)
}

// samples draws MNIST images as a square grid.
func (p *painter) samples(cv *canvas, r *protocol.Report) {
	p.tiles(cv, r.Images, r.ImgN, int(math.Ceil(math.Sqrt(float64(r.ImgN)))))
}

// tiles draws n 28×28 images (bytes 0–255, ink dark on white) in rows of
// cols, with a one-pixel gutter.
func (p *painter) tiles(cv *canvas, imgs []byte, n, cols int) {
	if cv == nil || n == 0 || cols == 0 || len(imgs) < n*784 {
		return
	}
	rows := (n + cols - 1) / cols
	w, h := cols*29+1, rows*29+1
	p.pix = p.pix[:0]
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			gx, gy, px, py := x/29, y/29, x%29-1, y%29-1
			k := gy*cols + gx
			v := byte(60) // the gutter
			if px >= 0 && py >= 0 && k < n {
				v = 255 - imgs[k*784+py*28+px]
			}
			p.pix = append(p.pix, v, v, v, 255)
		}
	}
	cv.Grid(p.pix, w, h)
}

// nearest draws sample/neighbour pairs as columns: samples on the top row,
// each one's nearest training image under it.
func (p *painter) nearest(cv *canvas, r *protocol.Report) {
	n := r.NearN
	if n == 0 || len(r.Near) < 2*n*784 {
		p.nearestPending(cv, r)
		return
	}
	p.pair = p.pair[:0]
	for i := 0; i < n; i++ { // top row
		p.pair = append(p.pair, r.Near[2*i*784:(2*i+1)*784]...)
	}
	for i := 0; i < n; i++ {
		p.pair = append(p.pair, r.Near[(2*i+1)*784:(2*i+2)*784]...)
	}
	p.tiles(cv, p.pair, 2*n, n)
}

// nearestSlots is how many pairs the nearest view has room for
// (core/session.NNearest).
const nearestSlots = 8

// nearestPending draws the view before a search has finished: the first
// samples on top (those the worker searches for), and pale empty slots
// where their neighbours will be.
func (p *painter) nearestPending(cv *canvas, r *protocol.Report) {
	k := min(nearestSlots, r.ImgN)
	if k == 0 || len(r.Images) < k*784 {
		return
	}
	p.pair = append(p.pair[:0], r.Images[:k*784]...)
	for range k * 784 {
		p.pair = append(p.pair, 16) // drawn as 255-16: a pale grey
	}
	p.tiles(cv, p.pair, 2*k, k)
}

// series is one line of a chart.
type series struct {
	color string
	y     func(i int) float64
	dash  bool
}

// chart draws lines over steps xs, with the y range fitted (or fixed when
// lo < hi), a reference line at ref (if not NaN) and a legend.
func (p *painter) chart(cv *canvas, title string, xs []int, ss []series, labels []string, lo, hi, ref float64) {
	if cv == nil {
		return
	}
	cv.Clear("#fff")
	const padL, padR, padT, padB = 46, 8, 16, 16
	W, H := cv.W-padL-padR, cv.H-padT-padB
	cv.Style("#333", "", 1)
	cv.Text(title, padL, 11, "left")
	n := len(xs)
	if lo >= hi {
		lo, hi = math.Inf(1), math.Inf(-1)
		for _, s := range ss {
			for i := 0; i < n; i++ {
				if v := s.y(i); !math.IsNaN(v) && !math.IsInf(v, 0) {
					lo, hi = min(lo, v), max(hi, v)
				}
			}
		}
		if !math.IsNaN(ref) {
			lo, hi = min(lo, ref), max(hi, ref)
		}
		if lo > hi {
			lo, hi = 0, 1
		}
		if hi-lo < 1e-6 {
			lo, hi = lo-0.5, hi+0.5
		}
		pad := (hi - lo) * 0.05
		lo, hi = lo-pad, hi+pad
	}
	X := func(i int) float64 {
		if n < 2 || xs[n-1] == xs[0] {
			return padL
		}
		return padL + W*float64(xs[i]-xs[0])/float64(xs[n-1]-xs[0])
	}
	Y := func(v float64) float64 { return padT + H*(hi-v)/(hi-lo) }
	cv.Style("", "#ccc", 1)
	cv.Poly(append(p.xy[:0], padL, padT, padL, float32(padT+H), float32(padL+W), float32(padT+H)))
	cv.Style("#666", "", 1)
	cv.Text(trim(hi), padL-3, padT+8, "right")
	cv.Text(trim(lo), padL-3, padT+H, "right")
	if n > 0 {
		cv.Text(fmt.Sprint(xs[0]), padL, cv.H-3, "left")
		cv.Text(fmt.Sprint(xs[n-1]), padL+W, cv.H-3, "right")
	}
	if !math.IsNaN(ref) {
		cv.Style("", "#999", 1)
		cv.Dash(true)
		cv.Poly(append(p.xy[:0], padL, float32(Y(ref)), float32(padL+W), float32(Y(ref))))
		cv.Dash(false)
		if y := Y(ref); y > padT+14 && y < padT+H-14 { // clear of the axis' own labels
			cv.Style("#666", "", 1)
			cv.Text(trim(ref), padL-3, y+4, "right") // the line's value on the axis
		}
	}
	for k, s := range ss {
		cv.Style("", s.color, 1.5)
		cv.Dash(s.dash)
		nan := float32(math.NaN())
		p.xy = p.xy[:0]
		for i := 0; i < n; i++ {
			v := s.y(i)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				p.xy = append(p.xy, nan, nan)
				continue
			}
			v = min(max(v, lo), hi)
			p.xy = append(p.xy, float32(X(i)), float32(Y(v)))
		}
		cv.Poly(p.xy)
		cv.Dash(false)
		if k < len(labels) {
			cv.Style(s.color, "", 1)
			cv.Text(labels[k], cv.W-padR-float64(len(ss)-1-k)*70, 11, "right")
		}
	}
}

func trim(v float64) string { return fmt.Sprintf("%.3g", v) }
