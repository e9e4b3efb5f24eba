package ui

import (
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A Preset is a named recipe the settings panel offers in one click.
type Preset struct {
	Name   string
	Recipe string // recipe.Parse syntax; "" is the default recipe
}

// Presets are the recipes of the preset menu. Each one parses (tested).
var Presets = []Preset{
	// The ring's default recipe (core/recipe's per-data-set table).
	{"Fast defaults", recipe.DataDefault("ring8")},
	// One sample per D input and a slow D: mode collapse shows within a
	// few thousand steps, and setting pack back to 2 fixes it. The CLI's
	// preset "vanilla".
	{"Vanilla GAN (watch it collapse)", recipe.Presets["vanilla"]},
	// Goodfellow et al. 2014, MNIST: maxout D with dropout, ReLU G, SGD
	// with momentum and an exponentially decaying learning rate.
	// The CLI's preset, so the two cannot drift apart.
	{"Paper MNIST", recipe.Presets["paper-mnist"]},
	// The gallery's MNIST recipe (core/recipe preset mnist-all): plain SGD
	// with momentum, as the paper, because Adam's per-weight steps leave
	// an MLP G's pixels speckled for thousands of steps.
	{"Small MNIST (fast)", "data=mnist&z=100&g=256,512&d=512,256&gact=leaky&ddrop=0.3&opt=sgd&lrg=0.1&lrd=0.1&momramp=20000&decay=1&batch=64&pack=1"},
}

// actPreset asks the Playground to load a preset: value is its index.
const actPreset = "gan/preset"

// PresetPicker is the preset menu. Selected is the index of the preset
// whose recipe is in force, or -1.
type PresetPicker struct {
	app.Compo
	Selected int
}

func (p *PresetPicker) Render() app.UI {
	return app.Label().Class("presets").Title("load a recipe; the run restarts from step 0").Body(
		app.Span().Text("Preset"),
		app.Select().ID("preset").Attr("data-test", "preset").
			OnChange(func(ctx app.Context, e app.Event) {
				for i, pr := range Presets {
					if pr.Name == ctx.JSSrc().Get("value").String() {
						ctx.NewActionWithValue(actPreset, i)
					}
				}
			}).
			Body(
				app.Option().Value("").Disabled(true).Selected(p.Selected < 0).Text("— custom —"),
				app.Range(Presets).Slice(func(i int) app.UI {
					return app.Option().Value(Presets[i].Name).Selected(i == p.Selected).Text(Presets[i].Name)
				}),
			),
	)
}
