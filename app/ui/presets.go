package ui

import (
	"sync"

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
	// MNIST's one-click recipe on two digits: recognisable 3s and 7s within
	// about a minute, the quickest MNIST run to show a class
	// (docs/time-to-learn.md).
	{"MNIST 3 and 7 (quick)", recipe.DataDefault("mnist") + "&digits=37"},
}

// actPreset asks the Playground to load a preset: value is its index.
const actPreset = "gan/preset"

// PresetPicker is the preset menu. It names what is in force: the preset
// whose recipe it is (Selected), else the data set whose one-click recipe
// it is (Default, shown as "<data> defaults"), else "— custom —": keys
// the user changed.
type PresetPicker struct {
	app.Compo
	Selected int    // the preset in force, or -1
	Default  string // with Selected -1: the data set whose default recipe is in force, or ""
}

func (p *PresetPicker) Render() app.UI {
	// A placeholder, never chosen: what is in force when no preset is.
	first := "— custom —"
	if p.Selected < 0 && p.Default != "" {
		first = p.Default + " defaults"
	}
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
				option(app.Option().Value("").Disabled(true).Text(first), p.Selected < 0),
				app.Range(Presets).Slice(func(i int) app.UI {
					return option(app.Option().Value(Presets[i].Name).Text(Presets[i].Name), i == p.Selected)
				}),
			),
	)
}

// option marks o selected only when it is: the server's pre-rendered page
// writes Selected(false) as selected="false", which a browser reads as
// selected, so the pre-rendered menu showed the last preset.
func option(o app.HTMLOption, selected bool) app.HTMLOption {
	if selected {
		return o.Selected(true)
	}
	return o
}

// presetRecipes are the presets' recipes in recipe.String form, parsed
// once: the menu is rendered every second while training.
var presetRecipes = sync.OnceValue(func() []string {
	out := make([]string, len(Presets))
	for i, pr := range Presets {
		if rc, err := recipe.Parse(pr.Recipe); err == nil {
			out[i] = rc.String()
		}
	}
	return out
})

// presetIndex is the index of the preset whose recipe is rc, or -1.
func presetIndex(rc recipe.Recipe) int {
	s := rc.String()
	for i, pr := range presetRecipes() {
		if pr != "" && pr == s {
			return i
		}
	}
	return -1
}

// defaultOf is the data set whose one-click recipe rc is, or "".
func defaultOf(rc recipe.Recipe) string {
	if def, err := recipe.ForData(rc.Data); err == nil && def.String() == rc.String() {
		return rc.Data
	}
	return ""
}
