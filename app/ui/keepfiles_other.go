//go:build !(js && wasm)

package ui

// Natively (pre-rendering, tests) there is no browser to hand files to.
func offerFile(string, []byte)                                {}
func readChosenFile(string, int, func(string, []byte, error)) {}
func inputValue(string) string                                { return "" }
