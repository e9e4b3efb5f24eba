package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/export"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/share"
)

// linkState is what the session keeps for model links and files: the
// last decoded link (NeedsMNIST decodes it to learn whether the asset must
// be fetched first; Handle then uses it rather than decoding twice) and
// the reply waiting to be posted.
type linkState struct {
	cached  bool // value, t, info and err hold a decoding
	value   string
	bundled bool // value was decoded with the gallery's caps
	t       *gan.Trainer
	info    share.Info
	err     error

	reply    []byte // a KindLink or KindFile report, until TakeReply
	replyBuf []byte
	rep      protocol.Report
}

// decodeLink is share.Decode, remembered for the same value; bundled
// (OpOpen with N=1: a gallery model shipped with the page) allows the
// longer links of share.DecodeBundle.
func (s *Session) decodeLink(value string, bundled bool) (*gan.Trainer, share.Info, error) {
	l := &s.link
	if !l.cached || l.value != value || l.bundled != bundled {
		if bundled {
			l.t, l.info, l.err = share.DecodeBundle(value)
		} else {
			l.t, l.info, l.err = share.Decode(value)
		}
		l.value, l.cached, l.bundled = value, true, bundled
	}
	return l.t, l.info, l.err
}

// linkNeedsMNIST reports whether opening this link needs the MNIST asset
// the session does not have yet.
func (s *Session) linkNeedsMNIST(value string, bundled bool) bool {
	t, _, err := s.decodeLink(value, bundled)
	return err == nil && t.Recipe.Data == "mnist" && s.mnist == nil
}

// TakeReply returns the KindLink or KindFile report the last command
// produced, once, or nil. Post it before the status that follows.
func (s *Session) TakeReply() []byte {
	b := s.link.reply
	s.link.reply = nil
	return b
}

func (s *Session) sendReply(r *protocol.Report) {
	s.link.replyBuf = protocol.AppendReport(s.link.replyBuf[:0], r)
	s.link.reply = s.link.replyBuf
}

// share encodes the current G as a link. The link is decoded again, as a
// receiver would, and the opened model's fingerprint and samples checksum
// go with it, so that a page (or a test) can compare both ends.
func (s *Session) share() {
	r := &s.link.rep
	*r = protocol.Report{Kind: protocol.KindLink, Run: s.run, Link: protocol.LinkInfo{Op: protocol.OpShare}}
	defer s.sendReply(r)
	if s.t == nil {
		r.Error = "Nothing to share: the model could not be built (see the error above)."
		return
	}
	value, info, err := share.Encode(s.t)
	r.Link.Bytes, r.Link.Fits, r.Link.Quant, r.Link.Params, r.Link.Step, r.Link.WithD, r.Link.Recipe =
		info.Bytes, info.Fits(), info.Quant.String(), info.Params, info.Step, info.WithD, info.Recipe
	if errors.Is(err, share.ErrLinkTooLarge) {
		return // Fits is false: the page offers the file and says why
	}
	if err != nil {
		r.Error = "Cannot share this model: " + err.Error()
		return
	}
	t, _, err := share.Decode(value)
	if err != nil { // a bug, not user input: say so rather than hand out a dead link
		r.Error = "Cannot share this model: the link does not open again: " + err.Error()
		return
	}
	if err := t.Attach(s.t.Data); err != nil {
		r.Error = "Cannot share this model: " + err.Error()
		return
	}
	r.Link.Value = value
	r.Link.Fingerprint = t.Fingerprint()
	r.Link.Samples = samplesSum(t)
}

// samplesSum is protocol.SamplesSum of the samples t's snapshots show.
func samplesSum(t *gan.Trainer) string {
	var r protocol.Report
	newViews(t).fill(&r, protocol.LayerFake, nil, false, time.Time{})
	return protocol.SamplesSum(&r)
}

// open replaces the trainer with the one a link holds, paused, so that
// its samples show before any training; a bad link changes nothing.
func (s *Session) open(value string, bundled bool) {
	r := &s.link.rep
	*r = protocol.Report{Kind: protocol.KindLink, Link: protocol.LinkInfo{Op: protocol.OpOpen}}
	defer s.sendReply(r)
	t, info, err := s.decodeLink(value, bundled)
	s.link.cached, s.link.t = false, nil // a trainer is opened once: never hand it to a second open
	if err != nil {
		r.Error = "This model link cannot be opened: " + linkProblem(err)
		return
	}
	rc := t.Recipe
	if rc.Data == "mnist" && s.mnist == nil {
		r.Error = "This model link needs MNIST, which is not available: build the asset with `make assets`."
		return
	}
	src, err := data.New(rc, s.mnist)
	if err == nil {
		err = t.Attach(src)
	}
	if err != nil {
		r.Error = "This model link cannot be opened: " + err.Error()
		return
	}
	// A model shared at its step limit would refuse to play: opened with
	// its D it can train on, so the limit is lifted (steps=0: none).
	lifted := info.WithD && t.Done()
	if lifted {
		t.Recipe.Steps = 0
	}
	s.adopt(t, src) // the same reset as a loaded checkpoint (keep.go)
	s.note = openNote(info, lifted)
	r.Run = s.run
	r.Link = protocol.LinkInfo{Op: protocol.OpOpen, Bytes: info.Bytes, Fits: info.Fits(), Quant: info.Quant.String(),
		Params: info.Params, Step: info.Step, WithD: info.WithD, Recipe: t.Recipe.String(), Fingerprint: t.Fingerprint()}
}

// openNote tells what was opened and what play will do.
func openNote(info share.Info, lifted bool) string {
	if !info.WithD {
		return fmt.Sprintf("opened a shared generator (%s weights, trained %d steps) without its discriminator: "+
			"play trains on from step 0 with a fresh D, against which G first loses its shape", info.Quant, info.Step)
	}
	n := fmt.Sprintf("opened a shared model (G and D, %s weights) at step %d: press play to train on", info.Quant, info.Step)
	if lifted {
		n += " (its step limit is lifted)"
	}
	return n
}

// linkProblem words a decoding error for the page: what happened first,
// the detail after.
func linkProblem(err error) string {
	msg := strings.TrimPrefix(err.Error(), "share: ")
	switch {
	case errors.Is(err, share.ErrLinkTooLarge):
		return "it is too long (" + msg + "). Was something pasted after it?"
	case errors.Is(err, share.ErrLinkCorrupt):
		return "it is damaged or cut short (" + msg + "). Copy the whole link again."
	case errors.Is(err, share.ErrLinkVersion):
		return msg + ". It was made by a newer playground."
	}
	return msg + "."
}

// exportG sends G's weights as a safetensors file.
func (s *Session) exportG() {
	r := &s.link.rep
	*r = protocol.Report{Kind: protocol.KindFile, Run: s.run}
	defer s.sendReply(r)
	if s.t == nil {
		r.Error = "Nothing to export: the model could not be built."
		return
	}
	b, err := export.GeneratorSafetensors(s.t)
	if err != nil {
		r.Error = "Cannot export the weights: " + err.Error()
		return
	}
	r.File = b
	r.FileName = fmt.Sprintf("generator-%s-step%d.safetensors", s.t.Recipe.Data, s.t.Step)
}
