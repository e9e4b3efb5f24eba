//go:build js && wasm

package main

import (
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/team"
)

// slice is how long the worker trains before it looks at its messages.
const slice = 25 * time.Millisecond

// slowPause is how long slow motion shows each single update.
const slowPause = 600 * time.Millisecond

// minFrame is the shortest time between two snapshots (at most ~12/s).
const minFrame = 80 * time.Millisecond

// viewShare bounds the views' share of the worker's time while training:
// after a snapshot that took c, the next waits (viewShare−1)·c, so views
// take at most 5% of the time (at 10% the page could not keep 90% of a
// bare worker's speed; ring8's views cost ~10 ms a snapshot).
const viewShare = 20

// statusEvery is how often a light report (step, steps/s, losses) goes
// out while the views wait: the page's counters stay live whatever the
// views cost.
const statusEvery = 150 * time.Millisecond

func main() {
	cmds := make(chan []byte, 256)
	// worker.js buffers messages until goStarted hands it this handler.
	onMessage := js.FuncOf(func(this js.Value, args []js.Value) any {
		d := args[0]
		if d.InstanceOf(js.Global().Get("Uint8Array")) {
			b := team.Buffer(d.Length()) // a helper gives its messages back
			js.CopyBytesToGo(b, d)
			select {
			case cmds <- b:
			default: // a page flooding us: dropping beats deadlocking the event loop
			}
		}
		return nil
	})
	w := &worker{s: NewBridge(), wake: make(chan struct{}, 1), cmds: cmds}
	w.s.team = team.New(w.startHelper)
	w.wakeFn = js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case w.wake <- struct{}{}:
		default:
		}
		return nil
	})
	js.Global().Call("goStarted", onMessage)
	w.post(w.s.Ready())

	var c protocol.Command
	var last, lastStatus time.Time // the last snapshot, the last report of any kind
	frame := minFrame
	for {
		if w.s.Evaluating() {
			// The estimate goes first; training waits for it.
			w.s.EvalSlice(slice)
			w.drain(cmds, &c)
			if !w.s.Evaluating() || time.Since(last) >= minFrame {
				w.post(w.s.Status())
				last = time.Now()
			}
			w.yield()
			continue
		}
		if !w.s.Training() && w.s.ViewsPending() {
			// Paused with a view unfinished (the nearest-neighbour
			// search, in bounded pieces): go on with it, commands first.
			if w.drain(cmds, &c) {
				w.post(w.s.Status())
			}
			if !w.s.Training() {
				w.snapshot()
				last = time.Now()
			}
			w.yield()
			continue
		}
		if !w.s.Training() {
			w.handle(<-cmds, &c) // block: the event loop runs meanwhile
			w.drain(cmds, &c)
			w.post(w.s.Status()) // the answer now, the views after
			w.snapshot()
			last = time.Now()
			continue
		}
		if w.drain(cmds, &c) {
			w.post(w.s.Status())
		}
		w.s.SyncTeam()
		if w.s.Slow() {
			// One update, its picture, then a pause: commands still
			// answer at once (pause stops the wait).
			w.s.SlowStep()
			w.snapshot()
			if w.wait(cmds, &c, slowPause) {
				w.snapshot()
			}
			last = time.Now()
			continue
		}
		w.s.Train(slice)
		if t0 := time.Now(); !w.s.Training() || t0.Sub(last) >= frame {
			w.snapshot()
			last = time.Now()
			lastStatus = last
			// A big net's heat map costs as much as training: the views
			// get at most 1/viewShare of the time.
			frame = max(minFrame, (viewShare-1)*last.Sub(t0))
		} else if t0.Sub(lastStatus) >= statusEvery {
			w.post(w.s.Status())
			lastStatus = t0
		}
		w.yield()
	}
}

type worker struct {
	s      *Bridge
	cmds   chan []byte
	u8     js.Value // reused transfer buffer, grown as needed
	wake   chan struct{}
	wakeFn js.Func
}

