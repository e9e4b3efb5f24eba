//go:build js && wasm

package store

import "syscall/js"

// Tabs of the page share one database; each keeps its own list of it.
// After every change it makes (Save, Rename, Delete), an IDB posts on a
// BroadcastChannel named after the database, and Watch hears the posts of
// every other IDB of that database — other tabs, or another store in this
// one — so that their lists refresh instead of going stale. A channel
// object never hears its own posts.

func (s *IDB) channel() js.Value {
	s.bcOnce.Do(func() {
		if bc := js.Global().Get("BroadcastChannel"); bc.Truthy() {
			s.bc = bc.New("ganplayground-store:" + s.opts.Name)
		}
	})
	return s.bc
}

// changed announces a change that succeeded (err nil) and returns err.
func (s *IDB) changed(err error) error {
	if err == nil {
		if bc := s.channel(); bc.Truthy() {
			bc.Call("postMessage", "changed")
		}
	}
	return err
}

// Watch calls f whenever another tab (or another IDB of the same
// database) has changed the store. f runs in a JavaScript callback: it
// must not block, only hand over. stop ends the watch.
func (s *IDB) Watch(f func()) (stop func()) {
	bc := s.channel()
	if !bc.Truthy() {
		return func() {}
	}
	fn := js.FuncOf(func(js.Value, []js.Value) any { f(); return nil })
	bc.Call("addEventListener", "message", fn)
	return func() {
		bc.Call("removeEventListener", "message", fn)
		fn.Release()
	}
}
