package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Charts are the metric plots. The Playground draws into them.
type Charts struct {
	app.Compo
	Modes bool // the data has known modes: modes, HQ and JSD
	JSD   bool // 2-D data without known modes: JSD only
}

func (c *Charts) Render() app.UI {
	cv := func(id string) app.UI { return app.Canvas().ID(id).Attr("data-test", id).Width(360).Height(150) }
	return app.Div().Class("charts").Body(
		cv("chart-loss"),
		cv("chart-d"),
		app.If(c.Modes, func() app.UI { return cv("chart-modes") }),
		app.If(c.JSD, func() app.UI { return cv("chart-jsd") }),
	)
}
