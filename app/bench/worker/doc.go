// Command worker is `make bench`'s build of the trainer for the browser:
// compiled with GOOS=js GOARCH=wasm it runs in a Web Worker of the bench
// page (app/bench/web/go-worker.js) and times the same core code as the
// page's worker (wasm/), through package measure. Requests and replies are
// JSON; handle.go is plain Go and tested natively, main_js.go only moves
// them between postMessage and handle.
package main
