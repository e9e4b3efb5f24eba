//go:build !(js && wasm)

package ui

// GuardURL is for the browser only (see urlguard_js.go).
func GuardURL() {}
