// Package ui is the playground page: go-app components, one per file. The
// page never trains: a Web Worker (wasm/) owns the trainer, the page sends
// it protocol.Commands and draws the protocol.Reports it pushes back.
//
// Browser-only glue (the worker bridge, canvas drawing) lives in *_js.go
// files with native stubs beside them, so the components also build and
// test natively (the server pre-renders them).
package ui
