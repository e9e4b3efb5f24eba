package main

import (
	"errors"
	"fmt"
	"math"
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

// Session is the worker's state: one trainer and what the page asked for.
type Session struct {
	run     int
	t       *gan.Trainer
	mix     *data.Mixture // the data as a mixture, when it is one (for mode metrics)
	status  protocol.Status
	err     string
	note    string
	layers  protocol.Layers
	mnist   *data.MNIST
	views   *views
	evalA   *evalAssets // held-out images and classifier, once fetched
	eval    *evalJob    // the MNIST estimate running or last done in this run
	evalErr string      // why the evaluation files could not be had

	hist []protocol.Point // since the last snapshot

	// Slow motion: one update per SlowStep, the worker waiting between.
	slow  bool
	phase protocol.Phase // the update SlowStep made last
	dDone int            // D updates made in the current iteration

	// steps/s over the last snapshot interval
	rate              float64
	rateStep          int
	rateTime          time.Time
	trainedSinceReset bool

	link linkState // model links and files (share.go)
	keep keepState // checkpoints (keep.go)

	now func() time.Time
	rep protocol.Report
	buf []byte
}

// NewSession starts idle, with no trainer until the first OpInit.
func NewSession() *Session {
	return &Session{layers: protocol.AllLayers, now: time.Now}
}

// Training reports whether the session wants to keep training.
func (s *Session) Training() bool { return s.status == protocol.Training && s.t != nil }

// NeedsMNIST reports whether an OpInit for this recipe must wait for the
// MNIST asset.
func (s *Session) NeedsMNIST(c *protocol.Command) bool {
	if c.Op == protocol.OpOpen {
		return s.linkNeedsMNIST(c.Link, c.N == 1)
	}
	if c.Op == protocol.OpLoad {
		return s.loadNeedsMNIST(c.Data)
	}
	if c.Op != protocol.OpInit || s.mnist != nil {
		return false
	}
	rc, err := recipe.Parse(c.Recipe)
	return err == nil && rc.Data == "mnist"
}

// SetMNIST gives the session the decoded MNIST set.
func (s *Session) SetMNIST(m *data.MNIST) { s.mnist = m }

// Fail reports an error without a trainer change (e.g. a missing asset).
func (s *Session) Fail(msg string) {
	s.status, s.err = protocol.Failed, msg
}

// Handle applies one command.
func (s *Session) Handle(c *protocol.Command) {
	switch c.Op { // links, files and checkpoints answer with a reply of their own (share.go, keep.go)
	case protocol.OpShare:
		s.share()
		return
	case protocol.OpOpen:
		s.open(c.Link, c.N == 1)
		return
	case protocol.OpExportG:
		s.exportG()
		return
	case protocol.OpCheckpoint:
		s.checkpoint(c.N)
		return
	case protocol.OpLoad:
		s.load(c.Data, c.N)
		return
	}
	if c.Op != protocol.OpInit && c.Op != protocol.OpLayers && c.Op != protocol.OpSnapshot && c.Op != protocol.OpSlowMo && s.t == nil {
		return // nothing to act on yet (an init failed): the page shows the error
	}
	s.note = ""
	var err error
	switch c.Op {
	case protocol.OpInit:
		s.init(c.Recipe, c.Play)
		return
	case protocol.OpPlay:
		if s.status == protocol.Failed {
			return // diverged weights cannot train: reset first
		}
		if s.t.Done() {
			s.note = fmt.Sprintf("reached steps=%d: raise the step limit to go on", s.t.Recipe.Steps)
			s.status = protocol.Paused
			return
		}
		s.status = protocol.Training
		s.rateStep, s.rateTime = s.t.Step, s.now()
	case protocol.OpPause:
		if s.status == protocol.Training {
			s.status = protocol.Paused
		}
	case protocol.OpStepD, protocol.OpStepG, protocol.OpStep:
		if s.status == protocol.Failed {
			return
		}
		s.status = protocol.Paused
		s.phase = protocol.PhaseNone
		switch c.Op {
		case protocol.OpStepD:
			err = s.t.StepD()
		case protocol.OpStepG:
			err = s.t.StepG()
			s.dDone = 0
		default:
			err = s.iterate()
		}
		s.record()
		s.check(err)
	case protocol.OpSlowMo:
		s.slow = c.N != 0
		if !s.slow {
			s.phase = protocol.PhaseNone
		}
	case protocol.OpSetLR:
		err = s.t.SetLR(c.LRG, c.LRD)
	case protocol.OpSetK:
		err = s.t.SetK(c.N)
	case protocol.OpSetSampling:
		// A refused setting is a note, not a failed run: nothing changed.
		if serr := s.setSampling(c.Recipe); serr != nil {
			s.note = "sampling setting not applied: " + serr.Error()
		}
	case protocol.OpSetSteps:
		rc := s.t.Recipe
		if err = rc.Set("steps", fmt.Sprint(c.N)); err == nil {
			s.t.Recipe = rc
			if s.t.Done() && s.status == protocol.Training {
				s.status = protocol.Paused
			}
		}
	case protocol.OpLayers:
		s.layers = c.Layers
	case protocol.OpSnapshot:
	case protocol.OpEvaluate:
		s.startEval(c.N)
	case protocol.OpMNIST:
		// The page may hand over the asset itself (tests do).
		m, derr := decodeMNIST(c.Data)
		if derr != nil {
			s.Fail(derr.Error())
			return
		}
		s.mnist = m
	}
	if err != nil {
		s.note = err.Error()
	}
}

func (s *Session) init(text string, play bool) {
	s.run++
	s.t, s.views, s.mix, s.hist, s.err, s.note, s.eval = nil, nil, nil, s.hist[:0], "", "", nil
	s.status = protocol.Idle
	s.rate, s.dDone, s.phase = 0, 0, protocol.PhaseNone
	rc, err := recipe.Parse(text)
	if err != nil {
		s.Fail(err.Error())
		return
	}
	if rc.Data == "mnist" && s.mnist == nil {
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
		s.status = protocol.Training
		s.rateStep, s.rateTime = 0, s.now()
	}
}

// record appends the last update's stats to the pending history.
func (s *Session) record() {
	st := s.t.Stats
	if len(s.hist) >= 4096 { // a page that stopped reading: keep the newest
		s.hist = append(s.hist[:0], s.hist[len(s.hist)/2:]...)
	}
	s.hist = append(s.hist, protocol.Point{Step: s.t.Step, DLoss: st.DLoss, GLoss: st.GLoss, DReal: st.DReal, DFake: st.DFake})
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
		err := s.iterate()
		n++
		s.record()
		s.check(err)
		if s.now().Sub(start) >= budget {
			break
		}
	}
	return n
}

