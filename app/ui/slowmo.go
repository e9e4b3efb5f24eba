package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SlowMo switches slow motion: while playing, the worker makes one update
// at a time (K D updates, then G's) and waits after each, so each
// network's move can be watched. Phase names the update just made.
type SlowMo struct {
	app.Compo
	On    bool
	Phase string
}

// actSlowMo toggles slow motion.
const actSlowMo = "gan/slowmo"

func (s *SlowMo) Render() app.UI {
	return app.Div().Class("slowmo").Body(
		app.Label().Title("one update at a time, with a pause after each").Body(
			app.Input().Type("checkbox").Attr("data-test", "slowmo").Checked(s.On).
				OnChange(func(ctx app.Context, e app.Event) { ctx.NewAction(actSlowMo) }),
			app.Text("slow motion"),
		),
		app.Span().Class("phase", map[string]string{"D update": "phase-d", "G update": "phase-g"}[s.Phase]).
			Attr("data-test", "phase").Hidden(!s.On).Text(s.Phase),
	)
}
