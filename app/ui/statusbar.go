package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// StatusBar shows where training is, in words. Its data-test hooks are a
// stable interface for tests and scripts: keep their names and formats.
// The figures a newcomer does not need (fingerprint, parameters, the
// recipe text) are in RunDetails.
type StatusBar struct {
	app.Compo
	Status      string
	Step        int
	StepsPerSec float64
	Error       string
	Note        string
}

func (s *StatusBar) Render() app.UI {
	return app.Div().Class("statusbar").Body(
		app.Span().Class("status", "status-"+s.Status).Attr("data-test", "status").Text(s.Status),
		app.Span().Title("G updates so far").Body(app.Text("step "), app.B().ID("status-step").Attr("data-test", "step").Text(stepText(s.Step))),
		app.Span().Body(app.B().ID("status-rate").Attr("data-test", "steps-per-sec").Text(rateText(s.StepsPerSec)), app.Text(" steps/s")),
		app.If(s.Note != "", func() app.UI { return app.Span().Class("note").Attr("data-test", "note").Text(s.Note) }),
		app.Div().Class("error").Attr("data-test", "error").Attr("role", "alert").Hidden(s.Error == "").Text(s.Error),
	)
}

// stepText and rateText format the two counters, for renders and for the
// live updates between them (Playground.writeCounters).
func stepText(step int) string       { return fmt.Sprint(step) }
func rateText(perSec float64) string { return fmt.Sprintf("%.1f", perSec) }

// RunDetails is the "details" disclosure: what identifies this run
// exactly (the fingerprint `app train` prints, the recipe being trained,
// the samples' checksum), and whether the page works offline. Closed by
// default; the hooks inside are read by tests whether it is open or not.
type RunDetails struct {
	app.Compo
	DSteps      int
	Fingerprint string
	Params      int
	Workers     int     // workers training the run
	ExchangeMS  float64 // their gradient exchange, ms per step
	Recipe      string  // the recipe the worker trains (lr and k follow live changes)
	Samples     string  // SamplesSum of the samples on show
}

func (d *RunDetails) Render() app.UI {
	fp := d.Fingerprint
	if fp == "" {
		fp = "—"
	}
	recipe := d.Recipe
	return app.Details().Class("rundetails").Attr("data-test", "details").Body(
		app.Summary().Text("details"),
		app.Ul().Body(
			app.Li().Title("discriminator updates").Text(fmt.Sprintf("D updates %d", d.DSteps)),
			app.Li().Title("hash of the weights, as `app train` prints it").Body(app.Text("fingerprint "), app.Code().Attr("data-test", "fingerprint").Text(fp)),
			app.Li().Text(fmt.Sprintf("%d parameters", d.Params)),
			app.Li().Title("workers sharing the training (recipe shards > 1; URL key workers), and the time per step the training worker spends exchanging gradients with the others").Body(
				app.Text("workers "), app.Code().Attr("data-test", "workers").Text(fmt.Sprint(d.Workers)),
				app.If(d.Workers > 1, func() app.UI {
					return app.Span().Body(app.Text(" · exchange "), app.Code().Attr("data-test", "exchange-ms").Text(fmt.Sprintf("%.1f", d.ExchangeMS)), app.Text(" ms/step"))
				})),
			app.Li().Body(app.Text("recipe being trained (defaults omitted): "), app.Code().Class("recipe").Attr("data-test", "run-recipe").Text(recipe)),
			app.Li().Body(app.Text("samples checksum "), app.Code().Attr("data-test", "samples-sum").Text(d.Samples)),
			app.Li().Body(&OfflineStatus{}),
		),
	)
}
