package ui

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// handlePageActions registers the actions of the guide, the speed menu, the
// fresh-D question and the defaults button (called from OnMount).
func (p *Playground) handlePageActions(ctx app.Context) {
	p.guideOpen = localGet(guideSeenKey) == ""
	ctx.Handle(actGuideClose, func(ctx app.Context, a app.Action) {
		p.guideOpen = false
		localSet(guideSeenKey, "1")
		ctx.Update()
	})
	ctx.Handle(actGuideOpen, func(ctx app.Context, a app.Action) {
		p.guideOpen = true
		ctx.Update()
	})
	ctx.Handle(actSpeed, func(ctx app.Context, a app.Action) { p.setSpeed(ctx, a.Value.(int)) })
	ctx.Handle(actFreshD, func(ctx app.Context, a app.Action) {
		p.askFreshD = false
		if a.Value.(bool) {
			p.freshDRun = p.rep.Run
			p.op(ctx, protocol.OpPlay)
			return
		}
		ctx.Update()
	})
	ctx.Handle(actResetDefaults, func(ctx app.Context, a app.Action) { p.resetDefaults(ctx) })
}

// shownStatus is the status the page shows: a run the page steps at a
// chosen speed is training, though the worker pauses between steps.
func (p *Playground) shownStatus() string {
	s := p.status
	if s == "" {
		s = protocol.Idle.String()
	}
	if p.pacing && s != protocol.Failed.String() {
		return protocol.Training.String()
	}
	return s
}

// playsFullSpeed reports whether a restarted run should play in the
// worker (a paced run is stepped by the page instead).
func (p *Playground) playsFullSpeed() bool {
	return p.status == protocol.Training.String() && !p.pacing
}

// liftStepLimit lets Play go on past the recipe's step limit in one
// click: the limit becomes 0 (none), in the URL too, and the status line
// says so.
func (p *Playground) liftStepLimit(ctx app.Context) {
	lim := p.rc.Steps
	if lim <= 0 || p.rep.Step < lim || p.status == protocol.Failed.String() {
		return
	}
	p.set(ctx, "steps", "0")
	p.pageNote = fmt.Sprintf("Went on past the step limit of %d: “Stop at step” is now 0, no limit.", lim)
	p.pageNoteRun = p.rep.Run
}

// resetDefaults puts every setting back to the data set's default recipe
// (the digits and drawn points stay: they are the data), from step 0.
func (p *Playground) resetDefaults(ctx app.Context) {
	defer ctx.Update()
	rc := dataDefaults(p.rc.Data)
	rc.Digits, rc.Points = p.rc.Digits, p.rc.Points
	if rc.Data != p.rc.Data && rc.Set("data", p.rc.Data) != nil {
		// The drawn set has no default of its own: the recipe's, on it.
		rc = p.rc
	}
	p.rc, p.drawing, p.formErr, p.pageNote, p.keep.err = rc, nil, "", "", ""
	setFragment(Fragment(rc))
	p.br.send(&protocol.Command{Op: protocol.OpInit, Recipe: rc.String(), Play: p.playsFullSpeed()})
}
