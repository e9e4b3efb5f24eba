package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ganplayground/ganplayground/app/store"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// keepState is the Playground's part of checkpoints: the store, the list
// as last read, and the requests waiting for the worker. The panel
// (checkpoints.go) draws it. Store calls block until IndexedDB answers:
// they run through ctx.Async, one at a time, and hand their outcome to the
// UI goroutine through ctx.Dispatch.
type keepState struct {
	mu    sync.Mutex    // one store call at a time
	ready chan struct{} // closed once st is open
	st    store.Store   // written before ready closes, then only read

	opened   bool // the UI goroutine's view of ready
	items    []store.Meta
	thumbs   map[string]string // items' thumbnails as data: URLs (thumbURLs)
	editing  string
	err      string
	info     string
	fallback string   // why checkpoints live in memory only
	skipped  string   // damaged records List skipped
	damaged  []string // their IDs, for "Remove damaged"
	storage  string
	autosave int // seconds; 0 = off

	lastAuto    time.Time
	autoPending bool
	auto        autosaveRun // this run's autosave record (keep_autosave.go)
	tag         int
	pending     map[int]keepRequest
	// buf is the buffer a checkpoint decodes into, its pages touched in
	// advance (bigbuf.go); nil while a save still reads it.
	buf []byte
}

// keepRequest is what a checkpoint command sent to the worker was for.
type keepRequest struct {
	kind keepKind
	name string // the name to save under, or of what is being loaded
}

type keepKind int

const (
	keepSave keepKind = iota
	keepAutosave
	keepExport
	keepLoad   // from the store
	keepImport // from a file
)

// storeTimeout bounds every store call: a blocked IndexedDB must not
// leave the panel waiting for ever.
const storeTimeout = 30 * time.Second

// maxImport is the largest file worth reading: the worker's messages are
// capped at 64 MiB.
const maxImport = 63 << 20

// startKeep opens the store (IndexedDB, or memory with a warning), asks
// for persistent storage, lists what is there, and registers the panel's
// actions. Called once from OnMount.
func (p *Playground) startKeep(ctx app.Context) {
	k := &p.keep
	k.ready = make(chan struct{})
	k.pending = map[int]keepRequest{}
	k.autosave = defaultAutosave
	k.info = "Opening the browser's storage…"
	ctx.Async(func() {
		c, cancel := context.WithTimeout(context.Background(), storeTimeout)
		defer cancel()
		st := store.OpenBest(c)
		k.st = st
		close(k.ready)
		persisted, _ := store.Persist(c)
		metas, bad, err := st.List(c)
		ctx.Dispatch(func(ctx app.Context) {
			k.opened, k.info = true, ""
			if why := store.FallbackReason(st); why != nil {
				k.fallback = "Browser storage is unavailable (" + why.Error() + "): checkpoints are kept in memory only and are lost when the page is closed or reloaded. Export them as files."
				k.storage = "Checkpoints live in this page's memory only."
			} else if persisted {
				k.storage = "Checkpoints are stored in this browser, which agreed to keep them under storage pressure."
			} else {
				k.storage = "Checkpoints are stored in this browser, which may clear them when space runs short: export the ones you care about."
			}
			p.listed(metas, bad, err)
			p.watchStore(ctx, st)
		})
	})
	// Every action changes what the panel shows.
	handle := func(name string, f func(ctx app.Context, a app.Action)) {
		ctx.Handle(name, func(ctx app.Context, a app.Action) {
			f(ctx, a)
			ctx.Update()
		})
	}
	handle(actKeepSave, func(ctx app.Context, a app.Action) {
		name := strings.TrimSpace(a.Value.(string))
		p.askCheckpoint(keepRequest{kind: keepSave, name: name}, "Saving…")
	})
	handle(actKeepExport, func(ctx app.Context, a app.Action) {
		p.askCheckpoint(keepRequest{kind: keepExport}, "Preparing the file…")
	})
	handle(actKeepLoad, func(ctx app.Context, a app.Action) { p.loadStored(ctx, a.Value.(string)) })
	handle(actKeepExportID, func(ctx app.Context, a app.Action) { p.exportStored(ctx, a.Value.(string)) })
	handle(actKeepEdit, func(ctx app.Context, a app.Action) { k.editing = a.Value.(string) })
	handle(actKeepRename, func(ctx app.Context, a app.Action) {
		v := a.Value.([2]string)
		id, name := v[0], strings.TrimSpace(v[1])
		k.editing, k.err, k.info = "", "", ""
		p.storeJob(ctx, func(c context.Context, st store.Store) func(app.Context) {
			err := st.Rename(c, id, name)
			return p.relist(c, st, func() {
				if err != nil {
					k.err = "Not renamed: " + storeProblem(err)
				}
			})
		})
	})
	handle(actKeepDelete, func(ctx app.Context, a app.Action) {
		id := a.Value.(string)
		k.err, k.info = "", ""
		p.storeJob(ctx, func(c context.Context, st store.Store) func(app.Context) {
			err := st.Delete(c, id)
			return p.relist(c, st, func() {
				if err != nil {
					k.err = "Not deleted: " + storeProblem(err)
				}
			})
		})
	})
	handle(actKeepPurge, func(ctx app.Context, a app.Action) { p.purgeDamaged(ctx) })
	handle(actKeepImport, func(ctx app.Context, a app.Action) {
		k.err, k.info = "", ""
		readChosenFile(idKeepImport, maxImport, func(name string, b []byte, err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if err != nil {
					k.err = "Not loaded: " + err.Error() + ". The current run was kept."
					return
				}
				p.sendLoad(keepRequest{kind: keepImport, name: name}, b, "Loading "+name+"…")
			})
		})
	})
	handle(actKeepAutosave, func(ctx app.Context, a app.Action) {
		n, err := strconv.Atoi(strings.TrimSpace(a.Value.(string)))
		if err != nil || n < 0 || n > 24*3600 {
			k.err = fmt.Sprintf("Autosave not changed: give a number of seconds from 0 (off) to %d.", 24*3600)
			resetInput(idKeepAutosave, strconv.Itoa(k.autosave))
			return
		}
		k.autosave, k.err = n, ""
		if n > 0 && n < 5 {
			k.autosave = 5 // every save costs an encode in the worker and a write
		}
	})
}

