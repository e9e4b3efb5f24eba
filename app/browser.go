//go:build js && wasm

package main

// runCommandLine is never reached in the browser: runInBrowser does not
// return there.
func runCommandLine() {}
