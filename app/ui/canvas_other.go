//go:build !(js && wasm)

package ui

// canvas is a no-op natively: the server pre-renders markup, never pixels.
type canvas struct{ W, H float64 }

func canvasByID(string) *canvas { return nil }

func (cv *canvas) Clear(string)                          {}
func (cv *canvas) Grid([]byte, int, int)                 {}
func (cv *canvas) Style(string, string, float64)         {}
func (cv *canvas) Alpha(float64)                         {}
func (cv *canvas) Dash(bool)                             {}
func (cv *canvas) Text(string, float64, float64, string) {}
func (cv *canvas) Dots([]float32, float64)               {}
func (cv *canvas) Segs([]float32)                        {}
func (cv *canvas) Poly([]float32)                        {}
