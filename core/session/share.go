package session

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

// linkCache is the last decoded link: NeedsMNIST decodes it to learn
// whether the asset must be fetched first; Open then uses it rather than
// decoding twice.
type linkCache struct {
	cached  bool // value, t, info and err hold a decoding
	value   string
	bundled bool // value was decoded with the gallery's caps
	t       *gan.Trainer
	info    share.Info
	err     error
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

// LinkNeedsMNIST reports whether opening this link needs the MNIST asset
// the session does not have yet.
func (s *Session) LinkNeedsMNIST(value string, bundled bool) bool {
	t, _, err := s.decodeLink(value, bundled)
	return err == nil && s.NeedsMNIST(t.Recipe)
}

// Share encodes the current G as a link into l. The link is decoded
// again, as a receiver would, and the opened model's fingerprint and
// samples checksum go with it, so that a page (or a test) can compare both
// ends. A link too long to share is no error: l.Fits is false.
func (s *Session) Share(l *protocol.LinkInfo) error {
	if s.t == nil {
		return errors.New("Nothing to share: the model could not be built (see the error above).")
	}
	value, info, err := share.Encode(s.t)
	l.Bytes, l.Fits, l.Quant, l.Params, l.Step, l.WithD, l.Recipe =
		info.Bytes, info.Fits(), info.Quant.String(), info.Params, info.Step, info.WithD, info.Recipe
	if errors.Is(err, share.ErrLinkTooLarge) {
		return nil // Fits is false: the page offers the file and says why
	}
	if err != nil {
		return errors.New("Cannot share this model: " + err.Error())
	}
	t, _, err := share.Decode(value)
	if err != nil { // a bug, not user input: say so rather than hand out a dead link
		return errors.New("Cannot share this model: the link does not open again: " + err.Error())
	}
	if err := t.Attach(s.t.Data); err != nil {
		return errors.New("Cannot share this model: " + err.Error())
	}
	l.Value = value
	l.Fingerprint = t.Fingerprint()
	l.Samples = samplesSum(t)
	return nil
}

// samplesSum is protocol.SamplesSum of the samples t's views show.
func samplesSum(t *gan.Trainer) string {
	var v Views
	v.reset()
	newViews(t).fill(&v, protocol.LayerFake, nil, false, time.Now)
	return protocol.SamplesSum(&protocol.Report{Fake: v.Fake, Images: v.Images})
}

// Open replaces the run with the one a link holds, paused, so that its
// samples show before any training, and describes it in l; a bad link
// changes nothing (the error is worded for the user). bundled: a gallery
// model shipped with the page, allowed the longer caps of
// share.DecodeBundle.
func (s *Session) Open(value string, bundled bool, l *protocol.LinkInfo) error {
	t, info, err := s.decodeLink(value, bundled)
	s.link.cached, s.link.t = false, nil // a trainer is opened once: never hand it to a second open
	if err != nil {
		return errors.New("This model link cannot be opened: " + linkProblem(err))
	}
	rc := t.Recipe
	if s.NeedsMNIST(rc) {
		return errors.New("This model link needs MNIST, which is not available: build the asset with `make assets`.")
	}
	src, err := data.New(rc, s.mnist)
	if err == nil {
		err = t.Attach(src)
	}
	if err != nil {
		return errors.New("This model link cannot be opened: " + err.Error())
	}
	// A model shared at its step limit would refuse to play: opened with
	// its D it can train on, so the limit is lifted (steps=0: none).
	lifted := info.WithD && t.Done()
	if lifted {
		t.Recipe.Steps = 0
	}
	s.Adopt(t) // the same reset as a loaded checkpoint
	s.note = openNote(info, lifted)
	*l = protocol.LinkInfo{Op: protocol.OpOpen, Bytes: info.Bytes, Fits: info.Fits(), Quant: info.Quant.String(),
		Params: info.Params, Step: info.Step, WithD: info.WithD, Recipe: t.Recipe.String(), Fingerprint: t.Fingerprint()}
	return nil
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

// ExportG is G's weights as a safetensors file, and its file name.
func (s *Session) ExportG() (name string, file []byte, err error) {
	if s.t == nil {
		return "", nil, errors.New("Nothing to export: the model could not be built.")
	}
	b, err := export.GeneratorSafetensors(s.t)
	if err != nil {
		return "", nil, errors.New("Cannot export the weights: " + err.Error())
	}
	return fmt.Sprintf("generator-%s-step%d.safetensors", s.t.Recipe.Data, s.t.Step), b, nil
}
