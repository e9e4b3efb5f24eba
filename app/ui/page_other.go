//go:build !(js && wasm)

package ui

func fragmentNow() string          { return "" }
func setFragment(string)           {}
func listenKeys(func(string) bool) {}
func onHashChange(func())          {}
func mark(string)                  {}
func resetInput(string, string)    {}

// Outside the browser nothing is kept: every visit is a first one.
var localValues = map[string]string{}

func localGet(k string) string { return localValues[k] }
func localSet(k, v string)     { localValues[k] = v }
func setText(string, string)   {}
func exposeDrawn(int, int)     {}
