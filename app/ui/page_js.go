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

// listenKeys calls key for keydown events anywhere on the page except in
// fields that take typed text (text inputs, selects, text areas); when it
// returns true the browser's default is prevented. A checkbox or a button
// that a click left focused must not swallow the space bar: the page's
// keys work whatever has focus.
func listenKeys(key func(string) bool) {
	js.Global().Call("addEventListener", "keydown", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		if typesText(e.Get("target")) {
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
	// A focused button, checkbox or summary "clicks" on the space bar's
	// keyup: the keydown above already toggled play, so cancel that second
	// action (it would toggle the checkbox, or press the button again).
	js.Global().Call("addEventListener", "keyup", js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		if e.Get("key").String() == " " && !typesText(e.Get("target")) {
			e.Call("preventDefault")
		}
		return nil
	}))
}

// typesText reports whether el takes typed text: the keys belong to it.
func typesText(el js.Value) bool {
	if !el.Truthy() || el.Get("tagName").IsUndefined() {
		return false
	}
	switch strings.ToLower(el.Get("tagName").String()) {
	case "select", "textarea":
		return true
	case "input":
		return isTextInput(el.Get("type").String())
	}
	return el.Get("isContentEditable").Truthy()
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

// localGet reads a value the browser keeps for this site ("" if none, or
// if storage is blocked: then the page acts as on a first visit).
func localGet(key string) (v string) {
	defer func() { recover() }() // storage access throws in some privacy modes
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return ""
	}
	if x := ls.Call("getItem", key); x.Type() == js.TypeString {
		return x.String()
	}
	return ""
}

// localSet keeps a value for this site; blocked storage is ignored.
func localSet(key, v string) {
	defer func() { recover() }()
	if ls := js.Global().Get("localStorage"); ls.Truthy() {
		ls.Call("setItem", key, v)
	}
}

// setText writes the text of the element with that id between renders.
// It changes the element's text node, which go-app keeps and updates
// itself (replacing the node would cut go-app off from it); go-app
// rewrites it only when its own value changes, so the caller writes again
// after every render.
func setText(id, s string) {
	el := js.Global().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return
	}
	if t := el.Get("firstChild"); t.Truthy() && t.Get("nodeType").Int() == 3 { // a text node
		if t.Get("nodeValue").String() != s {
			t.Set("nodeValue", s)
		}
		return
	}
	el.Set("textContent", s)
}

// exposeDrawn tells tests and the curious how often the views and the
// charts have been drawn (against ganReports, the reports received).
func exposeDrawn(views, charts int) {
	js.Global().Set("ganDrawn", map[string]any{"views": views, "charts": charts})
}
