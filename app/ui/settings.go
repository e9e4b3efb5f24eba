package ui

import (
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Settings edits every recipe key. Learning rates, k and the step limit
// apply to the running trainer; any other change resets it.
type Settings struct {
	app.Compo
	Recipe string // the recipe as edited, canonical text
}

func (s *Settings) Render() app.UI {
	rc, _ := recipe.Parse(s.Recipe)
	fs := fields()
	return app.Details().Class("settings").Open(true).Body(
		app.Summary().Text("Settings"),
		app.P().Class("muted").Text("★ applies while training; other changes restart from step 0."),
		app.Div().Class("grid").Body(app.Range(fs).Slice(func(i int) app.UI {
			f := fs[i]
			label := f.Name
			if f.Live {
				label += " ★"
			}
			var input app.UI
			onChange := func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actSet, [2]string{f.Name, ctx.JSSrc().Get("value").String()})
			}
			if f.Options != nil {
				input = app.Select().ID("set-"+f.Name).Attr("data-test", "set-"+f.Name).OnChange(onChange).Body(
					app.Range(f.Options).Slice(func(j int) app.UI {
						o := f.Options[j]
						return app.Option().Value(o).Selected(o == rc.Get(f.Name)).Text(o)
					}))
			} else {
				input = app.Input().ID("set-"+f.Name).Attr("data-test", "set-"+f.Name).Value(rc.Get(f.Name)).OnChange(onChange)
			}
			return app.Label().Title(f.Doc+" (default "+f.Default+")").Body(app.Span().Text(label), input)
		})),
	)
}
