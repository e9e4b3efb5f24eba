package ui

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strings"

	"github.com/ganplayground/ganplayground/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Each run autosaves into a record of its own, keyed by a run id: a random
// key made when the worker starts a new run. Two tabs training at once
// (or a tab and the run it replaced) then never overwrite each other's
// work, as they did when every autosave went to one record. The records
// still show as "autosave"; the oldest beyond maxAutosaves are removed,
// so autosaves cannot fill the store.
const (
	autosaveName   = "autosave"
	autosavePrefix = "autosave-"
	maxAutosaves   = 4
)

// autosaveRun is the current run's autosave record.
type autosaveRun struct {
	run int    // the worker's run number the key was made for
	id  string // the record's ID
}

// autosaveID is the current run's record ID, made afresh for a new run.
func (p *Playground) autosaveID() string {
	a := &p.keep.auto
	if a.id == "" || a.run != p.rep.Run {
		var b [6]byte
		rand.Read(b[:])
		a.run, a.id = p.rep.Run, autosavePrefix+hex.EncodeToString(b[:])
	}
	return a.id
}

// isAutosave reports an autosave record: a run's, or the single record of
// earlier versions of the page.
func isAutosave(id string) bool { return id == autosaveName || strings.HasPrefix(id, autosavePrefix) }

// pruneAutosaves deletes the oldest autosave records beyond maxAutosaves,
// never the one just written (keep). List returns the newest first.
func pruneAutosaves(c context.Context, st store.Store, keep string) {
	metas, _, err := st.List(c)
	if err != nil {
		return
	}
	n := 0
	for _, m := range metas {
		if !isAutosave(m.ID) || m.ID == keep {
			continue
		}
		if n++; n >= maxAutosaves { // keep plus maxAutosaves-1 others
			st.Delete(c, m.ID)
		}
	}
}

// watchStore refreshes the list when another tab changes the store
// (store.Watch: a BroadcastChannel), so that lists never go stale.
func (p *Playground) watchStore(ctx app.Context, st store.Store) {
	store.Watch(st, func() {
		ctx.Dispatch(func(ctx app.Context) {
			p.storeJob(ctx, func(c context.Context, st store.Store) func(app.Context) {
				return p.relist(c, st, func() {})
			})
		})
	})
}
