package session

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

// Samples the list's metrics and thumbnail are computed from: their own
// noise stream, so that saving never changes the run, and the same for
// every save of one model, so that two checkpoints compare.
const (
	metricSamples = 2000
	metricSeed    = 0x6b656570 // "keep"
)

// Checkpoint encodes the whole trainer into c.Bytes (valid until the next
// call), with what a list of checkpoints shows about it: step, data,
// recipe, fingerprint, metrics and a thumbnail. The note, if any, says
// what the file does not hold; the error is worded for the user.
func (s *Session) Checkpoint(c *protocol.CheckpointInfo) (note string, err error) {
	t := s.t
	if t == nil {
		return "", errors.New("Nothing to save: the model could not be built (see the error above).")
	}
	s.enc.Reset()
	if err := checkpoint.Encode(&s.enc, t); err != nil {
		// Only non-finite weights get here: a diverged run.
		return "", errors.New("Not saved: the weights are not finite (the run diverged). Load an earlier checkpoint or reset.")
	}
	c.Bytes = s.enc.Bytes() // not copied: used before the encoder is used again
	c.Step, c.Data, c.Recipe, c.Fingerprint = t.Step, t.Recipe.Data, t.Recipe.String(), t.Fingerprint()
	n := metricSamples
	if t.Recipe.DataSet().Image() {
		n = thumbTiles * thumbTiles // images: only the thumbnail's
	}
	samples := t.Samples(n, metricSeed)
	c.Metrics = appendMetrics(c.Metrics, t, s.mix, samples)
	c.Thumbnail = thumbnail(t, samples)
	if d := t.IterationD(); d > 0 {
		// The file holds the weights, not where slow motion stands in an
		// iteration: resuming starts the next iteration with K D updates.
		note = fmt.Sprintf("saved after %d of the iteration's %d D updates (slow motion): loading it starts a fresh iteration", d, t.Recipe.K)
	}
	return note, nil
}

// appendMetrics scores 2-D samples: mode coverage against a mixture's
// known modes, and the grid JSD against any 2-D data (named as `app eval`
// names them). MNIST gets none: its scores take seconds.
func appendMetrics(dst []protocol.Metric, t *gan.Trainer, mix *data.Mixture, samples []float32) []protocol.Metric {
	if t.Recipe.DataSet().Image() {
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

// Load replaces the run with the one in a checkpoint file, paused, and
// describes it in c. The file is untrusted: anything wrong with it is
// reported (worded for the user) and the current run goes on as it was.
func (s *Session) Load(b []byte, c *protocol.CheckpointInfo) error {
	t, err := checkpoint.Decode(bytes.NewReader(b))
	if err != nil {
		return errors.New("Not loaded: " + checkpointProblem(err) + " The current run was kept.")
	}
	rc := t.Recipe
	if s.NeedsMNIST(rc) {
		return errors.New("Not loaded: this checkpoint trains on MNIST, which is not available (build the asset with `make assets`). The current run was kept.")
	}
	src, err := data.New(rc, s.mnist)
	if err == nil {
		err = t.Attach(src)
	}
	if err != nil {
		return errors.New("Not loaded: " + err.Error() + ". The current run was kept.")
	}
	s.Adopt(t)
	s.note = fmt.Sprintf("loaded a checkpoint at step %d: press play to train on", t.Step)
	if t.Done() {
		s.note += fmt.Sprintf(" (raise steps past %d first)", rc.Steps)
	}
	c.Step, c.Data, c.Recipe, c.Fingerprint = t.Step, rc.Data, rc.String(), t.Fingerprint()
	return nil
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

// LoadNeedsMNIST reports whether loading this file needs the MNIST asset
// first. It reads only the recipe at the front of the payload; a damaged
// file is found out by load itself.
func (s *Session) LoadNeedsMNIST(b []byte) bool {
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
	return err == nil && s.NeedsMNIST(rc)
}
