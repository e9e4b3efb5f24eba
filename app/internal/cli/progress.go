//go:build !(js && wasm)

package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ganplayground/ganplayground/core/gan"
)

// progress draws one self-overwriting status line on stderr, at most ten
// times a second so that printing never costs training time.
type progress struct {
	w           io.Writer
	off         bool
	first, goal int
	start, last time.Time
	drawn       bool
}

func newProgress(w io.Writer, off bool, first, goal int) *progress {
	now := time.Now()
	return &progress{w: w, off: off, first: first, goal: goal, start: now, last: now}
}

func (p *progress) update(t *gan.Trainer) {
	if p.off {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond && t.Step < p.goal {
		return
	}
	p.last = now
	const width = 30
	fill := width * t.Step / max(p.goal, 1)
	rate := float64(t.Step-p.first) / max(now.Sub(p.start).Seconds(), 1e-9)
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d  %.0f steps/s  dloss %.3f  gloss %.3f ",
		strings.Repeat("#", fill), strings.Repeat(".", width-fill), t.Step, p.goal, rate, t.Stats.DLoss, t.Stats.GLoss)
	p.drawn = true
}

// done ends the status line, so that whatever follows starts a new one.
func (p *progress) done() {
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}
