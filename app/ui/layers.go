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

// viewLayer is one layer of a view: its switch's plain name and what it
// shows, in one line.
type viewLayer struct {
	bit           protocol.Layers
	name, explain string
	hook          string
}

var layerNames = []viewLayer{
	{protocol.LayerReal, "real data", "Points drawn from the data set G tries to imitate (orange).", "layer-real"},
	{protocol.LayerFake, "G's samples", "Points G makes from random noise (blue).", "layer-fake"},
	{protocol.LayerD, "D's verdict", "Background: orange where D says “real”, blue where it says “fake”, white where it cannot tell.", "layer-d"},
	{protocol.LayerDStar, "best possible D", "The discriminator the paper's theory predicts for this G, and C(G), the value G drives down to −log 4.", "layer-dstar"},
	{protocol.LayerManifold, "G's warped grid", "A grid of noise values as G bends it into the plane.", "layer-manifold"},
	{protocol.LayerArrows, "G's push", "Which way each generated point moves at G's next update.", "layer-arrows"},
}

func (l *LayerToggles) Render() app.UI {
	return app.Div().Class("layers").Body(app.Range(layerNames).Slice(func(i int) app.UI {
		return layerToggle(layerNames[i], protocol.Layers(l.Layers))
	}))
}

// layerToggle is a layer's checkbox with its plain name and, on hover or
// tap, what it shows.
func layerToggle(ln viewLayer, on protocol.Layers) app.UI {
	return app.Label().Class("field").Title(ln.explain).Body(
		app.Input().Type("checkbox").Attr("data-test", ln.hook).Checked(on&ln.bit != 0).
			OnChange(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actLayer, ln.bit) }),
		app.Text(ln.name),
		app.Span().Class("explain").Text(ln.explain),
	)
}
