// Command wasm is the training worker: compiled with GOOS=js GOARCH=wasm it
// runs in a Web Worker (web/worker.js starts it) and owns the one
// gan.Trainer of the page. It is a thin bridge: Session (plain Go, tested
// natively) turns protocol.Commands into trainer calls and builds
// protocol.Reports; main_js.go only moves bytes between postMessage and
// Session, and trains in time slices so that commands are answered within
// one slice.
package main
