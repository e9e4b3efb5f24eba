package ui

import (
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A checkpoint of MNIST's nets is about 13 MB. Decoding one into a fresh
// buffer faults in 13 MB of pages in one task (hundreds of milliseconds
// on a busy machine, tasks.go); so checkpoints decode into one kept
// buffer, warmed a slice per task before its first use, and a save hands
// it back when the store has copied the bytes.

// decodeBig decodes a report of more than bigReport bytes: at once if the
// kept buffer is large enough, else after warming a new one off the UI
// goroutine. It reports whether the report was decoded now.
func (p *Playground) decodeBig(ctx app.Context, b []byte) bool {
	k := &p.keep
	if cap(k.buf) >= len(b) {
		p.in.Checkpoint.Bytes = k.buf[:0]
		k.buf = nil
		return true
	}
	n := len(b) + len(b)/8 // the next checkpoint of the same nets fits too
	ctx.Async(func() {
		buf := make([]byte, n)
		warm(buf)
		ctx.Dispatch(func(ctx app.Context) {
			if cap(k.buf) < n {
				k.buf = buf
			}
			p.onReport(ctx, b)
		})
	})
	return false
}

// returnBuf takes back a checkpoint's buffer once the store is done with
// it, keeping the larger.
func (p *Playground) returnBuf(b []byte) {
	if cap(b) > cap(p.keep.buf) && cap(b) >= bigReport {
		p.keep.buf = b[:0]
	}
}

// dropBig keeps a decoded checkpoint's buffer for the next one when
// nothing else holds it (an export, a load or an error).
func (p *Playground) dropBig(c *protocol.CheckpointInfo) { p.returnBuf(c.Bytes) }
