package ui

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Actions of the share panel; the Playground owns the worker.
const (
	actShare     = "gan/share"      // make a link of the current model
	actExportG   = "gan/export-g"   // download G as safetensors
	actExportPNG = "gan/export-png" // download the samples as PNG
)

// maxLinkKB is share.MaxLinkBytes in KB, for the explanation (the page
// does not link core/share: the worker encodes and decodes).
const maxLinkKB = 64

// SharePanel makes a link of the model (the fragment carries the recipe
// and G's weights, so the link works with no server), and downloads the
// samples and the weights. Made is the last link made; Opened describes a
// model opened from a link.
type SharePanel struct {
	app.Compo
	Pending bool
	Made    protocol.LinkInfo
	URL     string // the full link, when Made fits
	Err     string // the last share or export failed
	Opened  protocol.LinkInfo
}

func (s *SharePanel) Render() app.UI {
	m := s.Made
	return app.Div().Class("share").Attr("data-test", "share-panel").Body(
		app.Div().Class("controls").Body(
			app.Button().Text("Share model").Attr("data-test", "share").Disabled(s.Pending).
				Title("a link that opens this generator, with its samples, in any browser: the weights travel in the part of the URL after #, which never reaches a server").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actShare) }),
			app.Button().Text("Samples PNG").Attr("data-test", "export-png").Title("G's samples as a PNG picture").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actExportPNG) }),
			app.Button().Text("Weights (safetensors)").Attr("data-test", "export-safetensors").
				Title("G's weights as a .safetensors file (PyTorch names and shapes; the recipe is in its metadata)").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actExportG) }),
		),
		app.If(s.Pending, func() app.UI { return app.P().Class("hint").Text("Encoding the model…") }),
		app.If(s.Err != "", func() app.UI { return app.P().Class("note").Attr("data-test", "share-error").Text(s.Err) }),
		app.If(m.Op == protocol.OpShare && m.Fits && s.URL != "", func() app.UI {
			return app.Div().Body(
				app.Div().Class("controls").Body(
					app.Input().ID("share-url").Attr("data-test", "share-url").ReadOnly(true).Value(s.URL).
						Style("flex", "1").Style("min-width", "0").
						OnFocus(func(ctx app.Context, e app.Event) { ctx.JSSrc().Call("select") }),
					app.Button().Text("Copy").Attr("data-test", "share-copy").
						OnClick(func(ctx app.Context, e app.Event) { copyField("share-url") }),
				),
				app.P().Class("hint").Attr("data-test", "share-size").Text(fmt.Sprintf(
					"%.1f KB link, weights as %s (%d parameters in G, trained %d steps). Opening it shows these samples at once; %s",
					kb(m.Bytes), m.Quant, m.Params, m.Step, trainOnText(m.WithD))),
				app.Details().Class("hint").Body(
					app.Summary().Text("details"),
					app.Text("opened model: fingerprint "), app.Code().Attr("data-test", "share-fingerprint").Text(m.Fingerprint),
					app.Text(", samples "), app.Code().Attr("data-test", "share-samples").Text(m.Samples),
				),
			)
		}),
		app.If(m.Op == protocol.OpShare && !m.Fits && s.Err == "", func() app.UI {
			return app.P().Class("note").Attr("data-test", "share-too-large").Text(fmt.Sprintf(
				"This model is too large for a link: %d parameters make a %.0f KB link even at %s precision, and chat programs, mail and QR codes cut links well before that (the limit here is %d KB). Download the weights (safetensors) instead, or save a checkpoint file.",
				m.Params, kb(m.Bytes), m.Quant, maxLinkKB))
		}),
		app.If(s.Opened.Op == protocol.OpOpen, func() app.UI {
			o := s.Opened
			return app.P().Class("hint").Attr("data-test", "share-opened").Text(fmt.Sprintf(
				"Opened a shared model: %.1f KB link, %s weights, trained %d steps by its sender. %s", kb(o.Bytes), o.Quant, o.Step, openedPlayText(o.WithD)))
		}),
	)
}

// openedPlayText says what play does with a model opened from a link.
func openedPlayText(withD bool) string {
	if withD {
		return "Its discriminator came with it: press play to train on from there."
	}
	return "It came without its discriminator: play would train it against a fresh one, which first undoes G's shape (the page asks first)."
}

func kb(n int) float64 { return float64(n) / 1024 }

// trainOnText says what play does after the link is opened.
func trainOnText(withD bool) string {
	if withD {
		return "D travels with G, so training goes on from there."
	}
	return "only G fits in the link, so training would go on against a fresh discriminator, which first undoes G's shape."
}
