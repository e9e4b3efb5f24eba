// Command wasm is the training worker: compiled with GOOS=js GOARCH=wasm it
// runs in a Web Worker (web/worker.js starts it). It is the message
// bridge: Bridge (bridge.go, plain Go, tested natively) turns
// protocol.Commands into calls of the run controller, core/session, and
// its state into protocol.Reports; main_js.go moves bytes between
// postMessage and Bridge, fetches files, and trains in time slices so that
// commands are answered within one slice.
package main
