package session

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// fingerprintMax is the parameter count above which the fingerprint is only
// computed while not training: hashing MNIST-sized nets every frame costs
// more than the frame.
const fingerprintMax = 300_000

// Session is one run and what is asked of it: it owns the trainer, steps
// it (whole iterations, single updates, slow motion), changes live
// settings, computes the views and the quality estimate, and saves, shares
// and opens models. The browser's worker drives it from messages (wasm/),
// the command line from flags; neither holds any of this logic.
type Session struct {
	run    int
	t      *gan.Trainer
	mix    *data.Mixture // the data as a mixture, when it is one (for mode metrics)
	status protocol.Status
	err    string
	note   string
	mnist  *data.MNIST
	views  *views
	layers protocol.Layers

	evalA   *EvalAssets // held-out images and classifier, once given
	eval    *EvalJob    // the estimate running or last done in this run
	evalErr string      // why the evaluation files could not be had

	hist []protocol.Point // since the last TakeHistory

	// Slow motion: one update per SlowStep, the caller waiting between.
	slow  bool
	phase protocol.Phase // the update SlowStep made last

	// steps/s over the last Rate interval
	rate     float64
	rateStep int
	rateTime time.Time

	fp   fingerprint  // the last one computed (Fingerprint)
	link linkCache    // the last decoded model link (share.go)
	enc  bytes.Buffer // the checkpoint encoder's buffer (keep.go)

	now func() time.Time
}

// New starts idle, with no trainer until the first Init (or Open, Load).
func New() *Session {
	return &Session{layers: protocol.AllLayers, now: time.Now}
}

// Trainer is the run's trainer, nil before a run could be built.
func (s *Session) Trainer() *gan.Trainer { return s.t }

// Run counts the runs: every Init, Open and Load starts a new one.
func (s *Session) Run() int { return s.run }

// Status is the run's state.
func (s *Session) Status() protocol.Status { return s.status }

// Err says why the run failed ("" unless Status is Failed).
func (s *Session) Err() string { return s.err }

// Note is the last informational message ("stopped at steps=200").
func (s *Session) Note() string { return s.note }

// ClearNote forgets the note; a command's answer carries only its own.
func (s *Session) ClearNote() { s.note = "" }

// Phase is the update SlowStep made last (PhaseNone outside slow motion).
func (s *Session) Phase() protocol.Phase { return s.phase }

// Training reports whether the session wants to keep training.
func (s *Session) Training() bool { return s.status == protocol.Training && s.t != nil }

// Slow reports whether training goes one update at a time (see SlowStep).
func (s *Session) Slow() bool { return s.slow }

// SetLayers chooses the 2-D and MNIST views Views computes.
func (s *Session) SetLayers(l protocol.Layers) { s.layers = l }

// NeedsMNIST reports whether a run of rc needs the MNIST asset the session
// does not have yet.
func (s *Session) NeedsMNIST(rc recipe.Recipe) bool {
	return rc.DataSet().Asset != "" && s.mnist == nil
}

// SetMNIST gives the session the decoded MNIST set.
func (s *Session) SetMNIST(m *data.MNIST) { s.mnist = m }

// Fail reports an error without a trainer change (e.g. a missing asset).
func (s *Session) Fail(msg string) {
	s.status, s.err = protocol.Failed, msg
}

// Init replaces the run with a fresh one built from a recipe text; play
// starts it at once.
func (s *Session) Init(text string, play bool) {
	s.run++
	s.t, s.views, s.mix, s.hist, s.err, s.note, s.eval = nil, nil, nil, s.hist[:0], "", "", nil
	s.status = protocol.Idle
	s.rate, s.phase = 0, protocol.PhaseNone
	rc, err := recipe.Parse(text)
	if err != nil {
		s.Fail(err.Error())
		return
	}
	if s.NeedsMNIST(rc) {
		s.Fail("MNIST is not available: build the asset with `make assets` (app mnist-assets -o web/data)")
		return
	}
	src, err := data.New(rc, s.mnist)
	if err != nil {
		s.Fail(err.Error())
		return
	}
	t, err := gan.New(rc, src)
	if err != nil {
		s.Fail(err.Error())
		return
	}
	s.t = t
	s.mix, _ = src.(*data.Mixture)
	s.views = newViews(t)
	if play && !t.Done() {
		s.Play()
	}
}

