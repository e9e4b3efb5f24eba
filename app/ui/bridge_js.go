//go:build js && wasm

package ui

import (
	"syscall/js"
	"time"

	"github.com/ganplayground/ganplayground/core/protocol"
)

// bridge is the page's end of the worker: it posts Commands and hands each
// Report's bytes (or a crash) to its callbacks, which run in a JavaScript
// callback: they must not block, only hand over to the UI goroutine.
type bridge struct {
	url          string
	w            js.Value
	onMsg, onErr js.Func
	recv         func([]byte)
	crash        func(string)
	out          []byte
	received     int
	last         time.Time   // when the last report arrived, or the worker started (see heartbeat.go)
	free         chan []byte // receive buffers the UI goroutine has finished with
	big          chan []byte // the receive buffer of checkpoints, once one is released
	workers      int         // workers asked for (setWorkers), told to every worker started
}

// buffer returns a receive buffer of n bytes, reusing a released one when
// it is big enough: reports arrive ~10 times a second and are all about
// the same size.
func (b *bridge) buffer(n int) []byte {
	if n > bigReport {
		// A checkpoint: one buffer of its size is kept for the next. A
		// fresh one each time (tens of megabytes a minute on MNIST's
		// nets) would set off the garbage collector, whose marking runs
		// on the main thread.
		var p []byte
		select {
		case p = <-b.big:
		default:
		}
		if cap(p) < n {
			p = make([]byte, n, n+n/8)
		}
		return p[:n]
	}
	select {
	case p := <-b.free:
		if cap(p) >= n {
			return p[:n]
		}
	default:
	}
	return make([]byte, n, n+n/4)
}

// receiveBig copies a checkpoint's megabytes into Go taskBytes per task
// (tasks.go), then hands them on. Go runs every goroutine it can before it
// hands the main thread back, so one copy in the message's own task,
// followed by its decoding, would take the thread for hundreds of
// milliseconds on a busy machine, most of it faulting in fresh memory.
// A checkpoint is an answer to a request of its own: the reports that
// overtake it meanwhile lose nothing.
func (b *bridge) receiveBig(d js.Value, n int) {
	p := b.buffer(n)
	for i := 0; i < n; i += taskBytes {
		nextTask()
		j := min(i+taskBytes, n)
		js.CopyBytesToGo(p[i:j], d.Call("subarray", i, j))
	}
	nextTask()
	b.recv(p)
}

// release hands a buffer back once its report is decoded.
func (b *bridge) release(p []byte) {
	if len(p) > bigReport {
		select {
		case b.big <- p:
		default:
		}
		return
	}
	select {
	case b.free <- p:
	default:
	}
}

func newBridge(url string, recv func([]byte), crash func(string)) *bridge {
	b := &bridge{url: url, recv: recv, crash: crash, free: make(chan []byte, 4), big: make(chan []byte, 1)}
	b.onMsg = js.FuncOf(func(this js.Value, args []js.Value) any {
		d := args[0].Get("data")
		if d.InstanceOf(js.Global().Get("Uint8Array")) {
			b.last = time.Now()
			b.received++
			js.Global().Set("ganReports", b.received)
			if n := d.Length(); n > bigReport {
				go b.receiveBig(d, n)
				return nil
			}
			p := b.buffer(d.Length())
			js.CopyBytesToGo(p, d)
			b.recv(p)
			return nil
		}
		msg := "the training worker stopped"
		if f := d.Get("fatal"); f.Truthy() {
			msg += ": " + f.String()
		}
		b.crash(msg)
		return nil
	})
	b.onErr = js.FuncOf(func(this js.Value, args []js.Value) any {
		msg := "the training worker crashed"
		if m := args[0].Get("message"); m.Truthy() {
			msg += ": " + m.String()
		}
		args[0].Call("preventDefault")
		b.crash(msg)
		return nil
	})
	b.start()
	return b
}

func (b *bridge) start() {
	b.last = time.Now()
	// web/page.js started one while app.wasm loaded: adopt it, once.
	if w := js.Global().Get("ganWorker"); w.Truthy() {
		b.w = w
		js.Global().Delete("ganWorker")
	} else {
		b.w = js.Global().Get("Worker").New(b.url)
	}
	b.w.Set("onmessage", b.onMsg)
	b.w.Set("onerror", b.onErr)
	if b.workers > 0 {
		b.send(&protocol.Command{Op: protocol.OpWorkers, N: b.workers})
	}
}

// setWorkers asks the worker to train sharded recipes on n workers (it
// starts the helpers itself), now and after any restart.
func (b *bridge) setWorkers(n int) {
	b.workers = n
	b.send(&protocol.Command{Op: protocol.OpWorkers, N: n})
}

// hardwareCores is navigator.hardwareConcurrency (1 if unknown).
func hardwareCores() int {
	if n := js.Global().Get("navigator").Get("hardwareConcurrency"); n.Truthy() {
		return n.Int()
	}
	return 1
}

// restart replaces a dead worker with a fresh one.
func (b *bridge) restart() {
	if b.w.Truthy() {
		b.w.Call("terminate")
	}
	b.start()
}

func (b *bridge) send(c *protocol.Command) {
	b.out = protocol.AppendCommand(b.out[:0], c)
	u8 := js.Global().Get("Uint8Array").New(len(b.out))
	js.CopyBytesToJS(u8, b.out)
	b.w.Call("postMessage", u8, []any{u8.Get("buffer")})
	// For tests and the curious: what the page last asked for.
	js.Global().Set("ganLastOp", c.Op.String())
}

// kill terminates the worker the hard way (the crash-recovery test uses it
// through window.ganKillWorker).
func (b *bridge) kill() { b.w.Call("terminate") }

// lastReport is when the worker last reported (or started).
func (b *bridge) lastReport() time.Time { return b.last }

// exposeKill lets tests simulate a crash: ganKillWorker tells the page,
// ganStopWorkerSilently does not (the heartbeat must notice).
func (b *bridge) exposeKill() {
	js.Global().Set("ganKillWorker", js.FuncOf(func(js.Value, []js.Value) any {
		b.kill()
		b.crash("the training worker was killed")
		return nil
	}))
	js.Global().Set("ganStopWorkerSilently", js.FuncOf(func(js.Value, []js.Value) any {
		b.kill()
		return nil
	}))
}
