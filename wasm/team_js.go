//go:build js && wasm

package main

import (
	"syscall/js"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Helper workers are Web Workers started by the training worker itself
// (nested workers), from its own worker.js: the same program, which turns
// helper at its first team message. The training worker, not the page,
// starts them so that gradients go worker to worker and never through the
// page's thread, which is busy drawing; the page only says how many
// (protocol.OpWorkers). Terminating the training worker ends them too.

// jsPeer is one helper worker.
type jsPeer struct{ w js.Value }

// send posts b in a buffer of its own, transferred, not copied, to the
// helper (a SharedArrayBuffer would need cross-origin isolation, which a
// plain static server does not give).
func (p jsPeer) send(b []byte) {
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	p.w.Call("postMessage", u8, []any{u8.Get("buffer")})
}

// startHelper starts helper i; its messages go to the team's inbox.
func (w *worker) startHelper(i int) peer {
	tm := w.s.team
	hw := js.Global().Get("Worker").New(js.Global().Get("location").Get("href"))
	hw.Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		d := args[0].Get("data")
		if d.InstanceOf(js.Global().Get("Uint8Array")) {
			b := make([]byte, d.Length())
			js.CopyBytesToGo(b, d)
			select {
			case tm.inbox <- teamMsg{i, b}:
			default:
			}
		} else if f := d.Get("fatal"); f.Truthy() {
			tm.fail(i, f.String())
		}
		return nil
	}))
	hw.Set("onerror", js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "crashed"
		if m := args[0].Get("message"); m.Truthy() {
			msg += ": " + m.String()
		}
		args[0].Call("preventDefault")
		tm.fail(i, msg)
		return nil
	}))
	return jsPeer{hw}
}

// becomeHelper runs this worker as a helper from its first team message
// on, for good.
func (w *worker) becomeHelper(first []byte) {
	var mnist *data.MNIST
	h := &helper{send: w.post, inbox: w.cmds,
		source: func(rc recipe.Recipe) (data.Source, error) {
			if rc.DataSet().Asset != "" && mnist == nil {
				b, err := fetch(mnistURL)
				if err != nil {
					return nil, err
				}
				if mnist, err = decodeMNIST(b); err != nil {
					return nil, err
				}
			}
			return data.New(rc, mnist)
		}}
	h.run(first)
}
