package ui

import (
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A model opened without its discriminator (the MNIST gallery models, or a
// link too large to carry D) trains on against a fresh D, which first
// undoes what G learned. Play asks before doing that, and says so.

// actFreshD answers the question: value true trains on, false cancels.
const actFreshD = "gan/fresh-d"

// needFreshDConfirm reports whether Play would start a fresh D under an
// opened G, and the user has not said yes for this run.
func (p *Playground) needFreshDConfirm() bool {
	o := p.share.opened
	return o.Op == protocol.OpOpen && !o.WithD && p.share.openedRun == p.rep.Run && p.share.openedRun != 0 &&
		p.freshDRun != p.rep.Run && p.status != protocol.Failed.String()
}

// freshDPrompt is the question, when Play has asked it.
func (p *Playground) freshDPrompt() app.UI {
	if !p.askFreshD || !p.needFreshDConfirm() {
		return app.Text("")
	}
	return app.Div().Class("confirm").Attr("data-test", "fresh-d-confirm").Attr("role", "alertdialog").Body(
		app.P().Text("This model came without its discriminator D. Training on pairs it with a new, untrained D: "+
			"for the first few hundred steps G chases that D's random verdicts and its samples get worse before they "+
			"get better. The model as shipped comes back with the gallery button (or by reloading the link)."),
		app.Div().Class("buttons").Body(
			app.Button().Class("primary").Text("Train on with a fresh D").Attr("data-test", "fresh-d-go").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actFreshD, true) }),
			app.Button().Text("Keep it as it is").Attr("data-test", "fresh-d-cancel").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actFreshD, false) }),
		),
	)
}
