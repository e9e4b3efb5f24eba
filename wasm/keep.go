package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/metrics"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// keepState is the session's part of checkpoints: the KindCheckpoint reply
// waiting to be posted, and the encoder's buffer.
type keepState struct {
	reply []byte
	rep   protocol.Report
	enc   bytes.Buffer
}

// Samples the list's metrics and thumbnail are computed from: their own
// noise stream, so that saving never changes the run, and the same for
// every save of one model, so that two checkpoints compare.
const (
	metricSamples = 2000
	metricSeed    = 0x6b656570 // "keep"
)

// TakeCheckpoint returns the KindCheckpoint report the last command
// produced, once, or nil. The worker posts it before the status after it.
func (s *Session) TakeCheckpoint() []byte {
	b := s.keep.reply
	s.keep.reply = nil
	return b
}

// A checkpoint of a big net is tens of megabytes: the reply's buffer is
// not kept for the next one (saves are seconds apart), only the encoder's.

func (s *Session) keepReply(op protocol.Op, tag int) *protocol.Report {
	r := &s.keep.rep
	*r = protocol.Report{Kind: protocol.KindCheckpoint, Run: s.run, Status: s.status,
		Checkpoint: protocol.CheckpointInfo{Op: op, Tag: tag, Metrics: r.Checkpoint.Metrics[:0]}}
	return r
}

func (s *Session) sendKeep(r *protocol.Report) {
	s.keep.reply = protocol.AppendReport(nil, r)
	r.Checkpoint.Bytes, r.Checkpoint.Thumbnail = nil, nil
}

// checkpoint encodes the whole trainer, with what the page's list shows
// about it: step, data, recipe, fingerprint, metrics and a thumbnail.
func (s *Session) checkpoint(tag int) {
	r := s.keepReply(protocol.OpCheckpoint, tag)
	defer s.sendKeep(r)
	t := s.t
	if t == nil {
		r.Error = "Nothing to save: the model could not be built (see the error above)."
		return
	}
	s.keep.enc.Reset()
	if err := checkpoint.Encode(&s.keep.enc, t); err != nil {
		// Only non-finite weights get here: a diverged run.
		r.Error = "Not saved: the weights are not finite (the run diverged). Load an earlier checkpoint or reset."
		return
	}
	c := &r.Checkpoint
	c.Bytes = s.keep.enc.Bytes() // not copied: the reply is encoded before enc is used again
	c.Step, c.Data, c.Recipe, c.Fingerprint = t.Step, t.Recipe.Data, t.Recipe.String(), t.Fingerprint()
	n := metricSamples
	if t.Recipe.DataDim() != 2 {
		n = thumbTiles * thumbTiles // MNIST: only the thumbnail's digits
	}
	samples := t.Samples(n, metricSeed)
	c.Metrics = appendMetrics(c.Metrics, t, s.mix, samples)
	c.Thumbnail = thumbnail(t, samples)
	if s.dDone > 0 {
		// The file holds the weights, not where slow motion stands in an
		// iteration: resuming starts the next iteration with K D updates.
		r.Note = fmt.Sprintf("saved after %d of the iteration's %d D updates (slow motion): loading it starts a fresh iteration", s.dDone, t.Recipe.K)
	}
}

// appendMetrics scores 2-D samples: mode coverage against a mixture's
// known modes, and the grid JSD against any 2-D data (named as `app eval`
// names them). MNIST gets none: its scores take seconds.
func appendMetrics(dst []protocol.Metric, t *gan.Trainer, mix *data.Mixture, samples []float32) []protocol.Metric {
	if t.Recipe.DataDim() != 2 {
		return dst
	}
	if mix != nil {
		m := metrics.ModeCoverage(mix, samples)
		dst = append(dst, protocol.Metric{Name: "modes", Value: float64(m.Hit)}, protocol.Metric{Name: "modes_total", Value: float64(m.Total)},
			protocol.Metric{Name: "hq", Value: m.HQ}, protocol.Metric{Name: "mode_kl", Value: m.KL})
	}
	if t.Data != nil {
		if jsd, err := metrics.JSD(t.Data, samples); err == nil {
			dst = append(dst, protocol.Metric{Name: "jsd", Value: jsd})
		}
	}
	return dst
}

// load replaces the run with the one in a checkpoint file, paused. The
// file is untrusted: anything wrong with it is reported and the current
// run goes on as it was.
func (s *Session) load(b []byte, tag int) {
	r := s.keepReply(protocol.OpLoad, tag)
	defer s.sendKeep(r)
	t, err := checkpoint.Decode(bytes.NewReader(b))
	if err != nil {
		r.Error = "Not loaded: " + checkpointProblem(err) + " The current run was kept."
		return
	}
	rc := t.Recipe
	if rc.Data == "mnist" && s.mnist == nil {
		r.Error = "Not loaded: this checkpoint trains on MNIST, which is not available (build the asset with `make assets`). The current run was kept."
		return
	}
	src, err := data.New(rc, s.mnist)
	if err == nil {
		err = t.Attach(src)
	}
	if err != nil {
		r.Error = "Not loaded: " + err.Error() + ". The current run was kept."
		return
	}
	s.adopt(t, src)
	s.note = fmt.Sprintf("loaded a checkpoint at step %d: press play to train on", t.Step)
	if t.Done() {
		s.note += fmt.Sprintf(" (raise steps past %d first)", rc.Steps)
	}
	c := &r.Checkpoint
	r.Run, r.Status = s.run, s.status
	c.Step, c.Data, c.Recipe, c.Fingerprint = t.Step, rc.Data, rc.String(), t.Fingerprint()
}

// adopt makes t the session's run, paused at its step: the same reset as
// init, with a trainer that already exists.
func (s *Session) adopt(t *gan.Trainer, src data.Source) {
	s.run++
	s.t, s.err, s.note, s.hist = t, "", "", s.hist[:0]
	s.rate, s.dDone, s.phase, s.eval = 0, 0, protocol.PhaseNone, nil
	s.mix, _ = src.(*data.Mixture)
	s.views = newViews(t)
	s.status = protocol.Paused
}

// checkpointProblem words a decoding error for the page: what happened,
// then the detail.
func checkpointProblem(err error) string {
	msg := err.Error()
	var ce *checkpoint.Error
	if errors.As(err, &ce) {
		msg = ce.Msg
	}
	msg = strings.TrimPrefix(msg, "checkpoint: ")
	switch {
	case errors.Is(err, checkpoint.ErrChecksum):
		return "the file is damaged (its checksum does not match: " + msg + ")."
	case errors.Is(err, checkpoint.ErrVersion):
		return "the file was written by a newer playground (" + msg + ")."
	case errors.Is(err, checkpoint.ErrFormat):
		return "this is not a GAN Playground checkpoint, or it is cut short or damaged (" + msg + ")."
	}
	return "the checkpoint is not usable: " + msg + "."
}

// loadNeedsMNIST reports whether loading this file needs the MNIST asset
// first. It reads only the recipe at the front of the payload; a damaged
// file is found out by load itself.
func (s *Session) loadNeedsMNIST(b []byte) bool {
	if s.mnist != nil {
		return false
	}
	head := len(checkpoint.Magic) + 4 + 8
	if len(b) < head+4 || string(b[:len(checkpoint.Magic)]) != checkpoint.Magic {
		return false
	}
	n := int(binary.LittleEndian.Uint32(b[head:]))
	if n > recipe.MaxLen || head+4+n > len(b) {
		return false
	}
	rc, err := recipe.Parse(string(b[head+4 : head+4+n]))
	return err == nil && rc.Data == "mnist"
}
