//go:build js && wasm

package ui

import (
	"syscall/js"
	"unsafe"
)

// canvas is a 2-D drawing context. Calls cross into JavaScript one by one,
// so the drawing code batches shapes into paths and pushes pixel grids as
// one ImageData.
type canvas struct {
	el, c  js.Value
	W, H   float64
	img    js.Value // offscreen canvas for pixel grids
	imgC   js.Value
	data   js.Value // its ImageData
	pix    []byte
	gridsz int
}

// canvasByID returns the canvas with that id, or nil if it is not in the page.
func canvasByID(id string) *canvas {
	el := js.Global().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return nil
	}
	cv := canvases[id]
	if cv == nil || !cv.el.Equal(el) {
		cv = &canvas{el: el, c: el.Call("getContext", "2d")}
		canvases[id] = cv
	}
	cv.W, cv.H = el.Get("width").Float(), el.Get("height").Float()
	return cv
}

var canvases = map[string]*canvas{}

// Shared scratch for batched shapes: a Float32Array and a byte view of it.
var (
	shapeF32, shapeU8 js.Value
	shapeCap          int
)

// batch copies pts into the shared Float32Array and calls ganDraw[fn].
func (cv *canvas) batch(fn string, pts []float32, extra ...any) {
	if len(pts) == 0 {
		return
	}
	if len(pts) > shapeCap {
		shapeCap = len(pts) * 2
		shapeF32 = js.Global().Get("Float32Array").New(shapeCap)
		shapeU8 = js.Global().Get("Uint8Array").New(shapeF32.Get("buffer"))
	}
	js.CopyBytesToJS(shapeU8, unsafe.Slice((*byte)(unsafe.Pointer(&pts[0])), 4*len(pts)))
	args := append([]any{cv.c, shapeF32, len(pts)}, extra...)
	js.Global().Get("ganDraw").Call(fn, args...)
}

// Dots draws squares of side size at x,y pairs (pixels).
func (cv *canvas) Dots(xy []float32, size float64) { cv.batch("dots", xy, size) }

// Segs strokes segments x0,y0,x1,y1 (pixels).
func (cv *canvas) Segs(s []float32) { cv.batch("segs", s) }

// Poly strokes a polyline through x,y pairs; NaN lifts the pen.
func (cv *canvas) Poly(xy []float32) { cv.batch("poly", xy) }

func (cv *canvas) Clear(color string) {
	cv.c.Set("fillStyle", color)
	cv.c.Call("fillRect", 0, 0, cv.W, cv.H)
}

// Grid draws an n×m grid of RGBA pixels scaled to the whole canvas, smoothed.
func (cv *canvas) Grid(pix []byte, n, m int) {
	if cv.gridsz != n*m || !cv.img.Truthy() {
		cv.img = js.Global().Get("document").Call("createElement", "canvas")
		cv.img.Set("width", n)
		cv.img.Set("height", m)
		cv.imgC = cv.img.Call("getContext", "2d")
		cv.data = cv.imgC.Call("createImageData", n, m)
		cv.gridsz = n * m
	}
	js.CopyBytesToJS(cv.data.Get("data"), pix)
	cv.imgC.Call("putImageData", cv.data, 0, 0)
	cv.c.Set("imageSmoothingEnabled", n < int(cv.W)/4) // heat maps smooth, pixel art stays sharp
	cv.c.Call("drawImage", cv.img, 0, 0, cv.W, cv.H)
}

func (cv *canvas) Style(fill, stroke string, width float64) {
	cv.c.Set("fillStyle", fill)
	cv.c.Set("strokeStyle", stroke)
	cv.c.Set("lineWidth", width)
}

func (cv *canvas) Alpha(a float64) { cv.c.Set("globalAlpha", a) }
func (cv *canvas) Dash(on bool) {
	if on {
		cv.c.Call("setLineDash", []any{4, 4})
	} else {
		cv.c.Call("setLineDash", []any{})
	}
}
func (cv *canvas) Text(s string, x, y float64, align string) {
	cv.c.Set("font", "11px system-ui, sans-serif")
	cv.c.Set("textAlign", align)
	cv.c.Call("fillText", s, x, y)
}
