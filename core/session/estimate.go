package session

import (
	"time"

	"github.com/ganplayground/ganplayground/core/protocol"
)

// The session's part of the quality estimate (eval.go): one job per run,
// given time slices between training slices; training waits for it.

// NeedsEvalAssets reports whether an estimate of this run must first get
// the evaluation files (SetEvalAssets).
func (s *Session) NeedsEvalAssets() bool {
	return s.evalA == nil && s.t != nil && s.t.Recipe.DataSet().Image()
}

// SetEvalAssets gives the session the held-out images and classifier; an
// error (the files could not be had) fails the next estimate with it.
func (s *Session) SetEvalAssets(a *EvalAssets, err error) {
	if err != nil {
		s.evalErr = "the evaluation files are not available (" + err.Error() + "): build them with `make assets`"
		return
	}
	s.evalA = a
}

// Evaluate starts an estimate of the current samples from n of them (0:
// the default); one runs at a time.
func (s *Session) Evaluate(n int) {
	if s.t == nil || s.Evaluating() {
		return
	}
	fail := func(msg string) {
		s.eval = &EvalJob{Err: errorString(msg), Result: EvalResult{Step: s.t.Step}}
	}
	if !s.t.Recipe.DataSet().Image() {
		fail("the quality estimate is for MNIST; 2-D data shows modes, HQ and JSD as it trains")
		return
	}
	if s.evalA == nil {
		fail(s.evalErr)
		return
	}
	if n > 0 && n < EvalMinSamples {
		n = EvalMinSamples
	}
	j, err := NewEvalJob(s.t, s.evalA, n)
	if err != nil {
		fail(err.Error())
		return
	}
	s.eval = j
}

type errorString string

func (e errorString) Error() string { return string(e) }

// Evaluating reports whether an estimate is waiting for time slices.
func (s *Session) Evaluating() bool { return s.eval != nil && s.eval.Running() }

// EvalSlice gives the estimate about budget of work.
func (s *Session) EvalSlice(budget time.Duration) {
	if s.Evaluating() {
		s.eval.Slice(budget, s.now)
	}
}

// EvalReport is the estimate's state for a snapshot, its digit shares
// appended to dst (a reused buffer). No estimate in this run: EvalNone.
func (s *Session) EvalReport(dst []float32) protocol.Eval {
	j := s.eval
	if j == nil {
		return protocol.Eval{Shares: dst}
	}
	r := j.Result
	e := protocol.Eval{State: protocol.EvalRunning, Progress: j.Progress, Step: r.Step, Samples: r.Samples, Tests: r.Tests, Shares: dst}
	switch {
	case j.Err != nil:
		e.State, e.Error = protocol.EvalFailed, j.Err.Error()
	case !j.Running():
		e.State = protocol.EvalDone
		e.ParzenLL, e.ParzenSE, e.Sigma, e.FD = r.Parzen.LL, r.Parzen.SE, r.Parzen.Sigma, r.FD
		for _, v := range r.Coverage.Share {
			e.Shares = append(e.Shares, float32(v))
		}
	}
	return e
}
