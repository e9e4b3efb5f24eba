package team

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Helper is a helper worker's program: a replica of the training worker's
// trainer that makes the updates it is told to, computing its block of
// shards (team.go). It is the gan.Exchange of its replica.
type Helper struct {
	send    func(b []byte)                              // to the training worker
	inbox   <-chan []byte                               // from it
	source  func(rc recipe.Recipe) (data.Source, error) // the recipe's data (MNIST fetched once)
	t       *gan.Trainer
	i, n    int
	gen     uint32
	err     error  // why the last sync failed
	next    []byte // a message Reduce read that is not its answer
	reduced bool   // the update in progress has its sum: any later failure is the main worker's too
	out     []byte
}

// NewHelper makes a helper that sends to the training worker with send
// (the message is the caller's until send returns), receives its messages
// from inbox (in buffers from Buffer, given back once read), and gets a
// recipe's data from source.
func NewHelper(send func(b []byte), inbox <-chan []byte, source func(rc recipe.Recipe) (data.Source, error)) *Helper {
	return &Helper{send: send, inbox: inbox, source: source}
}

// Run handles first (the message that made this worker a helper), then
// every message, for ever.
func (h *Helper) Run(first []byte) {
	h.handle(first)
	for {
		b := h.next
		if b == nil {
			b = <-h.inbox
		}
		h.next = nil
		if h.handle(b) {
			recycle(b)
		}
	}
}

// handle reports whether b may be given back: a sync's checkpoint is read
// once and may be large, and is left to the garbage collector.
func (h *Helper) handle(b []byte) (done bool) {
	kind, gen, ok := isTeam(b)
	if !ok {
		return true
	}
	switch kind {
	case tmSync:
		h.gen, h.t, h.err = gen, nil, nil
		if len(b) < teamHead+2 {
			h.err = errTeamMsg
			return false
		}
		h.i, h.n = int(b[teamHead]), int(b[teamHead+1])
		h.t, h.err = h.replica(b[teamHead+2:])
		return false
	case tmStep:
		if gen != h.gen || len(b) < teamHead+1 {
			return true
		}
		if h.err == nil && h.t == nil {
			h.err = errors.New("no trainer")
		}
		if h.err != nil {
			h.fail(h.err)
			return true
		}
		h.reduced = false
		var err error
		if b[teamHead] == 'D' {
			err = h.t.StepD()
		} else {
			err = h.t.StepG()
		}
		if err != nil && !h.reduced {
			h.fail(err)
		}
	}
	return true
}

// replica builds the trainer from the sync's checkpoint.
func (h *Helper) replica(ck []byte) (*gan.Trainer, error) {
	t, err := checkpoint.Decode(bytes.NewReader(ck))
	if err != nil {
		return nil, err
	}
	src, err := h.source(t.Recipe)
	if err == nil {
		err = t.Attach(src)
	}
	if err == nil {
		err = t.SetReplica(h.i, h.n, h)
	}
	return t, err
}

func (h *Helper) fail(err error) {
	h.out = append(teamHeader(h.out[:0], tmFail, h.gen), err.Error()...)
	h.send(h.out)
}

// Start: the training worker drives the updates.
func (h *Helper) Start(*gan.Trainer, bool) error { return nil }

// Reduce sends this replica's subtrees and waits for the whole sum.
func (h *Helper) Reduce(t *gan.Trainer) error {
	h.out = appendParts(h.out[:0], h.gen, t, h.i, h.n)
	h.send(h.out)
	for {
		b := <-h.inbox
		kind, gen, ok := isTeam(b)
		if !ok {
			continue
		}
		if kind == tmSync {
			// The training worker gave this update up: start afresh.
			h.next = b
			return fmt.Errorf("worker team: update abandoned")
		}
		if kind == tmTotal && gen == h.gen {
			h.reduced = true
			err := readTotal(b, t)
			recycle(b)
			return err
		}
		recycle(b)
	}
}

// Source is a helper's data source: a recipe's data set, with MNIST
// loaded by load the first time a recipe needs it.
func Source(load func() (*data.MNIST, error)) func(rc recipe.Recipe) (data.Source, error) {
	var mnist *data.MNIST
	return func(rc recipe.Recipe) (data.Source, error) {
		if rc.DataSet().Asset != "" && mnist == nil {
			m, err := load()
			if err != nil {
				return nil, err
			}
			mnist = m
		}
		return data.New(rc, mnist)
	}
}
