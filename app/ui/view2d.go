package ui

import (
	"fmt"
	"math"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// View2D is the 2-D picture: the learned D(x) as a heat map under real and
// fake points, G's manifold and gradient arrows, with the optimal D*
// beside it. With custom data, clicks add points.
type View2D struct {
	app.Compo
	Extent  float32
	Drawing bool   // clicks add custom points
	CG      string // C(G) as shown
	Layers  uint32

	down bool
}

const viewSize = 480

// actDraw adds a custom point: value [2]float32 in data coordinates.
const actDraw = "gan/draw"

// actDrawEnd commits the drawn points.
const actDrawEnd = "gan/draw-end"

func (v *View2D) Render() app.UI {
	cls := "view"
	if v.Drawing {
		cls += " drawing"
	}
	dstar := protocol.Layers(v.Layers)&protocol.LayerDStar != 0
	return app.Div().Class("views").Body(
		app.Figure().Class("mainview").Body(
			// Pointer events: mouse, touch and pen draw alike. While
			// drawing, the canvas keeps the pointer (a finger leaving it
			// mid-stroke still ends the stroke) and the page does not
			// scroll under the finger (touch-action, in the CSS).
			app.Canvas().ID("view").Class(cls).Attr("data-test", "view").Width(viewSize).Height(viewSize).
				On("pointerdown", func(ctx app.Context, e app.Event) {
					if !v.Drawing {
						return
					}
					v.down = true
					ctx.JSSrc().Call("setPointerCapture", e.Get("pointerId"))
					e.PreventDefault()
					v.add(ctx, e)
				}).
				On("pointermove", func(ctx app.Context, e app.Event) {
					if v.down {
						v.add(ctx, e)
					}
				}).
				On("pointerup", func(ctx app.Context, e app.Event) { v.end(ctx) }).
				On("pointercancel", func(ctx app.Context, e app.Event) { v.end(ctx) }),
			app.FigCaption().Body(
				app.Span().Class("swatch real").Text("●"), app.Text(" real data  "),
				app.Span().Class("swatch fake").Text("●"), app.Text(" G's samples  · background: D's verdict, "),
				app.Span().Class("swatch real").Text("orange"), app.Text(" “real”, "),
				app.Span().Class("swatch fake").Text("blue"), app.Text(" “fake”"),
			),
			// Where "Samples PNG" draws G's samples alone (never shown).
			app.Canvas().ID("export").Width(viewSize).Height(viewSize).Style("display", "none"),
		),
		app.If(dstar, func() app.UI {
			return app.Figure().Class("dstarview").Body(
				app.Canvas().ID("dstar").Attr("data-test", "dstar").Width(viewSize/2).Height(viewSize/2),
				app.FigCaption().Body(
					app.Text("The best possible D for this G: D*(x) = p_data/(p_data+p_g)."), app.Br(),
					app.Text("C(G) = "), app.B().Attr("data-test", "cg").Text(v.CG),
					app.Text(fmt.Sprintf("  (its minimum, reached when G matches the data: −log 4 = %.4f)", -math.Log(4))),
				),
			)
		}),
	)
}

func (v *View2D) add(ctx app.Context, e app.Event) {
	if !v.Drawing || !v.down {
		return
	}
	r := ctx.JSSrc().Call("getBoundingClientRect")
	px := (e.Get("clientX").Float() - r.Get("left").Float()) / r.Get("width").Float()
	py := (e.Get("clientY").Float() - r.Get("top").Float()) / r.Get("height").Float()
	ex := v.Extent
	if ex == 0 {
		ex = 5
	}
	x, y := float32(px*2-1)*ex, float32(1-py*2)*ex
	ctx.NewActionWithValue(actDraw, [2]float32{x, y})
}

func (v *View2D) end(ctx app.Context) {
	if v.down && v.Drawing {
		ctx.NewAction(actDrawEnd)
	}
	v.down = false
}
