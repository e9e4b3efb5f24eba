//go:build js && wasm

package ui

import (
	"strings"
	"syscall/js"
)

// fragmentNow is the page's URL fragment, without '#'.
func fragmentNow() string {
	return strings.TrimPrefix(js.Global().Get("location").Get("hash").String(), "#")
}

// setFragment shows the settings in the URL without a navigation (and
// without a hashchange event, which would reload them).
func setFragment(f string) {
	js.Global().Get("history").Call("replaceState", nil, "", "#"+f)
}

// listenKeys calls key for keydown events outside form fields; when it
// returns true the browser's default (scrolling on space) is prevented.
func listenKeys(key func(string) bool) {
	js.Global().Call("addEventListener", "keydown", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		switch strings.ToLower(e.Get("target").Get("tagName").String()) {
		case "input", "select", "textarea":
			return nil
		}
		if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		if key(e.Get("key").String()) {
			e.Call("preventDefault")
		}
		return nil
	}))
	// A focused button would also "click" on the space bar's keyup: the
	// keydown above already toggled play, so cancel that second action.
	js.Global().Call("addEventListener", "keyup", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("key").String() == " " && strings.EqualFold(e.Get("target").Get("tagName").String(), "button") {
			e.Call("preventDefault")
		}
		return nil
	}))
}

// onHashChange calls f when the user edits the fragment by hand.
func onHashChange(f func()) {
	js.Global().Call("addEventListener", "hashchange", js.FuncOf(func(js.Value, []js.Value) any {
		f()
		return nil
	}))
}

// mark records a performance mark (startup timings for tests and devtools).
func mark(name string) {
	if p := js.Global().Get("performance"); p.Truthy() {
		p.Call("mark", name)
	}
}

// resetInput puts a form field back to a value (after a rejected edit: the
// virtual DOM still holds that value, so go-app would not rewrite it).
func resetInput(id, v string) {
	if el := js.Global().Get("document").Call("getElementById", id); el.Truthy() {
		el.Set("value", v)
	}
}