// Adopt makes t (its data attached) the session's run, paused at its
// step: the same reset as Init, with a trainer that already exists.
func (s *Session) Adopt(t *gan.Trainer) {
	s.run++
	s.t, s.err, s.note, s.hist = t, "", "", s.hist[:0]
	s.rate, s.phase, s.eval = 0, protocol.PhaseNone, nil
	s.mix, _ = t.Data.(*data.Mixture)
	s.views = newViews(t)
	s.status = protocol.Paused
}

// Play starts continuous training (Train or SlowStep), unless the run has
// failed or reached its step limit.
func (s *Session) Play() {
	switch {
	case s.t == nil || s.status == protocol.Failed:
		// diverged weights cannot train: reset first
	case s.t.Done():
		s.note = fmt.Sprintf("reached steps=%d: raise the step limit to go on", s.t.Recipe.Steps)
		s.status = protocol.Paused
	default:
		s.status = protocol.Training
		s.rateStep, s.rateTime = s.t.Step, s.now()
	}
}

// Pause stops continuous training.
func (s *Session) Pause() {
	if s.status == protocol.Training {
		s.status = protocol.Paused
	}
}

// StepD makes one discriminator update alone (the page's "D step"), StepG
// one generator update, Step the rest of the current iteration; each
// pauses a playing run first.
func (s *Session) StepD() { s.single(s.stepD) }

// StepG: see StepD.
func (s *Session) StepG() { s.single(s.stepG) }

// Step: see StepD.
func (s *Session) Step() { s.single(s.stepOnce) }

func (s *Session) stepD() error    { return s.t.StepD() }
func (s *Session) stepG() error    { return s.t.StepG() }
func (s *Session) stepOnce() error { return s.t.StepOnce() }

func (s *Session) single(step func() error) {
	if s.t == nil || s.status == protocol.Failed {
		return
	}
	s.status = protocol.Paused
	s.phase = protocol.PhaseNone
	err := step()
	s.record()
	s.check(err)
}

// SetSlow turns slow motion on or off.
func (s *Session) SetSlow(on bool) {
	s.slow = on
	if !on {
		s.phase = protocol.PhaseNone
	}
}

// Set changes a live setting of the running trainer (recipe.Live: the
// learning rates, k, the step limit, the sampling temperature); any other
// key, or a value out of range, is refused, nothing changes and the note
// says why: a refused setting is not a failed run.
func (s *Session) Set(key string, v float64) error {
	if s.t == nil {
		return errors.New("no run to change")
	}
	if err := s.t.Set(key, v); err != nil {
		s.note = "setting not applied: " + err.Error()
		return err
	}
	if s.t.Done() && s.status == protocol.Training {
		s.status = protocol.Paused
	}
	return nil
}

// record appends the last update's stats to the pending history.
func (s *Session) record() {
	st := s.t.Stats
	if len(s.hist) >= 4096 { // a reader that stopped reading: keep the newest
		s.hist = append(s.hist[:0], s.hist[len(s.hist)/2:]...)
	}
	s.hist = append(s.hist, protocol.Point{Step: s.t.Step, DLoss: st.DLoss, GLoss: st.GLoss, DReal: st.DReal, DFake: st.DFake})
}

// TakeHistory appends the points recorded since the last call to dst.
func (s *Session) TakeHistory(dst []protocol.Point) []protocol.Point {
	dst = append(dst, s.hist...)
	s.hist = s.hist[:0]
	return dst
}

// check turns a training error into a paused, failed session.
func (s *Session) check(err error) {
	if err == nil {
		return
	}
	s.status = protocol.Failed
	if errors.Is(err, gan.ErrDiverged) {
		what := strings.TrimPrefix(strings.TrimPrefix(err.Error(), gan.ErrDiverged.Error()), ": ")
		s.err = "Training diverged: " + what + ". Paused: lower the learning rates or change the loss, then reset."
	} else {
		s.err = err.Error()
	}
}

// CheckFinite fails the run if a weight is NaN or Inf (a loss can stay
// finite while a weight is not).
func (s *Session) CheckFinite() {
	if s.t == nil || s.status == protocol.Failed {
		return
	}
	s.check(s.t.CheckFinite())
}

