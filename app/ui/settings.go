package ui

import (
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Settings edits every recipe key, in four collapsible groups (Data,
// Networks, Training, Sampling), each field with a plain label, its key
// small beside it, and a one-line explanation on hover or tap. Learning
// rates, k, the step limit and the temperature apply to the running
// trainer; any other change resets it.
type Settings struct {
	app.Compo
	Recipe string // the recipe as edited, canonical text
}

// actResetDefaults asks the Playground for the data set's default recipe.
const actResetDefaults = "gan/reset-defaults"

func (s *Settings) Render() app.UI {
	rc, _ := recipe.Parse(s.Recipe)
	fs := fields()
	return app.Div().Class("settings").Attr("data-test", "settings").Body(
		app.Div().Class("settings-head").Body(
			app.H3().Text("Settings"),
			app.Button().Text("Reset to this data set's defaults").Attr("data-test", "reset-defaults").
				Title("every setting back to the default recipe for "+rc.Data+"; the run restarts from step 0").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actResetDefaults) }),
		),
		app.P().Class("muted").Text("★ applies while training; other changes restart from step 0. Hover over or tap a setting for what it does."),
		app.Range(settingGroups).Slice(func(gi int) app.UI {
			group := settingGroups[gi]
			var in []field
			for _, f := range fs {
				if plainOf(f.Name).Group == group {
					in = append(in, f)
				}
			}
			return app.Details().Class("group").Attr("data-test", "group-"+group).Body(
				app.Summary().Text(group),
				app.Div().Class("grid").Body(app.Range(in).Slice(func(i int) app.UI { return settingField(in[i], rc) })),
			)
		}),
	)
}

// settingField is one setting: plain label, key, input, explanation.
func settingField(f field, rc recipe.Recipe) app.UI {
	pl := plainOf(f.Name)
	label := pl.Label
	if f.Live {
		label += " ★"
	}
	onChange := func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actSet, [2]string{f.Name, ctx.JSSrc().Get("value").String()})
	}
	var input app.UI
	if f.Options != nil {
		input = app.Select().ID("set-"+f.Name).Attr("data-test", "set-"+f.Name).OnChange(onChange).Body(
			app.Range(f.Options).Slice(func(j int) app.UI {
				o := f.Options[j]
				return app.Option().Value(o).Selected(o == rc.Get(f.Name)).Text(o)
			}))
	} else {
		input = app.Input().ID("set-"+f.Name).Attr("data-test", "set-"+f.Name).Value(rc.Get(f.Name)).OnChange(onChange)
	}
	explain := pl.Explain
	if explain == "" {
		explain = f.Doc
	}
	return app.Label().Class("field").Title(explain+" (recipe key "+f.Name+", default "+f.Default+")").Body(
		app.Span().Class("field-name").Body(app.Text(label), app.Code().Class("key").Text(f.Name)),
		input,
		app.Span().Class("explain").Attr("data-test", "explain-"+f.Name).Text(explain),
	)
}
