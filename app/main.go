// Command app is the GAN Playground program. Compiled to WebAssembly it is
// the page (go-app components in app/ui); natively it is the server that
// serves that page (app/internal/server) and the headless command line
// (app/internal/cli: train, eval, sample, …).
package main

func main() {
	registerRoutes()
	runInBrowser() // in the browser this runs the page and never returns
	runCommandLine()
}
