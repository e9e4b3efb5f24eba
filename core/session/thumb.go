package session

import (
	"bytes"
	"image"
	"image/color"
	"image/png"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/rng"
)

// Thumbnails for the checkpoint list: a few kilobytes of PNG (the store
// caps them at 64 KiB), made from the samples the metrics use.
const (
	thumbSide   = 96  // 2-D: pixels per side
	thumbPoints = 600 // 2-D: samples drawn
	thumbReal   = 600 // 2-D: data points drawn under them
	thumbTiles  = 4   // MNIST: a 4×4 grid of digits
)

var (
	thumbBG   = color.RGBA{0xf7, 0xf7, 0xf7, 0xff}
	thumbData = color.RGBA{0xa6, 0xdb, 0xa0, 0xff} // light green: the data
	thumbFake = color.RGBA{0x76, 0x2a, 0x83, 0xff} // the page's fake colour
)

// thumbnail draws samples (metricSamples rows of t's data dimension) as a
// PNG, or returns nil for data it cannot picture.
func thumbnail(t *gan.Trainer, samples []float32) []byte {
	var img image.Image
	switch t.Recipe.DataDim() {
	case 2:
		img = thumbPoints2D(t, samples)
	case 28 * 28:
		img = thumbDigits(samples)
	default:
		return nil
	}
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil
	}
	return b.Bytes()
}

func thumbPoints2D(t *gan.Trainer, samples []float32) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, thumbSide, thumbSide))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = thumbBG.R, thumbBG.G, thumbBG.B, thumbBG.A
	}
	e := t.Recipe.DataSet().Extent
	dot := func(x, y float32, c color.RGBA) {
		px := int((x + e) / (2 * e) * thumbSide)
		py := int((e - y) / (2 * e) * thumbSide)
		for dy := 0; dy < 2; dy++ {
			for dx := 0; dx < 2; dx++ {
				if p := (image.Point{px + dx, py + dy}); p.In(img.Rect) {
					img.SetRGBA(p.X, p.Y, c)
				}
			}
		}
	}
	if t.Data != nil {
		real := make([]float32, 2*thumbReal)
		t.Data.Sample(rng.New(metricSeed), real, thumbReal)
		for i := 0; i+1 < len(real); i += 2 {
			dot(real[i], real[i+1], thumbData)
		}
	}
	for i := 0; i+1 < len(samples) && i < 2*thumbPoints; i += 2 {
		dot(samples[i], samples[i+1], thumbFake)
	}
	return img
}

func thumbDigits(samples []float32) image.Image {
	const side = 28 * thumbTiles
	img := image.NewGray(image.Rect(0, 0, side, side))
	for k := 0; k < thumbTiles*thumbTiles && (k+1)*784 <= len(samples); k++ {
		ox, oy := 28*(k%thumbTiles), 28*(k/thumbTiles)
		for j := 0; j < 28; j++ {
			for i := 0; i < 28; i++ {
				v := min(max(samples[k*784+j*28+i], 0), 1)
				img.Pix[(oy+j)*img.Stride+ox+i] = uint8(v*255 + 0.5)
			}
		}
	}
	return img
}