// wait handles commands for d, or until one stops slow-motion training;
// it reports whether it handled any.
func (w *worker) wait(cmds chan []byte, c *protocol.Command, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	handled := false
	for {
		select {
		case b := <-cmds:
			w.handle(b, c)
			w.drain(cmds, c)
			w.post(w.s.Status())
			handled = true
			if !w.s.Training() || !w.s.Slow() {
				return true
			}
		case <-timer.C:
			return handled
		}
	}
}

// drain handles the waiting commands and reports whether there were any.
func (w *worker) drain(cmds chan []byte, c *protocol.Command) bool {
	any := false
	for {
		select {
		case b := <-cmds:
			w.handle(b, c)
			any = true
		default:
			return any
		}
	}
}

func (w *worker) handle(b []byte, c *protocol.Command) {
	if team.IsMessage(b) {
		w.becomeHelper(b) // never returns
	}
	defer func() {
		if r := recover(); r != nil {
			w.s.Fail(fmt.Sprintf("worker error: %v", r))
		}
	}()
	if err := protocol.DecodeCommand(b, c); err != nil {
		w.s.Fail(err.Error())
		return
	}
	if w.s.NeedsMNIST(c) {
		w.loadMNIST()
	}
	if w.s.NeedsEvalAssets(c) {
		w.loadEvalAssets()
	}
	w.s.Handle(c)
	if b := w.s.TakeReply(); b != nil {
		w.post(b)
	}
}

// loadMNIST fetches and decodes the asset, blocking this goroutine (not the
// worker's event loop) until it arrives.
func (w *worker) loadMNIST() {
	m, err := fetchMNIST()
	if err != nil {
		w.s.Fail(err.Error())
		return
	}
	w.s.SetMNIST(m)
}

func fetchMNIST() (*data.MNIST, error) {
	b, err := fetch(mnistURL)
	if err != nil {
		return nil, errors.New("MNIST is not available (" + mnistURL + ": " + err.Error() + "): build it with `make assets`")
	}
	m, err := decodeMNIST(b)
	if err != nil {
		return nil, errors.New("MNIST asset: " + err.Error())
	}
	return m, nil
}

// loadEvalAssets fetches the quick evaluation set and the classifier.
func (w *worker) loadEvalAssets() {
	var (
		m   *data.MNIST
		clf *classify.Classifier
	)
	b, err := fetch(evalURL)
	if err == nil {
		m, err = decodeMNIST(b)
	}
	if err == nil {
		if b, err = fetch(classifierURL); err == nil {
			clf, err = classify.Unmarshal(b)
		}
	}
	w.s.SetEvalAssets(m, clf, err)
}

// maxAsset caps every fetched file: the MNIST training asset, the largest,
// is about 10 MB.
const maxAsset = 64 << 20

// fetch gets a file relative to worker.js, blocking this goroutine (not the
// worker's event loop) until it arrives.
func fetch(url string) ([]byte, error) {
	type result struct {
		b   []byte
		err string
	}
	done := make(chan result, 1)
	cb := js.FuncOf(func(this js.Value, args []js.Value) any {
		if args[0].IsNull() {
			done <- result{err: args[1].String()}
			return nil
		}
		b := make([]byte, args[0].Length())
		js.CopyBytesToGo(b, args[0])
		done <- result{b: b}
		return nil
	})
	defer cb.Release()
	js.Global().Call("goFetch", url, cb, maxAsset)
	r := <-done
	if r.err != "" {
		return nil, errors.New(r.err)
	}
	return r.b, nil
}

func (w *worker) snapshot() {
	defer func() {
		if r := recover(); r != nil {
			w.s.Fail(fmt.Sprintf("worker error: %v", r))
		}
	}()
	w.post(w.s.Snapshot())
}

func (w *worker) post(b []byte) {
	if w.u8.IsUndefined() || w.u8.Length() < len(b) {
		w.u8 = js.Global().Get("Uint8Array").New(max(len(b), 64<<10) * 5 / 4)
	}
	js.CopyBytesToJS(w.u8, b)
	js.Global().Call("goPost", w.u8, len(b))
}

// yield lets the worker's event loop deliver messages. A MessageChannel
// round trip (in worker.js) returns at once; setTimeout(0) would be clamped
// to 4 ms, a sixth of every slice.
func (w *worker) yield() {
	js.Global().Call("goYield", w.wakeFn)
	<-w.wake
}