// storeJob runs job on its own goroutine once the store is open, one job
// at a time, and applies what it returns on the UI goroutine.
func (p *Playground) storeJob(ctx app.Context, job func(context.Context, store.Store) func(app.Context)) {
	k := &p.keep
	ctx.Async(func() {
		<-k.ready
		k.mu.Lock()
		c, cancel := context.WithTimeout(context.Background(), storeTimeout)
		done := job(c, k.st)
		cancel()
		k.mu.Unlock()
		ctx.Dispatch(done)
	})
}

// relist reads the list after a change; then, on the UI goroutine, shows
// it and runs after (which reports the change's outcome).
func (p *Playground) relist(c context.Context, st store.Store, after func()) func(app.Context) {
	metas, bad, err := st.List(c)
	return func(ctx app.Context) {
		p.listed(metas, bad, err)
		after()
	}
}

// listed shows a List result: the records that read, and a warning naming
// those that did not. Damaged records are never deleted behind the user's
// back (Remove damaged, purgeDamaged, does it on request).
func (p *Playground) listed(metas []store.Meta, bad []error, err error) {
	k := &p.keep
	if err != nil {
		k.err = "The checkpoint list cannot be read: " + storeProblem(err)
		return
	}
	k.items, k.skipped, k.damaged = metas, "", nil
	k.thumbs = thumbURLs(metas)
	for _, e := range bad {
		var re *store.RecordError
		if errors.As(e, &re) {
			k.damaged = append(k.damaged, re.ID)
		}
	}
	if len(bad) > 0 {
		k.skipped = fmt.Sprintf("%s skipped (the others are fine): %v", plural(len(bad), "damaged checkpoint"), bad[0])
	}
}

// purgeDamaged deletes the records the last List could not read, then
// lists again (a record repaired meanwhile in another tab is deleted too:
// it was shown as damaged when the user chose to remove it).
func (p *Playground) purgeDamaged(ctx app.Context) {
	k := &p.keep
	ids := append([]string(nil), k.damaged...)
	k.err, k.info = "", ""
	p.storeJob(ctx, func(c context.Context, st store.Store) func(app.Context) {
		var failed error
		gone := 0
		for _, id := range ids {
			if err := st.Delete(c, id); err != nil && !errors.Is(err, store.ErrNotFound) {
				failed = err
				continue
			}
			gone++
		}
		return p.relist(c, st, func() {
			if failed != nil {
				k.err = "Not all removed: " + storeProblem(failed)
			}
			if gone > 0 {
				k.info = "Removed " + plural(gone, "damaged checkpoint") + "."
			}
		})
	})
}

