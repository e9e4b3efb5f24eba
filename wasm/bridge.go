package main

import (
	"bytes"
	"math"

	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/session"
	"github.com/ganplayground/ganplayground/core/team"
)

// Bridge turns protocol.Commands into calls of the run controller
// (core/session) and its state into protocol.Reports. It holds no logic
// of its own beyond that translation.
type Bridge struct {
	*session.Session
	views session.Views
	rep   protocol.Report
	buf   []byte
	reply []byte     // a KindLink, KindFile or KindCheckpoint report, until TakeReply
	team  *team.Team // helper workers for sharded recipes (nil: train alone)
}

// NewBridge starts with an idle session.
func NewBridge() *Bridge { return &Bridge{Session: session.New()} }

// NeedsMNIST reports whether c must wait for the MNIST asset.
func (b *Bridge) NeedsMNIST(c *protocol.Command) bool {
	switch c.Op {
	case protocol.OpOpen:
		return b.LinkNeedsMNIST(c.Link, c.N == 1)
	case protocol.OpLoad:
		return b.LoadNeedsMNIST(c.Data)
	case protocol.OpInit:
		rc, err := recipe.Parse(c.Recipe)
		return err == nil && b.Session.NeedsMNIST(rc)
	}
	return false
}

// NeedsEvalAssets reports whether c is an estimate that must first get
// the evaluation files.
func (b *Bridge) NeedsEvalAssets(c *protocol.Command) bool {
	return c.Op == protocol.OpEvaluate && b.Session.NeedsEvalAssets()
}

// SetEvalAssets gives the session the fetched evaluation set and
// classifier (or why they could not be had).
func (b *Bridge) SetEvalAssets(images *data.MNIST, clf *classify.Classifier, err error) {
	var a *session.EvalAssets
	if err == nil {
		a, err = session.PageEvalAssets(images, clf)
	}
	b.Session.SetEvalAssets(a, err)
}

// Handle applies one command.
func (b *Bridge) Handle(c *protocol.Command) {
	s := b.Session
	b.SyncTeam()  // single updates train with the helpers too
	switch c.Op { // links, files and checkpoints answer with a reply of their own
	case protocol.OpShare:
		r := b.replyTo(protocol.KindLink)
		r.Link.Op = protocol.OpShare
		b.send(r, s.Share(&r.Link))
		return
	case protocol.OpOpen:
		r := b.replyTo(protocol.KindLink)
		err := s.Open(c.Link, c.N == 1, &r.Link)
		r.Link.Op, r.Run = protocol.OpOpen, s.Run()
		b.send(r, err)
		return
	case protocol.OpExportG:
		r := b.replyTo(protocol.KindFile)
		var err error
		r.FileName, r.File, err = s.ExportG()
		b.send(r, err)
		return
	case protocol.OpCheckpoint:
		r := b.replyTo(protocol.KindCheckpoint)
		r.Checkpoint = protocol.CheckpointInfo{Op: c.Op, Tag: c.N}
		note, err := s.Checkpoint(&r.Checkpoint)
		r.Note = note
		b.send(r, err)
		return
	case protocol.OpLoad:
		r := b.replyTo(protocol.KindCheckpoint)
		r.Checkpoint = protocol.CheckpointInfo{Op: c.Op, Tag: c.N}
		err := s.Load(c.Data, &r.Checkpoint)
		r.Run, r.Status = s.Run(), s.Status()
		b.send(r, err)
		return
	}
	s.ClearNote()
	switch c.Op {
	case protocol.OpInit:
		s.Init(c.Recipe, c.Play)
	case protocol.OpPlay:
		s.Play()
	case protocol.OpPause:
		s.Pause()
	case protocol.OpStepD:
		s.StepD()
	case protocol.OpStepG:
		s.StepG()
	case protocol.OpStep:
		s.Step()
	case protocol.OpSlowMo:
		s.SetSlow(c.N != 0)
	case protocol.OpSet:
		// A refused setting is a note, not a failed run: nothing changed.
		s.Set(c.Key, c.Value)
	case protocol.OpLayers:
		s.SetLayers(c.Layers)
	case protocol.OpSnapshot:
	case protocol.OpWorkers:
		if b.team != nil {
			b.team.SetWant(c.N)
		}
	case protocol.OpEvaluate:
		s.Evaluate(c.N)
	case protocol.OpMNIST:
		// The page may hand over the asset itself (tests do).
		m, err := decodeMNIST(c.Data)
		if err != nil {
			s.Fail(err.Error())
			return
		}
		s.SetMNIST(m)
	}
}

