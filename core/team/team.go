package team

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Team is the training worker's side of data-parallel training: for a
// recipe with shards > 1 it starts helper workers (each running a Helper),
// makes the session's trainer replica 0 of n, and is the gan.Exchange
// joining them. A helper holds a replica of the trainer,
// synced from a checkpoint whenever the trainer changed other than by the
// updates the team made together (a new run, a loaded file, a live
// setting); each update, every replica draws the whole batch from its own
// copy of the stream, computes its block of shards, helpers send their
// subtrees here, and the whole sum goes back to every helper.
type Team struct {
	want    int                     // workers asked for (SetWant)
	peers   []Peer                  // helpers started so far (1…)
	newPeer func(i int) Peer        // starts helper i
	inbox   chan teamMsg            // from every helper
	t       *gan.Trainer            // the trainer served as replica 0 of n
	n       int                     // (1: t trains alone)
	gen     uint32                  // syncs sent
	synced  bool                    // helpers hold t as it is expected to be:
	recipe  recipe.Recipe           //   its recipe,
	step    int                     //   G updates
	dsteps  int                     //   and D updates
	enc     bytes.Buffer            // the sync's checkpoint
	out     []byte                  // message buffer
	onSync  func(gen uint32, n int) // tests: a sync was sent
	spent   time.Duration           // in Start and Reduce since t was adopted
	steps   int                     // G updates since t was adopted
}

// Peer is one helper worker: Send posts a message to it (the message is
// the caller's until Send returns); its messages come back through
// Team.Deliver, each in a buffer from Buffer.
type Peer interface{ Send(b []byte) }

// teamMsg is a helper's message: from is its index (1…).
type teamMsg struct {
	from int
	b    []byte
}

// New makes a team that starts helper i (1, 2, …) with newPeer when it
// first needs it. It asks for one worker until SetWant.
func New(newPeer func(i int) Peer) *Team {
	return &Team{want: 1, newPeer: newPeer, inbox: make(chan teamMsg, 256)}
}

// SetWant sets how many workers (the training worker included) a sharded
// recipe is to train on; each recipe uses at most one per shard
// (recipe.WorkersFor). It takes effect at the next Adopt.
func (tm *Team) SetWant(n int) { tm.want = max(1, min(n, recipe.MaxWorkers)) }

// Size is how many workers train t: more than 1 once Adopt made t the
// replica 0 of a team.
func (tm *Team) Size(t *gan.Trainer) int {
	if tm == nil || t == nil || tm.t != t {
		return 1
	}
	return tm.n
}

// Deliver hands the team a message from helper i, in a buffer from Buffer
// that the team gives back once it has read it. It never blocks: it may be
// called from a JavaScript callback.
func (tm *Team) Deliver(i int, b []byte) {
	select {
	case tm.inbox <- teamMsg{i, b}:
	default:
	}
}

// Adopt makes t, the session's trainer, replica 0 of as many workers as
// it uses (recipe.WorkersFor), starting helpers as needed. Called before
// every training slice: nothing happens unless the trainer or the count
// changed (or there is no team: nil trains alone).
func (tm *Team) Adopt(t *gan.Trainer) error {
	if tm == nil || t == nil {
		return nil
	}
	n := recipe.WorkersFor(tm.want, t.Recipe)
	if t == tm.t && n == tm.n {
		return nil
	}
	tm.t, tm.n, tm.synced = t, n, false
	tm.spent, tm.steps = 0, 0
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
func (tm *Team) Start(t *gan.Trainer, d bool) error {
	defer tm.clock(time.Now())
	if t != tm.t {
		return errors.New("worker team: a trainer it does not serve")
	}
	if !tm.synced || t.Step != tm.step || t.DSteps != tm.dsteps || !sameRecipe(&t.Recipe, &tm.recipe) {
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
		tm.steps++
	}
	tm.out = append(teamHeader(tm.out[:0], tmStep, tm.gen), kind)
	for _, p := range tm.peers[:tm.n-1] {
		p.Send(tm.out)
	}
	return nil
}

func (tm *Team) sync(t *gan.Trainer) error {
	tm.gen++
	tm.enc.Reset()
	if err := checkpoint.Encode(&tm.enc, t); err != nil {
		return fmt.Errorf("worker team: %w", err)
	}
	for i, p := range tm.peers[:tm.n-1] {
		tm.out = append(teamHeader(tm.out[:0], tmSync, tm.gen), byte(i+1), byte(tm.n))
		p.Send(append(tm.out, tm.enc.Bytes()...))
	}
	tm.synced, tm.recipe, tm.step, tm.dsteps = true, t.Recipe, t.Step, t.DSteps
	if tm.onSync != nil {
		tm.onSync(tm.gen, tm.n)
	}
	return nil
}

// Reduce gathers the helpers' subtrees, completes the tree and sends the
// sum back. On any failure the helpers are synced afresh next time.
func (tm *Team) Reduce(t *gan.Trainer) error {
	defer tm.clock(time.Now())
	for got := 0; got < tm.n-1; {
		m := <-tm.inbox
		kind, gen, ok := isTeam(m.b)
		var err error
		switch {
		case !ok || gen != tm.gen || m.from >= tm.n:
			// a helper's start-up message, or one of an abandoned update
		case kind == tmParts:
			err = readParts(m.b, t)
			got++
		case kind == tmFail:
			err = fmt.Errorf("worker %d: %s", m.from+1, m.b[teamHead:])
		}
		recycle(m.b)
		if err != nil {
			tm.synced = false
			return err
		}
	}
	t.SumShards(tm.n)
	tm.out = appendTotal(tm.out[:0], tm.gen, t)
	for _, p := range tm.peers[:tm.n-1] {
		p.Send(tm.out)
	}
	return nil
}

func (tm *Team) clock(t0 time.Time) { tm.spent += time.Since(t0) }

// ExchangeMS is the mean time per step (per G update) the training worker
// has spent on the team since it adopted t: telling the helpers, waiting
// for their sums (so also for a helper slower than itself), summing and
// sending the total back. 0 when t trains alone.
func (tm *Team) ExchangeMS(t *gan.Trainer) float64 {
	if tm.Size(t) <= 1 || tm.steps == 0 {
		return 0
	}
	return tm.spent.Seconds() * 1000 / float64(tm.steps)
}

// Fail puts a helper's failure (a crash the browser reported) in the
// inbox: the update waiting for it fails, and the next one syncs afresh.
func (tm *Team) Fail(from int, msg string) {
	b := append(teamHeader(nil, tmFail, tm.gen), msg...)
	select {
	case tm.inbox <- teamMsg{from, b}:
	default:
	}
}
