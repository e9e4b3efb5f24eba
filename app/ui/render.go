package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The page's layout: the picture first. A top bar holds the data picker,
// the transport buttons, slow motion and speed; then the picture with its
// charts, and beside it (below it on a phone) the guide, the gallery, the
// settings in collapsible groups, sharing, checkpoints and the details.

func (p *Playground) Render() app.UI {
	r := &p.rep
	status := p.shownStatus()
	errMsg := r.Error
	if p.formErr != "" {
		errMsg = strings.TrimSpace(p.formErr + " " + errMsg)
	}
	twoD := p.rc.DataDim() == 2
	noModes := !p.rc.DataSet().Modes // continuous: no modes to count
	current := p.reportCurrent()
	cg := "—"
	if current && !math.IsNaN(r.CG) && r.GridN > 0 {
		cg = fmt.Sprintf("%.4f", r.CG)
	}
	modes := ""
	if current && r.ModesTotal > 0 {
		modes = fmt.Sprintf("%d/%d modes, %.0f%% high-quality, KL %.3f", r.ModesHit, r.ModesTotal, 100*r.HQ, r.ModeKL)
	}
	if current && !math.IsNaN(r.JSD) && r.GridN > 0 {
		modes = strings.TrimPrefix(modes+fmt.Sprintf(", JSD %.3f", r.JSD), ", ")
	}
	layers := p.layers
	runRecipe := r.Recipe
	if !current {
		// Nothing is trained on the data picked yet (custom without
		// points): the old run's picture and figures must not show.
		layers &^= protocol.LayerDStar
		runRecipe = ""
	}
	return app.Div().Class("playground").Body(
		app.Header().Body(
			app.Div().Class("titlebar").Body(
				app.H1().Text("GAN Playground"),
				app.If(!p.guideOpen, func() app.UI {
					return app.Button().Class("guide-open").Text("? Guide").Attr("data-test", "guide-open").
						Title("what am I looking at, and what to try").
						OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actGuideOpen) })
				}),
			),
			app.P().Class("muted").Text("A generator G and a discriminator D learn against each other, in your browser. The address bar holds the settings: share it."),
		),
		&StatusBar{Status: status, Step: r.Step, StepsPerSec: r.StepsPerSec, Error: errMsg, Note: p.noteText()},
		app.Div().Class("topbar").Body(
			&DataPicker{Data: p.rc.Data, Digits: p.rc.Get("digits"), NPoints: len(p.rc.Points) / 2},
			&Controls{Status: status},
			p.freshDPrompt(),
			&SlowMo{On: p.slow, Phase: r.Phase.String(), Speed: p.speed},
			&KeyHint{},
		),
		app.Div().Class("main").Body(
			app.Section().Class("picture").Attr("data-test", "picture").Body(
				app.If(twoD, func() app.UI {
					return app.Div().Body(
						&LayerToggles{Layers: uint32(p.layers)},
						&View2D{Extent: p.rc.DataSet().Extent, Drawing: p.rc.DataSet().NeedsPoints, CG: cg, Layers: uint32(layers)},
						app.P().Attr("data-test", "modes").Text(modes),
					)
				}).Else(func() app.UI {
					return app.Div().Body(&SampleGrid{}, app.If(p.rc.DataSet().Image(), func() app.UI {
						return &MNISTViews{Layers: uint32(p.layers), NearPending: !current || r.NearN == 0}
					}))
				}),
			),
			app.If(p.guideOpen, func() app.UI { return &Guide{Images: p.rc.DataSet().Image()} }),
			app.Section().Class("measures").Body(
				app.If(p.rc.DataSet().Image(), func() app.UI {
					return &EvalPanel{Eval: r.Eval, Step: r.Step, Shipped: p.shippedMNIST()}
				}),
				&Charts{Modes: twoD && !noModes, JSD: twoD && noModes, CG: twoD && current && layers&protocol.LayerDStar != 0},
			),
			app.Aside().Body(
				&Gallery{Open: p.galleryOpen()},
				app.Div().Class("panel").Body(
					p.presetPicker(),
					&Settings{Recipe: p.rc.String()},
				),
				p.sharePanel(),
				p.checkpointsPanel(),
				&RunDetails{DSteps: r.DSteps, Fingerprint: r.Fingerprint, Params: r.Params, Workers: r.Workers, ExchangeMS: r.ExchangeMS, Recipe: runRecipe, Samples: protocol.SamplesSum(r)},
			),
		),
	)
}