// SyncTeam makes the session's trainer, if it is a new one (or the
// workers asked for changed), replica 0 of the helper workers its recipe
// uses. The worker calls it before every training slice.
func (b *Bridge) SyncTeam() {
	if err := b.team.Adopt(b.Trainer()); err != nil {
		b.Fail("worker team: " + err.Error())
	}
}

// replyTo starts a reply of the given kind, reusing the report's buffers.
func (b *Bridge) replyTo(k protocol.Kind) *protocol.Report {
	r := &b.rep
	*r = protocol.Report{Kind: k, Run: b.Run(), Status: b.Session.Status(), Checkpoint: protocol.CheckpointInfo{Metrics: r.Checkpoint.Metrics[:0]}}
	return r
}

func (b *Bridge) send(r *protocol.Report, err error) {
	if err != nil {
		r.Error = err.Error()
	}
	// A checkpoint of a big net is tens of megabytes: its reply is not
	// kept for the next one (saves are seconds apart).
	b.reply = protocol.AppendReport(nil, r)
	r.Checkpoint.Bytes, r.Checkpoint.Thumbnail, r.File = nil, nil, nil
}

// TakeReply returns the reply the last command produced, once, or nil.
// The worker posts it before the status that follows.
func (b *Bridge) TakeReply() []byte {
	r := b.reply
	b.reply = nil
	return r
}

// Ready is the first message the worker sends.
func (b *Bridge) Ready() []byte {
	b.rep = protocol.Report{Kind: protocol.KindReady}
	b.buf = protocol.AppendReport(b.buf[:0], &b.rep)
	return b.buf
}

// Snapshot encodes the current state and the views the page asked for.
// The returned bytes are valid until the next call.
func (b *Bridge) Snapshot() []byte { return b.snapshot(false) }

// Status encodes the state without views: a few hundred bytes, cheap
// enough to answer a command at once, before the views are computed.
func (b *Bridge) Status() []byte { return b.snapshot(true) }

func (b *Bridge) snapshot(light bool) []byte {
	s, r, v := b.Session, &b.rep, &b.views
	if !light {
		s.CheckFinite()
		s.Views(v)
	}
	*r = protocol.Report{Kind: protocol.KindSnapshot, Light: light, Run: s.Run(), Status: s.Status(), Error: s.Err(), Note: s.Note(), Phase: s.Phase(),
		History: s.TakeHistory(r.History[:0]), StepsPerSec: s.Rate(), Fingerprint: s.Fingerprint(light), JSD: math.NaN(), CG: math.NaN(),
		Eval: s.EvalReport(r.Eval.Shares[:0])}
	if !light {
		r.JSD, r.CG = v.JSD, v.CG
		r.Extent, r.Real, r.Fake, r.Arrows = v.Extent, v.Real, v.Fake, v.Arrows
		r.GridN, r.D, r.DStar, r.ManN, r.Manifold = v.GridN, v.D, v.DStar, v.ManN, v.Manifold
		r.ModesHit, r.ModesTotal, r.HQ, r.ModeKL = v.ModesHit, v.ModesTotal, v.HQ, v.ModeKL
		r.ImgN, r.Images, r.InterpN, r.Interp, r.NearN, r.Near = v.ImgN, v.Images, v.InterpN, v.Interp, v.NearN, v.Near
	}
	if r.Error != "" {
		r.Kind = protocol.KindError
	}
	if t := s.Trainer(); t != nil {
		r.Step, r.DSteps, r.Params, r.Recipe = t.Step, t.DSteps, t.Recipe.ParamCount(), t.Recipe.String()
		r.Workers, r.ExchangeMS = b.team.Size(t), b.team.ExchangeMS(t)
	}
	b.buf = protocol.AppendReport(b.buf[:0], r)
	return b.buf
}

// decodeMNIST reads the MNIST asset (web/data/mnist-train.bin, written by
// `app mnist-assets`): the strict, bounded decoder of core/data.
func decodeMNIST(b []byte) (*data.MNIST, error) { return data.DecodeAsset(bytes.NewReader(b)) }
