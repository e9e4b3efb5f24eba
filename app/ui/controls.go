package ui

import (
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Controls are the transport buttons. They only raise actions; the
// Playground owns the worker.
type Controls struct {
	app.Compo
	Status string
}

// actOp asks the Playground to send an op to the worker.
const actOp = "gan/op"

// opReset is a page-level op: re-initialise from the current settings.
const opReset = protocol.Op(200)

func (c *Controls) Render() app.UI {
	training := c.Status == protocol.Training.String()
	btn := func(label, hook, title string, op protocol.Op, primary bool) app.UI {
		b := app.Button().Text(label).Title(title).
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actOp, op) })
		if primary {
			b = b.Class("primary")
		}
		if hook != "" {
			b = b.Attr("data-test", hook)
		}
		return b
	}
	return app.Div().Class("controls").Body(
		btn("▶ Play", "play", "train continuously (space)", protocol.OpPlay, !training),
		btn("❚❚ Pause", "pause", "pause (space)", protocol.OpPause, training),
		btn("Step", "step-once", "one iteration: k D updates, one G update (→)", protocol.OpStep, false),
		btn("D step", "step-d", "one discriminator update", protocol.OpStepD, false),
		btn("G step", "step-g", "one generator update", protocol.OpStepG, false),
		btn("↺ Reset", "reset", "start again from the seed", opReset, false),
	)
}
