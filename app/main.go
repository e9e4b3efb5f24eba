// Command app is the GAN Playground program. Compiled to WebAssembly it is
// the page (go-app components in app/ui); natively it is the server that
// serves that page and the headless command line (train, eval, sample).
package main

import (
	"os"
)

func main() {
	registerRoutes()
	runInBrowser() // in the browser this runs the page and never returns
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