// iterate completes the current iteration: the D updates slow motion has
// not made yet, then G's. Run after run it is StepOnce.
func (s *Session) iterate() error {
	for ; s.dDone < s.t.Recipe.K; s.dDone++ {
		if err := s.t.StepD(); err != nil {
			s.dDone = 0
			return err
		}
	}
	s.dDone = 0
	return s.t.StepG()
}

// Slow reports whether training goes one update at a time (see SlowStep).
func (s *Session) Slow() bool { return s.slow }

// SlowStep makes the next single update of the iteration, a D update or,
// after K of them, G's, as GAN Lab's slow motion does; the caller shows a
// snapshot and waits. The updates are those of Train, in the same order.
func (s *Session) SlowStep() {
	if !s.Training() {
		return
	}
	if s.t.Done() && s.dDone == 0 {
		s.status = protocol.Paused
		s.note = fmt.Sprintf("stopped at steps=%d", s.t.Recipe.Steps)
		return
	}
	var err error
	if s.dDone < s.t.Recipe.K {
		err = s.t.StepD()
		s.dDone++
		s.phase = protocol.PhaseD
	} else {
		err = s.t.StepG()
		s.dDone = 0
		s.phase = protocol.PhaseG
		s.record()
	}
	if err != nil {
		s.dDone = 0
	}
	s.check(err)
}

// Ready is the first message the worker sends.
func (s *Session) Ready() []byte {
	s.rep = protocol.Report{Kind: protocol.KindReady}
	s.buf = protocol.AppendReport(s.buf[:0], &s.rep)
	return s.buf
}

// Snapshot encodes the current state and the views the page asked for. The
// returned bytes are valid until the next call.
func (s *Session) Snapshot() []byte { return s.snapshot(false) }

// Status encodes the state without views: a few hundred bytes, cheap
// enough to answer a command at once, before the views are computed.
func (s *Session) Status() []byte { return s.snapshot(true) }

func (s *Session) snapshot(light bool) []byte {
	r := &s.rep
	*r = protocol.Report{Kind: protocol.KindSnapshot, Light: light, Run: s.run, Status: s.status, Error: s.err, Note: s.note, Phase: s.phase,
		History: append(r.History[:0], s.hist...),
		Real:    r.Real[:0], Fake: r.Fake[:0], Arrows: r.Arrows[:0], D: r.D[:0], DStar: r.DStar[:0],
		Manifold: r.Manifold[:0], Images: r.Images[:0], Interp: r.Interp[:0], Near: r.Near[:0],
		JSD: math.NaN(), Eval: s.eval.report(r.Eval.Shares[:0])}
	if s.err != "" {
		r.Kind = protocol.KindError
	}
	s.hist = s.hist[:0]
	if t := s.t; t != nil {
		now := s.now()
		if s.status == protocol.Training {
			if dt := now.Sub(s.rateTime).Seconds(); dt > 0.2 {
				s.rate = float64(t.Step-s.rateStep) / dt
				s.rateStep, s.rateTime = t.Step, now
			}
		} else {
			s.rate = 0
		}
		r.Step, r.DSteps, r.StepsPerSec = t.Step, t.DSteps, s.rate
		r.Params = t.Recipe.ParamCount()
		r.Recipe = t.Recipe.String()
		// Small nets hash in well under a millisecond: always. Big ones only
		// in full reports while stopped.
		if r.Params <= fingerprintMax || !light && s.status != protocol.Training {
			r.Fingerprint = t.Fingerprint()
		}
		if err := t.CheckFinite(); !light && err != nil && s.status != protocol.Failed {
			s.check(err)
			r.Status, r.Error, r.Kind = s.status, s.err, protocol.KindError
		}
		if s.status != protocol.Failed && !light {
			s.views.fill(r, s.layers, s.mix, s.status == protocol.Training, s.now())
		}
	}
	s.buf = protocol.AppendReport(s.buf[:0], r)
	return s.buf
}

// setSampling applies sampling-only settings (recipe.SamplingKey) given as
// a recipe text such as "temp=0.8" to the running trainer: samples change,
// training goes on as it was. Any other key is refused whole.
func (s *Session) setSampling(text string) error {
	set, err := recipe.Parse(text)
	if err != nil {
		return err
	}
	rc := s.t.Recipe
	for _, part := range strings.Split(text, "&") {
		name, _, _ := strings.Cut(part, "=")
		if name == "" {
			continue
		}
		if !recipe.SamplingKey(name) {
			return fmt.Errorf("%s is not a sampling setting", name)
		}
		if err := rc.Set(name, set.Get(name)); err != nil {
			return err
		}
	}
	s.t.Recipe = rc
	return nil
}
