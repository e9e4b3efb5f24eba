// Package e2e drives the playground in real headless Chromium: the server
// runs as a subprocess on a free localhost port, chromedp loads the page,
// trains, pauses, steps, reads the data-test hooks and saves a screenshot
// of each view to artifacts/.
//
// It needs Chromium (make chromium) and the built wasm files (make wasm),
// so it only runs when E2E=1: `make e2e` sets it.
package e2e
