//go:build js && wasm

package main

import "syscall/js"

// main serves requests one at a time: go-worker.js calls goBench(json,
// asset) and gets the answer as a posted message. A request runs on this
// goroutine, not inside the JS callback, which must return at once.
func main() {
	type req struct{ msg, asset []byte }
	reqs := make(chan req, 8)
	js.Global().Set("goBench", js.FuncOf(func(this js.Value, args []js.Value) any {
		q := req{msg: []byte(args[0].String())}
		if len(args) > 1 && args[1].Truthy() {
			q.asset = make([]byte, args[1].Length())
			js.CopyBytesToGo(q.asset, args[1])
		}
		reqs <- q
		return nil
	}))
	js.Global().Call("goStarted")
	var b bench
	for q := range reqs {
		js.Global().Call("postMessage", string(b.handle(q.msg, q.asset)))
	}
}
