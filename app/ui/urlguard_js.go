//go:build js && wasm

package ui

import "syscall/js"

// GuardURL keeps an address that url.Parse refuses (a bad percent escape
// typed into the fragment) from reaching go-app, which would dereference
// the nil URL and stop the page. It fixes the address now, before go-app
// starts, and again before each navigation go-app handles (popstate, which
// a fragment edit fires): its listener is registered first, so it runs
// before go-app's onpopstate handler. The recipe in the fixed fragment
// then fails to parse like any bad recipe: a message and the default run.
func GuardURL() {
	fix := func() {
		loc := js.Global().Get("location")
		if href, changed := SafeHref(loc.Get("href").String()); changed {
			js.Global().Get("history").Call("replaceState", js.Global().Get("history").Get("state"), "", href)
		}
	}
	fix()
	guard := js.FuncOf(func(js.Value, []js.Value) any { fix(); return nil })
	js.Global().Call("addEventListener", "popstate", guard)
	js.Global().Call("addEventListener", "hashchange", guard)
}
