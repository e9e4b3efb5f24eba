package ui

import (
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// MNISTViews shows, beside the sample grid, G along a line in noise space
// and the memorisation check of Goodfellow et al. 2014 (Fig. 2): samples
// with their nearest training image. Each can be switched off (the worker
// then skips it).
type MNISTViews struct {
	app.Compo
	Layers uint32
	// NearPending: no search of this run's has finished yet. The worker
	// scans the training set a little per update while training (about
	// 20 ms each, core/session), so the first pairs come seconds after a
	// run starts; until then the view says so over the samples searched.
	NearPending bool
}

func (m *MNISTViews) Render() app.UI {
	l := protocol.Layers(m.Layers)
	return app.Div().Class("mnistviews").Body(
		app.Div().Class("layers").Body(
			layerToggle(viewLayer{protocol.LayerInterp, "walk through noise", "G's samples along a straight line between two noise vectors: smooth changes mean G learned a continuous space.", "layer-interp"}, l),
			layerToggle(viewLayer{protocol.LayerNearest, "nearest real images", "Each sample over its closest training image: exact copies would mean G memorised.", "layer-nearest"}, l),
		),
		app.If(l&protocol.LayerInterp != 0, func() app.UI {
			return app.Figure().Body(
				app.Canvas().ID("interp").Attr("data-test", "interp").Width(2*(10*29+1)).Height(2*30),
				app.FigCaption().Text("G(z) along a straight line between two fixed noise vectors"),
			)
		}),
		app.If(l&protocol.LayerNearest != 0, func() app.UI {
			return app.Figure().Body(
				app.Canvas().ID("nearest").Attr("data-test", "nearest").Width(2*(8*29+1)).Height(2*(2*29+1)),
				app.If(m.NearPending, func() app.UI {
					return app.P().Class("pending").Attr("data-test", "nearest-pending").
						Text("Searching the training images for each sample's nearest: the worker scans them a little at a time beside training, so the pairs come in a few seconds.")
				}),
				app.FigCaption().Text("top: samples; below each: its nearest training image (Euclidean, in pixels) — copies would mean memorisation"),
			)
		}),
	)
}
