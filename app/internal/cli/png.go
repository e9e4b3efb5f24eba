//go:build !(js && wasm)

package cli

import (
	"image"
	"image/color"
	"math"
)

// Colours of the scatter plot: the data faint, the generator's samples
// strong, so that where G misses the data stays visible.
var (
	realColor   = color.RGBA{0x9e, 0xc5, 0xe8, 0xff}
	sampleColor = color.RGBA{0xe0, 0x6c, 0x1a, 0xff}
	axisColor   = color.RGBA{0xdd, 0xdd, 0xdd, 0xff}
)

// scatter draws 2-D points over the real data, on a square view fitted to
// the real data with a margin, so that a sample far off the data falls off
// the picture rather than shrinking the data to a dot.
func scatter(real, samples []float32, size int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range real {
		lo, hi = math.Min(lo, float64(v)), math.Max(hi, float64(v))
	}
	mid, half := (lo+hi)/2, math.Max((hi-lo)/2, 0.5)*1.15
	toPix := func(v float64) int { return int(math.Floor((v - (mid - half)) / (2 * half) * float64(size))) }

	x0, y0 := toPix(0), size-1-toPix(0)
	for i := 0; i < size; i++ {
		if x0 >= 0 && x0 < size {
			img.SetRGBA(x0, i, axisColor)
		}
		if y0 >= 0 && y0 < size {
			img.SetRGBA(i, y0, axisColor)
		}
	}
	dots := func(pts []float32, c color.RGBA) {
		for i := 0; i+1 < len(pts); i += 2 {
			x, y := toPix(float64(pts[i])), size-1-toPix(float64(pts[i+1]))
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if px, py := x+dx, y+dy; px >= 0 && py >= 0 && px < size && py < size {
						img.SetRGBA(px, py, c)
					}
				}
			}
		}
	}
	dots(real, realColor)
	dots(samples, sampleColor)
	return img
}

// digitGrid lays n 28×28 images (pixels in [0, 1]) out in a square grid,
// white digits on black as in the paper's figures, 2 pixels apart.
func digitGrid(images []float32, n int) *image.Gray {
	const side, gap = 28, 2
	cols := int(math.Ceil(math.Sqrt(float64(n))))
	rows := (n + cols - 1) / cols
	img := image.NewGray(image.Rect(0, 0, cols*(side+gap)+gap, rows*(side+gap)+gap))
	for k := 0; k < n; k++ {
		ox, oy := gap+(k%cols)*(side+gap), gap+(k/cols)*(side+gap)
		for p, v := range images[k*side*side : (k+1)*side*side] {
			g := math.Round(math.Min(math.Max(float64(v), 0), 1) * 255)
			img.SetGray(ox+p%side, oy+p/side, color.Gray{Y: uint8(g)})
		}
	}
	return img
}
