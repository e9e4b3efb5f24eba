package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// OfflineStatus tells the user whether the page would work with no
// network: "Caching for offline use… 12/25", then "Ready offline (version
// V)", or why offline use is unavailable. web/page.js (ganOffline) does the
// checking, file by file in Cache Storage; this component only shows it.
// Its data-test hook "offline" and the "Ready offline" wording are read by
// tests; data-state holds the bare state (ready, caching, waiting, update,
// unavailable).
type OfflineStatus struct {
	app.Compo
	state, text string
	cb          app.Func
	stop        app.Value
}

func (o *OfflineStatus) OnMount(ctx app.Context) {
	w := app.Window().Get("ganOffline")
	if !w.Truthy() {
		o.state, o.text = "unavailable", "Offline use unavailable: web/page.js did not load"
		return
	}
	o.cb = app.FuncOf(func(this app.Value, args []app.Value) any {
		state, text := args[0].String(), args[1].String()
		ctx.Dispatch(func(ctx app.Context) { o.state, o.text = state, text })
		return nil
	})
	o.stop = w.Call("watch", o.cb)
}

func (o *OfflineStatus) OnDismount() {
	if o.stop != nil && o.stop.Truthy() {
		o.stop.Invoke()
	}
	if o.cb != nil {
		o.cb.Release()
	}
}

func (o *OfflineStatus) Render() app.UI {
	state, text := o.state, o.text
	if state == "" {
		state, text = "waiting", "Offline use: checking…"
	}
	return app.P().Class("muted", "offline", "offline-"+state).
		Attr("data-test", "offline").Attr("data-state", state).
		Title("Once ready, this page reloads and trains with no network (the browser keeps a copy).").
		Text(text)
}

// workerURL is the training worker's script at the page's own version
// (web/page.js computes the same URL for the worker it starts early): a
// restarted worker must come from the same build as the page, and from the
// service worker's cache when offline.
func workerURL(ctx app.Context) string {
	u := ctx.ResolveStaticResource("/web/worker.js")
	if v := app.Getenv("GOAPP_VERSION"); v != "" {
		u += "?v=" + url.QueryEscape(v)
	}
	return u
}
