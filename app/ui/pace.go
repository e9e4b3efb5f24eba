package ui

import (
	"time"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A chosen speed (steps per second) is kept by the page: it asks the
// worker for single steps on a timer, never more than a tick ahead of
// what the worker has reported, so a slow net (MNIST) is not flooded.
// The steps are the worker's own OpStep: the run is the one full speed
// makes.

// paceTick is the timer's period for speeds above 10 steps/s.
const paceTick = 100 * time.Millisecond

// setSpeed takes the speed menu's choice, switching a playing run over.
func (p *Playground) setSpeed(ctx app.Context, n int) {
	playing := p.shownStatus() == protocol.Training.String()
	p.speed = max(n, 0)
	if !playing {
		ctx.Update()
		return
	}
	switch {
	case p.speed > 0 && !p.pacing:
		p.br.send(&protocol.Command{Op: protocol.OpPause})
		p.startPacing(ctx)
	case p.speed == 0 && p.pacing:
		p.stopPacing()
		p.br.send(&protocol.Command{Op: protocol.OpPlay})
	}
	ctx.Update()
}

// startPacing starts the timer.
func (p *Playground) startPacing(ctx app.Context) {
	if p.pacing {
		return
	}
	p.pacing = true
	p.paceSent = p.rep.Step
	p.paceStep(ctx)
}

func (p *Playground) stopPacing() { p.pacing = false }

// paceStep asks for this tick's steps and sets the next tick.
func (p *Playground) paceStep(ctx app.Context) {
	if !p.pacing || p.slow {
		p.pacing = false
		return
	}
	if p.status == protocol.Failed.String() {
		p.pacing = false
		ctx.Update()
		return
	}
	if lim := p.rc.Steps; lim > 0 && p.rep.Step >= lim {
		p.pacing = false
		p.pageNote, p.pageNoteRun = "Paused at the step limit. Press play to go on: the limit is lifted.", p.rep.Run
		ctx.Update()
		return
	}
	every, n := time.Second/time.Duration(max(p.speed, 1)), 1
	if p.speed > 10 {
		every, n = paceTick, p.speed/10
	}
	if p.paceSent < p.rep.Step {
		p.paceSent = p.rep.Step // a new run, or steps taken by hand
	}
	if p.paceSent-p.rep.Step <= n { // at most one tick ahead of the worker
		for i := 0; i < n; i++ {
			if lim := p.rc.Steps; lim > 0 && p.paceSent >= lim {
				break
			}
			p.br.send(&protocol.Command{Op: protocol.OpStep})
			p.paceSent++
		}
	}
	ctx.After(every, func(ctx app.Context) {
		ctx.PreventUpdate()
		p.paceStep(ctx)
	})
}
