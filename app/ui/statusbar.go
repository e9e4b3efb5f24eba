package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// StatusBar shows where training is. Its data-test hooks are a stable
// interface for tests and scripts: keep their names and formats.
type StatusBar struct {
	app.Compo
	Status      string
	Step        int
	DSteps      int
	StepsPerSec float64
	Fingerprint string
	Params      int
	Error       string
	Note        string
	Recipe      string // the recipe the worker trains (lr and k follow live changes)
}

func (s *StatusBar) Render() app.UI {
	fp := s.Fingerprint
	if fp == "" {
		fp = "—"
	}
	return app.Div().Class("statusbar").Body(
		app.Span().Class("status", "status-"+s.Status).Attr("data-test", "status").Text(s.Status),
		app.Span().Body(app.Text("step "), app.B().Attr("data-test", "step").Text(fmt.Sprint(s.Step))),
		app.Span().Title("discriminator updates").Text(fmt.Sprintf("D updates %d", s.DSteps)),
		app.Span().Body(app.B().Attr("data-test", "steps-per-sec").Text(fmt.Sprintf("%.1f", s.StepsPerSec)), app.Text(" steps/s")),
		app.Span().Title("hash of the weights, as `app train` prints it").Body(app.Text("fingerprint "), app.Code().Attr("data-test", "fingerprint").Text(fp)),
		app.Span().Class("muted").Text(fmt.Sprintf("%d parameters", s.Params)),
		app.Span().Class("muted", "recipe").Title("the recipe being trained (defaults omitted)").Attr("data-test", "run-recipe").Text(s.Recipe),
		app.If(s.Note != "", func() app.UI { return app.Span().Class("note").Attr("data-test", "note").Text(s.Note) }),
		app.Div().Class("error").Attr("data-test", "error").Attr("role", "alert").Hidden(s.Error == "").Text(s.Error),
	)
}
