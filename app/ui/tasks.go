package ui

import "time"

// The page's main thread runs the browser's work (input, style, layout,
// paint) between tasks, and a task over 50 ms is one the user feels. The
// Go program runs on that thread, and it hands the thread back only when
// every goroutine waits: whatever work a message sets off — decoding,
// drawing, a store write — runs in the message's task unless a goroutine
// waits on a timer in between. Work on a checkpoint's megabytes is cut
// that way into tasks of half a MiB each (bridge_js.go, bigbuf.go, and
// app/store's Blob).

// bigReport is the size above which a worker's message is taken in a
// slice per task: a checkpoint (megabytes for MNIST's nets), not a
// report of the views (tens of kilobytes).
const bigReport = 1 << 20

// taskBytes is how many of those megabytes one task copies. A copy into
// memory never touched before pays the page faults of its pages: 13 MB
// into a fresh Uint8Array took 210–250 ms of wall time, one task, on a
// 2-core machine at load average 10, and most of a copy's cost is that.
const taskBytes = 512 << 10

// warm touches buf a taskBytes slice per task, so that a copy into it
// later finds its pages present. Off the UI goroutine only (nextTask).
func warm(buf []byte) {
	for i := 0; i < len(buf); i += taskBytes {
		clear(buf[i:min(i+taskBytes, len(buf))])
		nextTask()
	}
}

// nextTask waits until the browser has started a new task: a timer's
// wait lets Go hand the main thread back. Never call it on the UI
// goroutine (go-app's events would wait too); a goroutine of its own, or
// ctx.Async's, may.
func nextTask() { time.Sleep(time.Millisecond) }
