//go:build js && wasm

package ui

import (
	"errors"
	"syscall/js"
)

// pageURL is the page's address without its fragment.
func pageURL() string {
	l := js.Global().Get("location")
	return l.Get("origin").String() + l.Get("pathname").String() + l.Get("search").String()
}

// copyField copies a text field's value to the clipboard (selecting it, so
// that a browser without the clipboard API still lets the user copy).
func copyField(id string) {
	el := js.Global().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return
	}
	el.Call("select")
	if c := js.Global().Get("navigator").Get("clipboard"); c.Truthy() {
		c.Call("writeText", el.Get("value")).Call("catch", js.FuncOf(func(js.Value, []js.Value) any {
			js.Global().Get("document").Call("execCommand", "copy")
			return nil
		}))
		return
	}
	js.Global().Get("document").Call("execCommand", "copy")
}

// saveBlob hands a Blob to the browser as a download named name, through
// a temporary <a download>. The last download is recorded in
// window.ganLastDownload (name, size, type, url) for tests; its object URL
// stays valid for a minute.
func saveBlob(blob js.Value, name string) {
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	a := js.Global().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	body := js.Global().Get("document").Get("body")
	body.Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	js.Global().Set("ganLastDownload", map[string]any{"name": name, "size": blob.Get("size"), "type": blob.Get("type"), "url": url})
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		js.Global().Get("URL").Call("revokeObjectURL", url)
		revoke.Release()
		return nil
	})
	js.Global().Call("setTimeout", revoke, 60_000)
}

// downloadBytes offers b as a file.
func downloadBytes(name, mime string, b []byte) {
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	blob := js.Global().Get("Blob").New([]any{u8}, map[string]any{"type": mime})
	saveBlob(blob, name)
}

// downloadCanvas offers a canvas's picture as a PNG file.
func downloadCanvas(id, name string) error {
	el := js.Global().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return errors.New("no picture on the page (" + id + ")")
	}
	var cb js.Func
	cb = js.FuncOf(func(this js.Value, args []js.Value) any {
		cb.Release()
		if len(args) > 0 && args[0].Truthy() {
			saveBlob(args[0], name)
		}
		return nil
	})
	el.Call("toBlob", cb, "image/png")
	return nil
}
