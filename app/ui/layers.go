package ui

import (
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// LayerToggles switch the 2-D view's layers on and off.
type LayerToggles struct {
	app.Compo
	Layers uint32
}

// actLayer toggles one layer: value protocol.Layers.
const actLayer = "gan/layer"

var layerNames = []struct {
	bit  protocol.Layers
	name string
	hook string
}{
	{protocol.LayerReal, "real", "layer-real"},
	{protocol.LayerFake, "fake", "layer-fake"},
	{protocol.LayerD, "D(x) heat map", "layer-d"},
	{protocol.LayerDStar, "optimal D*", "layer-dstar"},
	{protocol.LayerManifold, "G manifold", "layer-manifold"},
	{protocol.LayerArrows, "gradients", "layer-arrows"},
}

func (l *LayerToggles) Render() app.UI {
	return app.Div().Class("layers").Body(app.Range(layerNames).Slice(func(i int) app.UI {
		ln := layerNames[i]
		return app.Label().Body(
			app.Input().Type("checkbox").Attr("data-test", ln.hook).Checked(protocol.Layers(l.Layers)&ln.bit != 0).
				OnChange(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actLayer, ln.bit) }),
			app.Text(ln.name),
		)
	}))
}