// reportCurrent reports whether the latest report is of the data set on
// the page: right after a switch (or with custom data not drawn yet) it
// is the previous run's, whose figures must not show as this one's.
func (p *Playground) reportCurrent() bool {
	if p.rc.DataSet().NeedsPoints && len(p.rc.Points) == 0 || p.viewRun != p.rep.Run {
		// Nothing drawn yet, or a new run's light report over the old
		// run's views and mode figures.
		return false
	}
	if p.repRecipe != p.rep.Recipe || p.repData == "" {
		p.repRecipe = p.rep.Recipe
		p.repData = ""
		if rc, err := recipe.Parse(p.rep.Recipe); err == nil {
			p.repData = rc.Data
		}
	}
	return p.repData == p.rc.Data
}

// noteText is the status line's note: the page's own, else the worker's
// in plain words.
func (p *Playground) noteText() string {
	if p.pageNote != "" && p.pageNoteRun == p.rep.Run {
		return p.pageNote
	}
	n := p.rep.Note
	if strings.HasPrefix(n, "stopped at steps=") || strings.HasPrefix(n, "reached steps=") {
		return fmt.Sprintf("Paused at the step limit (%d steps). Press play to go on: the limit is lifted.", p.rep.Step)
	}
	if p.rc.DataSet().NeedsPoints && len(p.rc.Points) == 0 {
		return "Draw on the picture to make a data set: click, drag or touch."
	}
	if o := p.share.opened; o.Op == protocol.OpOpen && p.share.openedRun == p.rep.Run && p.share.openedRun != 0 && o.Step > p.rep.Step && n == "" {
		return fmt.Sprintf("G was trained %d steps before it came here; the count starts again at %d.", o.Step, p.rep.Step)
	}
	return n
}

func (p *Playground) charts() {
	h := &p.hist
	xs := make([]int, len(h.points))
	for i, pt := range h.points {
		xs[i] = pt.Step
	}
	pts := h.points
	p.paint.chart(canvasByID("chart-loss"), "losses", xs, []series{
		{color: "#444", y: func(i int) float64 { return pts[i].DLoss }},
		{color: "#1a9641", y: func(i int) float64 { return pts[i].GLoss }, dash: true},
	}, []string{"D loss", "G loss"}, 0, 0, math.NaN())
	p.paint.chart(canvasByID("chart-d"), "D's verdict (1: real)", xs, []series{
		{color: colReal, y: func(i int) float64 { return pts[i].DReal }},
		{color: colFake, y: func(i int) float64 { return pts[i].DFake }},
	}, []string{"on real", "on G's"}, 0, 1, 0.5)
	ms := h.modes
	mx := make([]int, len(ms))
	total := 0
	for i, m := range ms {
		mx[i] = m.Step
		total = max(total, m.Total)
	}
	jsd := series{color: "#0571b0", y: func(i int) float64 { return ms[i].JSD }}
	if cv := canvasByID("chart-modes"); cv != nil {
		// A count on a 0…total axis: one mode found or lost is one step
		// of the line, not a jump across the chart.
		p.paint.chart(cv, fmt.Sprintf("clusters reached (of %d)", total), mx, []series{
			{color: colFake, y: func(i int) float64 { return float64(ms[i].Hit) }},
		}, []string{"modes"}, 0, float64(max(total, 1)), math.NaN())
	}
	if cv := canvasByID("chart-hq"); cv != nil {
		p.paint.chart(cv, "sample quality", mx, []series{
			{color: "#404040", y: func(i int) float64 { return ms[i].HQ }, dash: true},
			jsd,
		}, []string{"near a cluster", "JSD"}, 0, 1, math.NaN())
	}
	if cv := canvasByID("chart-jsd"); cv != nil {
		// JSD ≤ log 2: the top of the chart is "no overlap at all".
		p.paint.chart(cv, "JSD to the data (0: a match)", mx, []series{jsd}, []string{"JSD"}, 0, math.Ln2, math.NaN())
	}
	if cv := canvasByID("chart-cg"); cv != nil {
		p.paint.chart(cv, "C(G) → −log 4", mx, []series{
			{color: colFake, y: func(i int) float64 { return ms[i].CG }},
		}, []string{"C(G)"}, 0, 0, -math.Log(4))
	}
}

// presetPicker names the recipe in force. The server pre-renders the
// page before any fragment is read: that is the default page, `/`'s demo.
func (p *Playground) presetPicker() *PresetPicker {
	rc := p.rc
	if !p.started {
		rc, _, _ = ParseFragment("")
	}
	i := presetIndex(rc)
	pp := &PresetPicker{Selected: i}
	if i < 0 {
		pp.Default = defaultOf(rc)
	}
	return pp
}
