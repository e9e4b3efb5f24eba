// Package e2e drives the playground in real headless Chromium: the server
// runs as a subprocess on a free localhost port, chromedp loads the page,
// trains, pauses, steps, reads the data-test hooks and saves a screenshot
// of each view to artifacts/.
//
// One Chromium and one server serve a whole run of the package
// (shared_test.go); each test's fresh profile is a browser context of that
// Chromium, sharing no storage, cache or service worker with another.
// Tests that stop their server or serve other files start their own.
//
// It needs Chromium (make chromium) and the built wasm files (make wasm),
// so it only runs when E2E=1: `make e2e` sets it.
package e2e
