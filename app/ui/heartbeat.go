package ui

import (
	"fmt"
	"time"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A training worker reports several times a second (at most a slow step
// apart: about a second for the paper's MNIST nets on a busy machine). A
// worker that stops without an error event — terminated, or its tab's
// process reclaimed — would leave the page saying "training" for ever, so
// the page notices the silence and restarts it like a crashed one.
const (
	heartbeatEvery   = time.Second
	heartbeatTimeout = 10 * time.Second
)

// heartbeatLimit is heartbeatTimeout, or window.ganHeartbeatTimeoutMs when
// a browser test set it before the page loaded: the test of this watch
// stops a worker silently and would otherwise spend the full 10 s waiting.
func heartbeatLimit() time.Duration {
	if v := app.Window().Get("ganHeartbeatTimeoutMs"); v.Type() == app.TypeNumber && v.Float() >= 1000 {
		return time.Duration(v.Float()) * time.Millisecond
	}
	return heartbeatTimeout
}

// watchWorker checks once a second, on the UI goroutine, whether a worker
// that should be training has gone silent for heartbeatLimit.
func (p *Playground) watchWorker(ctx app.Context) {
	limit := heartbeatLimit()
	var since time.Time // when the page was first seen training, this stretch
	var lastTick time.Time
	ctx.Async(func() {
		tick := time.NewTicker(heartbeatEvery)
		defer tick.Stop()
		for range tick.C {
			ctx.Dispatch(func(ctx app.Context) {
				if p.status != protocol.Training.String() {
					since, lastTick = time.Time{}, time.Now()
					return
				}
				now := time.Now()
				// A late check means the page itself was asleep (a frozen
				// background tab freezes its worker too): start counting
				// afresh rather than blame the worker.
				if since.IsZero() || now.Sub(lastTick) > 3*heartbeatEvery {
					since = now
				}
				lastTick = now
				last := p.br.lastReport()
				if last.Before(since) {
					last = since
				}
				if quiet := now.Sub(last); quiet >= limit {
					since = time.Time{}
					p.onCrash(ctx, fmt.Sprintf("the training worker stopped (no report for %.0f s)", quiet.Seconds()))
					ctx.Update()
				}
			})
		}
	})
}
