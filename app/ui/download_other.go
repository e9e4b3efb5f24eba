//go:build !(js && wasm)

package ui

// Natively (the server's pre-rendering and tests) there is no page to
// download from.
func pageURL() string                      { return "" }
func copyField(string)                     {}
func downloadBytes(string, string, []byte) {}
func downloadCanvas(string, string) error  { return nil }
