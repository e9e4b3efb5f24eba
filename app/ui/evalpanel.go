package ui

import (
	"fmt"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// EvalPanel is MNIST's quality on demand: the worker's quick estimate
// (Parzen window, digit shares, Fréchet distance) with its progress, set
// beside the paper's Table 1 — and the paper's own caveat about it.
type EvalPanel struct {
	app.Compo
	Eval protocol.Eval
	Step int // the generator's step now (the estimate may be older)
	// Shipped is the gallery model on the page, when it models all ten
	// digits: its full-protocol score goes in the table as measured by
	// app eval, so the paper's row has ours beside it before any estimate.
	Shipped *assets.GalleryEntry
}

// actEvaluate asks the Playground for an estimate.
const actEvaluate = "gan/evaluate"

// paperTable is Goodfellow et al. 2014, Table 1 (MNIST): Parzen window
// log-likelihood of the test set, nats, mean ± standard error.
var paperTable = []struct {
	Model string
	LL    string
}{
	{"DBN", "138 ± 2"},
	{"Stacked CAE", "121 ± 1.6"},
	{"Deep GSN", "214 ± 1.1"},
	{"Adversarial nets (the paper)", "225 ± 2"},
}

func (e *EvalPanel) Render() app.UI {
	ev := e.Eval
	running := ev.State == protocol.EvalRunning
	ours := "—"
	if ev.State == protocol.EvalDone {
		ours = fmt.Sprintf("%.1f ± %.1f", ev.ParzenLL, ev.ParzenSE)
	}
	return app.Div().Class("evalpanel").Attr("data-test", "eval").Body(
		app.H3().Text("Quality"),
		app.Button().Text("Estimate quality").Attr("data-test", "evaluate").Disabled(running).
			Title("Parzen window log-likelihood, digit shares and Fréchet distance of 2,000 samples (more for fewer digits, up to the paper's 10,000)").
			OnClick(func(ctx app.Context, _ app.Event) { ctx.NewAction(actEvaluate) }),
		app.If(running, func() app.UI {
			return app.Span().Body(
				app.Progress().Attr("data-test", "eval-progress").Attr("max", 1).Attr("value", ev.Progress),
				app.Text(fmt.Sprintf(" %.0f%%", 100*ev.Progress)),
			)
		}),
		app.If(ev.State == protocol.EvalFailed, func() app.UI {
			return app.P().Class("error").Attr("data-test", "eval-error").Text(ev.Error)
		}),
		app.If(ev.State == protocol.EvalDone, func() app.UI { return e.result() }),
		app.Table().Class("paper").Attr("data-test", "paper-table").Body(
			app.Caption().Text("Goodfellow et al. 2014, Table 1: MNIST test log-likelihood (Parzen window, nats)"),
			app.Range(paperTable).Slice(func(i int) app.UI {
				return app.Tr().Body(app.Td().Text(paperTable[i].Model), app.Td().Text(paperTable[i].LL))
			}),
			app.If(e.Shipped != nil, func() app.UI {
				m := e.Shipped.Metrics
				return app.Tr().Class("ours").Body(
					app.Td().Text(fmt.Sprintf("“%s” as shipped, full protocol (app eval, %d steps)", e.Shipped.Title, e.Shipped.Steps)),
					app.Td().Attr("data-test", "eval-shipped").Text(fmt.Sprintf("%.1f ± %.1f", m["parzen_ll"], m["parzen_se"])))
			}),
			app.Tr().Class("ours").Body(app.Td().Text("this model, quick estimate"), app.Td().Attr("data-test", "eval-ours").Text(ours)),
		),
		app.Details().Class("muted").Body(
			app.Summary().Text("What these figures mean, and their limits"),
			app.P().Text("Parzen estimates are weak, as the paper says: their variance is high, they "+
				"do not work well in high dimensions, and a blurry or memorising model can score well. So the "+
				"classifier's digit shares (every digit present, none dominant), the Fréchet distance between real and "+
				"generated samples in its feature space, and the nearest-training-image view stand beside it. Try the "+
				"temp setting: below 1, samples grow more typical and the Parzen estimate rises while the Fréchet distance "+
				"grows, because Parzen rewards typical samples more than it punishes lost variety. The gallery's "+
				"all-digit model shows the same trade: its samples come from the plain average of G's weights over "+
				"20,000 steps (gavg), which passes the paper's figure with softer digits and a Fréchet distance nearly three "+
				"times its run's own G's. The quick "+
				"estimate fits the window to 2,000 samples for all ten digits (more for fewer: 10,000, the paper's count, for one or two) "+
				"and scores the test images of the chosen digits among 1,000, a tenth of the paper's set; with all ten digits it reads "+
				"lower than the full protocol (`app eval` on a checkpoint)."),
		),
	)
}

// result shows a finished estimate.
func (e *EvalPanel) result() app.UI {
	ev := e.Eval
	when := fmt.Sprintf("at step %d", ev.Step)
	if ev.Step != e.Step {
		when += fmt.Sprintf(" (now %d: estimate again for the current model)", e.Step)
	}
	bars := make([]app.UI, len(ev.Shares))
	for d, s := range ev.Shares {
		bars[d] = app.Div().Class("digit-share").Title(fmt.Sprintf("digit %d: %.1f%% of samples", d, 100*s)).Body(
			app.Div().Class("bar").Style("height", fmt.Sprintf("%.0f%%", min(100, 250*float64(s)))),
			app.Span().Text(fmt.Sprint(d)),
		)
	}
	return app.Div().Class("evalresult").Body(
		app.P().Attr("data-test", "eval-parzen").Text(fmt.Sprintf("Parzen log-likelihood %.1f ± %.1f nats (σ = %.3f; %d samples, %d test images), %s",
			ev.ParzenLL, ev.ParzenSE, ev.Sigma, ev.Samples, ev.Tests, when)),
		app.P().Attr("data-test", "eval-fd").Text(fmt.Sprintf("Fréchet distance to the test images in the classifier's features: %.2f (0 for identical statistics)", ev.FD)),
		app.H4().Attr("data-test", "eval-shares-title").Text("Which digits G draws: the share of each among its samples, as the classifier reads them"),
		app.Div().Class("shares").Attr("data-test", "eval-shares").Title("share of each digit among the samples, as the classifier reads them").Body(bars...),
	)
}
