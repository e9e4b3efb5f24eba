package main

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// team is the training worker's side of data-parallel training: for a
// recipe with shards > 1 it starts helper workers (each the same program,
// see helper.go), makes the session's trainer replica 0 of n, and is the
// gan.Exchange joining them. A helper holds a replica of the trainer,
// synced from a checkpoint whenever the trainer changed other than by the
// updates the team made together (a new run, a loaded file, a live
// setting); each update, every replica draws the whole batch from its own
// copy of the stream, computes its block of shards, helpers send their
// subtrees here, and the whole sum goes back to every helper.
type team struct {
	want    int                     // workers asked for (protocol.OpWorkers)
	peers   []peer                  // helpers started so far (1…)
	newPeer func(i int) peer        // starts helper i
	inbox   chan teamMsg            // from every helper
	t       *gan.Trainer            // the trainer served as replica 0 of n
	n       int                     //
	gen     uint32                  // syncs sent
	synced  bool                    // helpers hold t as it is expected to be:
	recipe  string                  //   its recipe,
	step    int                     //   G updates
	dsteps  int                     //   and D updates
	enc     bytes.Buffer            // the sync's checkpoint
	out     []byte                  // message buffer
	onSync  func(gen uint32, n int) // tests: a sync was sent
}

// peer is one helper worker: messages to it are posted, its messages come
// to the team's inbox.
type peer interface{ send(b []byte) }

// teamMsg is a helper's message: from is its index (1…).
type teamMsg struct {
	from int
	b    []byte
}

func newTeam(newPeer func(i int) peer) *team {
	return &team{want: 1, newPeer: newPeer, inbox: make(chan teamMsg, 256)}
}

// adopt makes t, the session's trainer, replica 0 of as many workers as
// it uses (recipe.WorkersFor), starting helpers as needed. Called before
// every training slice: nothing happens unless the trainer or the count
// changed.
func (tm *team) adopt(t *gan.Trainer) error {
	if t == nil {
		return nil
	}
	n := recipe.WorkersFor(tm.want, t.Recipe)
	if t == tm.t && n == tm.n {
		return nil
	}
	tm.t, tm.n, tm.synced = t, n, false
	if t.Shards() <= 1 {
		return nil
	}
	if n == 1 {
		return t.SetReplica(0, 1, nil)
	}
	for len(tm.peers) < n-1 {
		tm.peers = append(tm.peers, tm.newPeer(len(tm.peers)+1))
	}
	return t.SetReplica(0, n, tm)
}

// Start tells the helpers which update comes, after a sync if the trainer
// is not what they hold.
func (tm *team) Start(t *gan.Trainer, d bool) error {
	if t != tm.t {
		return errors.New("worker team: a trainer it does not serve")
	}
	if !tm.synced || t.Step != tm.step || t.DSteps != tm.dsteps || t.Recipe.String() != tm.recipe {
		if err := tm.sync(t); err != nil {
			return err
		}
	}
	kind := byte('G')
	if d {
		kind = 'D'
		tm.dsteps++
	} else {
		tm.step++
	}
	tm.out = append(teamHeader(tm.out[:0], tmStep, tm.gen), kind)
	for _, p := range tm.peers[:tm.n-1] {
		p.send(tm.out)
	}
	return nil
}

func (tm *team) sync(t *gan.Trainer) error {
	tm.gen++
	tm.enc.Reset()
	if err := checkpoint.Encode(&tm.enc, t); err != nil {
		return fmt.Errorf("worker team: %w", err)
	}
	for i, p := range tm.peers[:tm.n-1] {
		tm.out = append(teamHeader(tm.out[:0], tmSync, tm.gen), byte(i+1), byte(tm.n))
		p.send(append(tm.out, tm.enc.Bytes()...))
	}
	tm.synced, tm.recipe, tm.step, tm.dsteps = true, t.Recipe.String(), t.Step, t.DSteps
	if tm.onSync != nil {
		tm.onSync(tm.gen, tm.n)
	}
	return nil
}

// Reduce gathers the helpers' subtrees, completes the tree and sends the
// sum back. On any failure the helpers are synced afresh next time.
func (tm *team) Reduce(t *gan.Trainer) error {
	for got := 0; got < tm.n-1; {
		m := <-tm.inbox
		kind, gen, ok := isTeam(m.b)
		if !ok || gen != tm.gen || m.from >= tm.n {
			continue // a helper's start-up message, or one of an abandoned update
		}
		switch kind {
		case tmParts:
			if err := readParts(m.b, t); err != nil {
				tm.synced = false
				return err
			}
			got++
		case tmFail:
			tm.synced = false
			return fmt.Errorf("worker %d: %s", m.from+1, m.b[teamHead:])
		}
	}
	t.SumShards(tm.n)
	tm.out = appendTotal(tm.out[:0], tm.gen, t)
	for _, p := range tm.peers[:tm.n-1] {
		p.send(tm.out)
	}
	return nil
}

// fail puts a helper's failure (a crash the browser reported) in the inbox.
func (tm *team) fail(from int, msg string) {
	b := append(teamHeader(nil, tmFail, tm.gen), msg...)
	select {
	case tm.inbox <- teamMsg{from, b}:
	default:
	}
}
