package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SlowMo switches slow motion: while playing, the worker makes one update
// at a time (K D updates, then G's) and waits after each, so each
// network's move can be watched. Phase names the update just made. Beside
// it, the speed: full speed, or a chosen number of steps per second.
type SlowMo struct {
	app.Compo
	On    bool
	Phase string
	Speed int // steps per second; 0 = full speed
}

// Actions: toggle slow motion; set the speed (value int, steps/s, 0 = full).
const (
	actSlowMo = "gan/slowmo"
	actSpeed  = "gan/speed"
)

// speeds are the speed menu's choices in steps per second; 0 is full speed.
var speeds = []int{0, 1, 3, 10, 30, 100}

func (s *SlowMo) Render() app.UI {
	return app.Div().Class("slowmo").Body(
		app.Label().Class("field").Title("one update at a time, with a pause after each").Body(
			app.Input().Type("checkbox").Attr("data-test", "slowmo").Checked(s.On).
				OnChange(func(ctx app.Context, e app.Event) { ctx.NewAction(actSlowMo) }),
			app.Text("slow motion"),
			app.Span().Class("explain").Text("One update at a time — D's, then G's — with a pause after each, so you can watch each network move."),
		),
		app.Label().Class("field").Title("how fast training runs: as fast as this computer can, or a chosen number of steps per second").Body(
			app.Text("speed "),
			app.Select().ID("speed").Attr("data-test", "speed").Disabled(s.On).
				OnChange(func(ctx app.Context, e app.Event) {
					n, _ := strconv.Atoi(ctx.JSSrc().Get("value").String())
					ctx.NewActionWithValue(actSpeed, n)
				}).
				Body(app.Range(speeds).Slice(func(i int) app.UI {
					n := speeds[i]
					text := "full speed"
					if n > 0 {
						text = fmt.Sprintf("%d step%s/s", n, map[bool]string{true: "", false: "s"}[n == 1])
					}
					return app.Option().Value(strconv.Itoa(n)).Selected(n == s.Speed).Text(text)
				})),
		),
		app.Span().Class("phase", map[string]string{"D update": "phase-d", "G update": "phase-g"}[s.Phase]).
			Attr("data-test", "phase").Hidden(!s.On).Text(s.Phase),
	)
}