// askCheckpoint asks the worker to encode the run; onCheckpoint finishes.
func (p *Playground) askCheckpoint(req keepRequest, info string) {
	k := &p.keep
	k.tag++
	k.pending[k.tag] = req
	if req.kind != keepAutosave {
		k.err, k.info = "", info
	}
	p.br.send(&protocol.Command{Op: protocol.OpCheckpoint, N: k.tag})
}

// sendLoad hands checkpoint bytes to the worker; onCheckpoint finishes.
func (p *Playground) sendLoad(req keepRequest, b []byte, info string) {
	k := &p.keep
	k.tag++
	k.pending[k.tag] = req
	k.err, k.info = "", info
	p.br.send(&protocol.Command{Op: protocol.OpLoad, N: k.tag, Data: b})
}

func (p *Playground) loadStored(ctx app.Context, id string) {
	k := &p.keep
	k.err, k.info = "", "Loading…"
	p.storeJob(ctx, func(c context.Context, st store.Store) func(app.Context) {
		m, b, err := st.Load(c, id)
		return func(ctx app.Context) {
			if err != nil {
				k.info, k.err = "", "Not loaded: "+storeProblem(err)+" The current run was kept."
				return
			}
			p.sendLoad(keepRequest{kind: keepLoad, name: m.Name}, b, "Loading “"+m.Name+"”…")
		}
	})
}

func (p *Playground) exportStored(ctx app.Context, id string) {
	k := &p.keep
	k.err, k.info = "", ""
	p.storeJob(ctx, func(c context.Context, st store.Store) func(app.Context) {
		m, b, err := st.Load(c, id)
		return func(ctx app.Context) {
			if err != nil {
				k.err = "Not exported: " + storeProblem(err)
				return
			}
			name := fileName(m.Name, m.Data, m.Step)
			offerFile(name, b)
			k.info = fmt.Sprintf("Downloaded %s (%s).", name, sizeText(len(b)))
		}
	})
}

// onCheckpoint takes the worker's answer to OpCheckpoint or OpLoad.
func (p *Playground) onCheckpoint(ctx app.Context, in *protocol.Report) {
	k := &p.keep
	c := &in.Checkpoint
	req, ok := k.pending[c.Tag]
	if !ok {
		ctx.PreventUpdate() // an answer to a worker that has since been replaced
		return
	}
	delete(k.pending, c.Tag)
	// The bytes are copied or handed on below; the report's buffer is
	// reused for every later report, so drop it rather than keep a big
	// net's megabytes alive — a save hands it back when done, the others
	// at once (bigbuf.go).
	saving := false
	defer func() {
		if !saving {
			p.dropBig(c)
		}
		c.Bytes, c.Thumbnail = nil, nil
	}()
	if req.kind == keepAutosave {
		k.autoPending = false
	}
	if in.Error != "" {
		k.info = ""
		switch req.kind {
		case keepAutosave:
			k.err = "Autosave: " + in.Error
		case keepImport:
			k.err = req.name + ": " + in.Error
		default:
			k.err = in.Error
		}
		return
	}
	switch req.kind {
	case keepExport:
		name := fileName("", c.Data, c.Step)
		offerFile(name, c.Bytes)
		k.info = fmt.Sprintf("Downloaded %s (%s).", name, sizeText(len(c.Bytes)))
		if in.Note != "" {
			k.info += " Note: " + in.Note + "."
		}
	case keepSave, keepAutosave:
		saving = true
		p.saveStored(ctx, req, c, in.Note)
	case keepLoad, keepImport:
		rc, err := recipe.Parse(c.Recipe)
		if err != nil { // the worker parsed it already: only a version skew gets here
			k.err = "The loaded checkpoint's recipe: " + err.Error()
			return
		}
		p.rc, p.drawing, p.formErr = rc, nil, ""
		setFragment(Fragment(rc))
		k.info = fmt.Sprintf("Loaded “%s”: %s at step %d. Press play to train on.", req.name, c.Data, c.Step)
	}
}

