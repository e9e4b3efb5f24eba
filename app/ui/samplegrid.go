package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// SampleGrid shows MNIST samples from fixed noise: the same 36 noise
// vectors every frame, so the digits morph as G learns.
type SampleGrid struct{ app.Compo }

func (s *SampleGrid) Render() app.UI {
	return app.Figure().Class("samplegrid").Body(
		app.Canvas().ID("samples").Attr("data-test", "samples").Width(6*29*2+2).Height(6*29*2+2),
		app.FigCaption().Text("G(z) for 36 fixed noise vectors"),
	)
}
