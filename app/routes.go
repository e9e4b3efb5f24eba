package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// registerRoutes declares the page's components. It runs on both sides:
// the server needs the routes to pre-render, the browser to mount them.
func registerRoutes() {
	// The page issue fills this in (app/ui).
}

func runInBrowser() { app.RunWhenOnBrowser() }