// saveStored saves a checkpoint the worker encoded: one store transaction for
// the metadata and the bytes, then the list again.
func (p *Playground) saveStored(ctx app.Context, req keepRequest, c *protocol.CheckpointInfo, note string) {
	k := &p.keep
	m := store.Meta{Name: req.name, Data: c.Data, Recipe: c.Recipe, Step: c.Step, Fingerprint: c.Fingerprint,
		Thumbnail: append([]byte(nil), c.Thumbnail...), Metrics: map[string]float64{}}
	for _, x := range c.Metrics {
		m.Metrics[x.Name] = x.Value
	}
	if req.kind == keepAutosave {
		m.ID, m.Name = p.autosaveID(), autosaveName
	} else if m.Name == "" {
		m.Name = fmt.Sprintf("%s, step %d", c.Data, c.Step)
	}
	// The bytes are the store's until it has copied them: onCheckpoint
	// drops them from the report, and the buffer comes back for the next
	// checkpoint once the save is done (bigbuf.go) — no copy of a big
	// net's megabytes here.
	b := c.Bytes
	p.storeJob(ctx, func(cx context.Context, st store.Store) func(app.Context) {
		saved, err := st.Save(cx, m, b)
		if err == nil && req.kind == keepAutosave {
			pruneAutosaves(cx, st, saved.ID)
		}
		return p.relist(cx, st, func() {
			p.returnBuf(b)
			switch {
			case err != nil && req.kind == keepAutosave:
				k.err = "Autosave failed: " + storeProblem(err)
			case err != nil:
				k.info, k.err = "", "Not saved: "+storeProblem(err)
			case req.kind == keepSave:
				resetInput(idKeepName, "") // saved: the next save gets a name of its own
				k.info = fmt.Sprintf("Saved “%s” (%s).", saved.Name, sizeText(saved.Size))
				if note != "" {
					k.info += " Note: " + note + "."
				}
			}
		})
	})
}

// autosaveTick starts an autosave when one is due: every k.autosave
// seconds of wall time while a run is training. Called for each report.
func (p *Playground) autosaveTick() {
	k := &p.keep
	if !k.opened || k.autosave <= 0 || k.autoPending || p.status != protocol.Training.String() {
		return
	}
	now := time.Now()
	if k.lastAuto.IsZero() {
		k.lastAuto = now // the first one comes a whole interval after training starts
		return
	}
	if now.Sub(k.lastAuto) < time.Duration(k.autosave)*time.Second {
		return
	}
	k.lastAuto, k.autoPending = now, true
	p.askCheckpoint(keepRequest{kind: keepAutosave}, "")
}

// keepCrashed forgets requests the dead worker will never answer.
func (p *Playground) keepCrashed() {
	k := &p.keep
	if len(k.pending) > 0 {
		k.info = ""
		k.pending = map[int]keepRequest{}
	}
	k.autoPending = false
	k.auto = autosaveRun{} // the new worker numbers its runs from 1 again
}

// checkpointsPanel is the panel for the current state.
func (p *Playground) checkpointsPanel() *CheckpointsPanel {
	k := &p.keep
	warn := strings.TrimSpace(k.fallback + " " + k.skipped)
	return &CheckpointsPanel{Items: k.items, Editing: k.editing, Error: k.err, Info: k.info, Warning: warn,
		Damaged: len(k.damaged), Storage: k.storage, Autosave: k.autosave, Thumbs: k.thumbs}
}

// storeProblem words a store error for the page: what happened and what
// to do, the detail after.
func storeProblem(err error) string {
	switch {
	case errors.Is(err, store.ErrQuota):
		// The store's message repeats the advice: only its cause goes on.
		return "the browser has no room left for this page's checkpoints. Delete old ones or export them as files; the saved ones are intact."
	case errors.Is(err, store.ErrTimeout):
		return "the browser's storage did not answer; another tab of the playground may be holding it. Close other tabs and try again. (" + err.Error() + ")"
	case errors.Is(err, store.ErrNewerVersion):
		return "a newer version of the playground has upgraded this browser's storage: reload the page. (" + err.Error() + ")"
	case errors.Is(err, store.ErrCorrupt):
		return "this checkpoint is damaged (" + err.Error() + "). The others are unaffected."
	case errors.Is(err, store.ErrNotFound):
		return "this checkpoint is gone (deleted in another tab?)."
	case errors.Is(err, store.ErrInvalid):
		return "the checkpoint's description was refused (" + err.Error() + ")."
	}
	return err.Error() + "."
}

// fileName is a download's name: the checkpoint's name in safe characters
// (or the data set), the step, and the format's extension.
func fileName(name, data string, step int) string {
	safe := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '-'
	}, name)
	safe = strings.Trim(safe, "-")
	if safe == "" {
		return fmt.Sprintf("%s-step%d%s", data, step, fileExt)
	}
	if len(safe) > 60 {
		safe = safe[:60]
	}
	return safe + fileExt
}
