package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Charts are the metric plots. The Playground draws into them.
type Charts struct {
	app.Compo
	Modes bool // the data has known modes: modes found, and HQ with JSD
	JSD   bool // 2-D data without known modes: JSD only
	CG    bool // the best-D layer is on: C(G) against −log 4
}

func (c *Charts) Render() app.UI {
	cv := func(id, title string) app.UI {
		return app.Canvas().ID(id).Attr("data-test", id).Attr("aria-label", title).Title(title).Width(360).Height(150)
	}
	return app.Div().Class("charts").Body(
		cv("chart-loss", "D's and G's losses, step by step"),
		cv("chart-d", "D's average verdict on real data and on G's samples (½: it cannot tell)"),
		app.If(c.Modes, func() app.UI { return cv("chart-modes", "how many of the data's clusters G's samples reach") }),
		app.If(c.Modes, func() app.UI {
			return cv("chart-hq", "share of G's samples close to a cluster, and the divergence from the data (0: a match)")
		}),
		app.If(c.JSD, func() app.UI { return cv("chart-jsd", "divergence of G's samples from the data (0: a match)") }),
		app.If(c.CG, func() app.UI {
			return cv("chart-cg", "C(G), the value G minimises; the dashed line is its minimum −log 4")
		}),
	)
}
