//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ganplayground/ganplayground/core/team"
)

// Helper workers (core/team) are nested Web Workers the training worker
// starts from its own worker.js: the same program, a helper from its first
// team message on. The worker, not the page, starts them so that gradients
// never pass through the page's thread, busy drawing; the page only says
// how many (OpWorkers). Terminating the worker ends them too.

// jsPeer is one helper worker, or a helper's training worker (self).
type jsPeer struct{ w js.Value }

// Send posts b in a buffer it gave back earlier (worker.js), transferred,
// not copied (shared memory would need cross-origin isolation, which a
// static server lacks).
func (p jsPeer) Send(b []byte) {
	u8 := js.Global().Call("goBuffer", len(b))
	js.CopyBytesToJS(u8, b)
	p.w.Call("postMessage", u8, []any{u8.Get("buffer")})
}

// startHelper starts helper i; its messages go to the team's inbox.
func (w *worker) startHelper(i int) team.Peer {
	tm := w.s.team
	hw := js.Global().Call("goHelper", js.FuncOf(func(this js.Value, args []js.Value) any {
		d := args[0].Get("data")
		if d.InstanceOf(js.Global().Get("Uint8Array")) {
			b := team.Buffer(d.Length()) // given back once read
			js.CopyBytesToGo(b, d)
			tm.Deliver(i, b)
		} else if f := d.Get("fatal"); f.Truthy() {
			tm.Fail(i, f.String())
		}
		return nil
	}))
	hw.Set("onerror", js.FuncOf(func(this js.Value, args []js.Value) any {
		args[0].Call("preventDefault")
		tm.Fail(i, "crashed: "+args[0].Get("message").String())
		return nil
	}))
	return jsPeer{hw}
}

// becomeHelper runs this worker as a helper from its first team message
// on, for good.
func (w *worker) becomeHelper(first []byte) {
	team.NewHelper(jsPeer{js.Global()}.Send, w.cmds, team.Source(fetchMNIST)).Run(first)
}
