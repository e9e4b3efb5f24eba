//go:build !(js && wasm)

package ui

func fragmentNow() string          { return "" }
func setFragment(string)           {}
func listenKeys(func(string) bool) {}
func onHashChange(func())          {}
func mark(string)                  {}
func resetInput(string, string)    {}
