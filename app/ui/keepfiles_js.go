//go:build js && wasm

package ui

import (
	"fmt"
	"syscall/js"
)

// offerFile hands b to the browser as a download named name (through
// downloadBytes). window.ganLastFile records the last one (name, size) for
// tests.
func offerFile(name string, b []byte) {
	downloadBytes(name, "application/octet-stream", b)
	js.Global().Set("ganLastFile", map[string]any{"name": name, "size": len(b)})
}

// readChosenFile reads the file chosen in the <input type=file> with this
// id and calls done from a JavaScript callback (it must only hand over).
// Files over limit bytes are refused unread. The input is cleared, so that
// choosing the same file again fires another change.
func readChosenFile(id string, limit int, done func(name string, b []byte, err error)) {
	el := js.Global().Get("document").Call("getElementById", id)
	if !el.Truthy() || el.Get("files").Get("length").Int() == 0 {
		return
	}
	f := el.Get("files").Index(0)
	el.Set("value", "")
	name, size := f.Get("name").String(), f.Get("size").Int()
	if size > limit {
		done(name, nil, fmt.Errorf("%s is %d MB, larger than any checkpoint (%d MB)", name, size>>20, limit>>20))
		return
	}
	var then, fail js.Func
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		then.Release()
		fail.Release()
		u8 := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, u8.Get("length").Int())
		js.CopyBytesToGo(b, u8)
		done(name, b, nil)
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		then.Release()
		fail.Release()
		done(name, nil, fmt.Errorf("%s could not be read: %s", name, args[0].Call("toString").String()))
		return nil
	})
	f.Call("arrayBuffer").Call("then", then, fail)
}

// inputValue is the current value of the form field with this id.
func inputValue(id string) string {
	el := js.Global().Get("document").Call("getElementById", id)
	if !el.Truthy() {
		return ""
	}
	return el.Get("value").String()
}
