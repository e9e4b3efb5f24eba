package main

import (
	"github.com/ganplayground/ganplayground/app/ui"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// registerRoutes declares the page's components. It runs on both sides:
// the server needs the routes to pre-render, the browser to mount them.
func registerRoutes() {
	app.Route("/", func() app.Composer { return &ui.Playground{} })
}

func runInBrowser() {
	ui.GuardURL() // a bad percent escape in the address must not stop the page
	app.RunWhenOnBrowser()
}