// Train runs whole iterations until budget has passed, the step limit is
// reached or training fails. It returns the number of iterations run.
func (s *Session) Train(budget time.Duration) int {
	if !s.Training() {
		return 0
	}
	start := s.now()
	n := 0
	for s.status == protocol.Training {
		if s.t.Done() {
			s.status = protocol.Paused
			s.note = fmt.Sprintf("stopped at steps=%d", s.t.Recipe.Steps)
			break
		}
		err := s.t.StepOnce()
		n++
		s.record()
		s.check(err)
		if s.now().Sub(start) >= budget {
			break
		}
	}
	return n
}

// Iterate completes one iteration, as Train does, and returns its error
// (the run then failed): for callers that act between iterations, as the
// command line saves checkpoints at a step.
func (s *Session) Iterate() error {
	if s.t == nil {
		return errors.New("no run to train")
	}
	if s.status == protocol.Failed {
		return errors.New(s.err)
	}
	err := s.t.StepOnce()
	s.record()
	s.check(err)
	return err
}

// SlowStep makes the next single update of the iteration, a D update or,
// after K of them, G's, as GAN Lab's slow motion does; the caller shows
// the views and waits. The updates are those of Train, in the same order.
func (s *Session) SlowStep() {
	if !s.Training() {
		return
	}
	if s.t.Done() && s.t.IterationD() == 0 {
		s.status = protocol.Paused
		s.note = fmt.Sprintf("stopped at steps=%d", s.t.Recipe.Steps)
		return
	}
	d, err := s.t.StepNext()
	if d {
		s.phase = protocol.PhaseD
	} else {
		s.phase = protocol.PhaseG
		s.record()
	}
	s.check(err)
}

// Rate is the training speed in iterations per second, measured since the
// last call at least 0.2 s ago; 0 when not training.
func (s *Session) Rate() float64 {
	if s.t == nil || s.status != protocol.Training {
		s.rate = 0
		return 0
	}
	now := s.now()
	if dt := now.Sub(s.rateTime).Seconds(); dt > 0.2 {
		s.rate = float64(s.t.Step-s.rateStep) / dt
		s.rateStep, s.rateTime = s.t.Step, now
	}
	return s.rate
}

// fingerprintEvery is how often a training run's fingerprint is rehashed:
// hashing ring8's 51k weights takes ~6 ms in the browser's worker, 7% of
// its time at a report every 80 ms.
const fingerprintEvery = 500 * time.Millisecond

// fingerprint is the last computed fingerprint and the weights it is of.
type fingerprint struct {
	run, step, dsteps int
	at                time.Time
	fp                string
}

// Fingerprint is the trainer's fingerprint, or "" when hashing would cost
// more than it is worth: for big nets while training, or in a light
// (views-free) answer. While training it is rehashed at most every
// fingerprintEvery (a report in between carries the last one, of a step a
// moment ago); otherwise it is always that of the current weights.
func (s *Session) Fingerprint(light bool) string {
	if s.t == nil {
		return ""
	}
	training := s.status == protocol.Training
	if s.t.Recipe.ParamCount() > fingerprintMax && (light || training) {
		return ""
	}
	c := &s.fp
	if c.fp != "" && c.run == s.run {
		if c.step == s.t.Step && c.dsteps == s.t.DSteps {
			return c.fp
		}
		if training && s.now().Sub(c.at) < fingerprintEvery {
			return c.fp
		}
	}
	*c = fingerprint{run: s.run, step: s.t.Step, dsteps: s.t.DSteps, at: s.now(), fp: s.t.Fingerprint()}
	return c.fp
}

// Views computes the views asked for by SetLayers into v (its buffers are
// reused). Nothing is computed for a failed or missing run.
func (s *Session) Views(v *Views) {
	v.reset()
	if s.t == nil || s.status == protocol.Failed {
		return
	}
	s.views.fill(v, s.layers, s.mix, s.status == protocol.Training, s.now)
}

// ViewsPending reports whether a view is still being computed over
// several calls of Views (the nearest-neighbour search): a paused caller
// keeps calling Views until it is done.
func (s *Session) ViewsPending() bool {
	return s.t != nil && s.status != protocol.Failed && s.layers&protocol.LayerNearest != 0 &&
		s.views != nil && s.views.mnist != nil && s.views.mnist.searching
}
