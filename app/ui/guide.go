package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Guide is the first visit's "what am I looking at": what G and D are,
// what each layer of the picture shows, what to try, and the paper. It is
// shown until dismissed; the browser remembers that (localStorage), and
// the header's "Guide" button brings it back. Images says the picture is
// MNIST's sample grid, not the 2-D plane: "In the picture" then explains
// the grid and its rows, since dots and a background are not there.
type Guide struct {
	app.Compo
	Images bool
}

// guideSeenKey is the localStorage key that remembers a dismissed guide.
const guideSeenKey = "gan-playground-guide-dismissed"

// paperURL is Goodfellow et al. 2014, "Generative Adversarial Nets".
const paperURL = "https://arxiv.org/abs/1406.2661"

// Actions: close the guide (and remember), open it again.
const (
	actGuideClose = "gan/guide-close"
	actGuideOpen  = "gan/guide-open"
)

func (g *Guide) Render() app.UI {
	li := func(b, rest string) app.UI { return app.Li().Body(app.B().Text(b), app.Text(rest)) }
	return app.Section().Class("guide").Attr("data-test", "guide").Attr("aria-label", "guide").Body(
		app.Div().Class("guide-head").Body(
			app.H2().Text("What am I looking at?"),
			app.Button().Class("primary").Text("Got it").Attr("data-test", "guide-close").
				Title("hide this guide; the Guide button at the top brings it back").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actGuideClose) }),
		),
		app.P().Text("Two small neural networks play a game. The generator G turns random noise into samples; "+
			"the discriminator D looks at a sample and guesses whether it came from the data or from G. "+
			"D learns to tell them apart, G learns to fool D, and in the end G's samples look like the data."),
		app.P().Text("In the picture:"),
		app.If(g.Images, func() app.UI {
			return app.Ul().Attr("data-test", "guide-images").Body(
				li("the grid", " is G's drawings for 36 noise vectors, the same 36 all along, so each cell shows one drawing change as G learns;"),
				li("the row below it", " walks in a straight line from one noise vector to another: gradual changes mean G learned a smooth space of digits;"),
				li("under each sample", " is the training image nearest to it: copies would mean G memorised the data instead of learning to draw;"),
				li("the charts", " show D's and G's losses and D's verdict on real images and on G's: 0.5 for both when D can no longer tell them apart."),
			)
		}).Else(func() app.UI {
			return app.Ul().Body(
				li("orange dots", " are real data; "),
				li("blue dots", " are G's samples;"),
				li("the background", " is D's verdict: orange where it says “real”, blue where it says “fake”;"),
				li("the grey grid", " is the noise as G bends it into the plane; the arrows show where G pushes its samples next;"),
				li("the small square", " beside it is the best D possible for this G, and C(G), which reaches −log 4 when G matches the data."),
			)
		}),
		app.P().Text("Things to try:"),
		app.Ol().Body(
			app.If(g.Images, func() app.UI {
				return li("Press play", " (or the space bar) and watch the grey blobs sharpen into digits within a few minutes.")
			}).Else(func() app.UI {
				return li("Press play", " (or the space bar) and watch the blue dots spread over the ring, and the “clusters reached” chart below climb to 8.")
			}),
			li("Open grid25", " in the gallery: 25 clusters, all found."),
			li("Choose the “Vanilla GAN” preset", " and watch G collapse onto a few clusters; set “Samples per D verdict” back to 2 to cure it."),
			li("Pick mnist", ", choose a few digits and train: G learns to draw them. “Estimate quality” scores it as the paper does."),
			li("Draw your own data", " with custom: click, drag or touch the picture."),
		),
		app.P().Body(
			app.Text("Hover over or tap any setting for what it does. The paper: "),
			app.A().Href(paperURL).Attr("target", "_blank").Attr("rel", "noopener").Attr("data-test", "guide-paper").
				Text("Goodfellow et al. 2014, Generative Adversarial Nets (arXiv 1406.2661)"),
			app.Text("."),
		),
	)
}
