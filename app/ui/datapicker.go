package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// DataPicker chooses the data set, the MNIST digits, and explains drawing.
type DataPicker struct {
	app.Compo
	Data    string
	Digits  string
	NPoints int
}

// actSet asks the Playground to change a recipe key: value [2]string{key, value}.
const actSet = "gan/set"

// actClearPoints empties a drawn data set.
const actClearPoints = "gan/clear-points"

func (d *DataPicker) Render() app.UI {
	return app.Div().Class("datapicker").Body(
		app.Div().Class("buttons").Body(app.Range(dataSets).Slice(func(i int) app.UI {
			name := dataSets[i]
			b := app.Button().Text(name).Attr("data-test", "data-"+name).
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actSet, [2]string{"data", name}) })
			if name == d.Data {
				b = b.Class("selected")
			}
			return b
		})),
		app.If(dataSet(d.Data).NeedsDigits, func() app.UI {
			return app.Div().Class("digits").Body(
				app.Span().Text("digits: "),
				app.Range(make([]struct{}, 10)).Slice(func(i int) app.UI {
					digit := string(rune('0' + i))
					on := strings.Contains(d.Digits, digit)
					return app.Label().Body(
						app.Input().Type("checkbox").Checked(on).Attr("data-test", "digit-"+digit).
							OnChange(func(ctx app.Context, e app.Event) {
								next := strings.ReplaceAll(d.Digits, digit, "")
								if !on {
									next += digit
								}
								ctx.NewActionWithValue(actSet, [2]string{"digits", next})
							}),
						app.Text(digit),
					)
				}),
			)
		}),
		app.If(dataSet(d.Data).NeedsPoints, func() app.UI {
			return app.Div().Class("hint").Body(
				app.Text("Click or drag on the view to add points (the data is a Gaussian around each). "),
				app.Span().Attr("data-test", "custom-count").Text(strconv.Itoa(d.NPoints)),
				app.Text(" points. "),
				app.Button().Text("Clear").Attr("data-test", "clear-points").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actClearPoints) }),
			)
		}),
	)
}
