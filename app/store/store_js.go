//go:build js && wasm

package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"syscall/js"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

// SchemaVersion is the IndexedDB version this page creates and reads.
// Raise it with a new step in upgrade, never by editing an old step.
const SchemaVersion = 1

// Object stores of schema version 1.
const (
	metaStore = "meta"  // key: ID; value: metadata JSON string
	blobStore = "blobs" // key: ID; value: Blob of checkpoint bytes
)

// DefaultName is the page's database name.
const DefaultName = "ganplayground"

// upgrade migrates from any older schema version, step by step, from the
// first release on. It runs inside the browser's upgradeneeded event:
// only synchronous calls here.
func upgrade(db *idb.Database, oldVersion, newVersion uint) error {
	if oldVersion < 1 {
		if _, err := db.CreateObjectStore(metaStore, idb.ObjectStoreOptions{}); err != nil {
			return err
		}
		if _, err := db.CreateObjectStore(blobStore, idb.ObjectStoreOptions{}); err != nil {
			return err
		}
	}
	// if oldVersion < 2 { … } goes here.
	return nil
}

// Options configure Open.
type Options struct {
	Name    string        // database name; DefaultName when empty
	Timeout time.Duration // how long opening may take (another tab can block it); 5 s when zero
	// Factory is the IDBFactory to use; window.indexedDB (or the worker's)
	// when undefined. Tests pass a storage bucket's, which has a quota.
	Factory js.Value
	version uint // schema version to open (tests of version changes)
}

// IDB is the IndexedDB Store.
type IDB struct {
	opts    Options
	factory *idb.Factory
	mu      sync.Mutex
	db      *idb.Database
	stale   *atomic.Bool // set by the connection's versionchange event
	bcOnce  sync.Once
	bc      js.Value // BroadcastChannel to other tabs (changes_js.go)
}

var (
	domQuota        = idb.NewDOMException("QuotaExceededError")
	domAbort        = idb.NewDOMException("AbortError")
	domInvalidState = idb.NewDOMException("InvalidStateError")
	domVersion      = idb.NewDOMException("VersionError")
)

// Open opens (creating or upgrading) the checkpoint database. It fails
// with ErrUnavailable when the browser has no usable IndexedDB, ErrTimeout
// when it does not answer in time (typically another tab holding an old
// version open), ErrNewerVersion when a newer page has upgraded it.
func Open(ctx context.Context, o Options) (s *IDB, err error) {
	if o.Name == "" {
		o.Name = DefaultName
	}
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Second
	}
	if o.version == 0 {
		o.version = SchemaVersion
	}
	f := o.Factory
	if f.IsUndefined() {
		f = js.Global().Get("indexedDB")
	}
	if f.IsUndefined() || f.IsNull() {
		return nil, fmt.Errorf("%w: no indexedDB in this context", ErrUnavailable)
	}
	factory, err := idb.WrapFactory(f)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	s = &IDB{opts: o, factory: factory}
	if _, err := s.conn(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// OpenBest opens IndexedDB, or falls back to a Memory store whose Fallback
// says why (Durable is then false: the page warns that checkpoints will not
// survive a reload).
func OpenBest(ctx context.Context) Store {
	s, err := Open(ctx, Options{})
	if err != nil {
		m := NewMemory()
		m.Fallback = err
		return m
	}
	return s
}

func (s *IDB) Durable() bool { return true }

// Close closes the connection; a later call reopens it.
func (s *IDB) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	return err
}

// conn returns the open connection, opening it if needed.
func (s *IDB) conn(ctx context.Context) (*idb.Database, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.db != nil && !s.stale.Load() {
		return s.db, nil
	}
	s.db = nil
	db, stale, err := s.open(ctx)
	if err != nil {
		return nil, err
	}
	s.db, s.stale = db, stale
	return db, nil
}

func (s *IDB) open(ctx context.Context) (db *idb.Database, stale *atomic.Bool, err error) {
	defer func() { // the factory can throw (private modes, sandboxed frames)
		if r := recover(); r != nil {
			db, err = nil, fmt.Errorf("%w: %v", ErrUnavailable, r)
		}
	}()
	// The upgrade listener must outlive our timeout: were it removed while
	// the open waits behind another tab, the upgrade would run without it
	// and leave a database with no object stores.
	req, err := s.factory.Open(context.Background(), s.opts.Name, s.opts.version, upgrade)
	if err != nil {
		return nil, nil, openErr(err)
	}
	tctx, cancel := context.WithTimeout(ctx, s.opts.Timeout)
	defer cancel()
	db, err = req.Await(tctx)
	if tctx.Err() != nil && err == nil {
		// Await returns no error on timeout. The request is still alive:
		// close the connection if it opens later.
		go func() {
			if late, err := req.Await(context.Background()); err == nil {
				late.Close()
			}
		}()
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, nil, fmt.Errorf("%w: opening %q took over %v (is another tab holding an older version open?)", ErrTimeout, s.opts.Name, s.opts.Timeout)
	}
	if err != nil {
		return nil, nil, openErr(err)
	}
	names, err := db.ObjectStoreNames()
	if err != nil || !contains(names, metaStore) || !contains(names, blobStore) {
		db.Close()
		return nil, nil, fmt.Errorf("%w: database %q lacks its object stores (%v %v)", ErrUnavailable, s.opts.Name, names, err)
	}
	// go-indexeddb closes the connection on versionchange (so that the
	// other tab's upgrade is not blocked) but does not tell us: our own
	// listener marks it stale, and the next call reopens.
	// The listener lives as long as the page: one small func per open.
	stale = new(atomic.Bool)
	if jsdb, err := req.Request.Result(); err == nil {
		jsdb.Call("addEventListener", "versionchange", js.FuncOf(func(js.Value, []js.Value) any {
			stale.Store(true)
			return nil
		}))
	}
	return db, stale, nil
}

func openErr(err error) error {
	if errors.Is(err, domVersion) {
		return fmt.Errorf("%w: %v (reload the page)", ErrNewerVersion, err)
	}
	return fmt.Errorf("%w: %v", ErrUnavailable, err)
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// txn starts a transaction, reopening once if the connection was closed
// under us (go-indexeddb closes it on versionchange, when another tab
// upgrades the database).
func (s *IDB) txn(ctx context.Context, mode idb.TransactionMode, stores ...string) (*idb.Transaction, error) {
	for attempt := 0; ; attempt++ {
		db, err := s.conn(ctx)
		if err != nil {
			return nil, err
		}
		t, err := db.Transaction(mode, stores[0], stores[1:]...)
		if err == nil {
			return t, nil
		}
		// A connection closed some other way throws InvalidStateError
		// ("The database connection is closing"); go-indexeddb v0.3.2
		// passes synchronous exceptions on as safejs.Error, which hides
		// the DOMException's name, hence the message test.
		closing := errors.Is(err, domInvalidState) || strings.Contains(err.Error(), "connection is closing")
		if !closing || attempt > 0 {
			return nil, fmt.Errorf("store: %w", err)
		}
		s.mu.Lock()
		if s.db == db {
			s.db = nil // closed by versionchange: open again
		}
		s.mu.Unlock()
	}
}

// txnErr maps a failed transaction to the package's errors. Chromium
// reports a full disk or quota as QuotaExceededError on the transaction,
// while the pending requests fail first with AbortError: the transaction's
// own error tells which.
func txnErr(t *idb.Transaction, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, domAbort) {
		if terr := t.Err(); terr != nil {
			err = terr
		}
	}
	if errors.Is(err, domQuota) {
		return fmt.Errorf("%w: %v (delete old checkpoints or export them as files)", ErrQuota, err)
	}
	return fmt.Errorf("store: %w", err)
}

// Save writes both records in one readwrite transaction. If ctx ends while
// the browser is still committing, Save returns ctx's error although the
// commit may yet succeed; List tells.
func (s *IDB) Save(ctx context.Context, m Meta, ckpt []byte) (Meta, error) {
	// Everything is encoded before the transaction opens: a transaction
	// commits as soon as it has no pending request.
	m, meta, err := prepare(m, ckpt, time.Now())
	if err != nil {
		return m, err
	}
	blob := newBlob(ckpt)
	t, err := s.txn(ctx, idb.TransactionReadWrite, metaStore, blobStore)
	if err != nil {
		return m, err
	}
	ms, err := t.ObjectStore(metaStore)
	if err != nil {
		return m, txnErr(t, err)
	}
	bs, err := t.ObjectStore(blobStore)
	if err != nil {
		return m, txnErr(t, err)
	}
	if _, err := ms.PutKey(js.ValueOf(m.ID), js.ValueOf(meta)); err != nil {
		t.Abort()
		return m, txnErr(t, err)
	}
	if _, err := bs.PutKey(js.ValueOf(m.ID), blob); err != nil {
		t.Abort()
		return m, txnErr(t, err)
	}
	if testHookSave != nil {
		testHookSave(t)
	}
	return m, s.changed(txnErr(t, t.Await(ctx)))
}

// testHookSave runs after a save's requests are placed (tests).
var testHookSave func(*idb.Transaction)

// newBlob copies b into a Blob. Save runs off the UI goroutine, and
// the page's main thread must not be held for long: a Blob made of Blobs
// shares their bytes, so a big checkpoint (MNIST's nets: 13 MB, whose
// fresh pages alone cost hundreds of milliseconds on a busy machine) is
// copied a part per browser task — the timer's wait lets Go hand the
// thread back between parts.
func newBlob(b []byte) js.Value {
	blob := js.Global().Get("Blob")
	if len(b) <= blobPart {
		u8 := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(u8, b)
		return blob.New([]any{u8})
	}
	// The parts pass through one kept array (a Blob copies what it is
	// made of at once): a fresh one per part would fault in its pages.
	if !blobScratch.Truthy() {
		blobScratch = js.Global().Get("Uint8Array").New(blobPart)
	}
	var parts []any
	for i := 0; i < len(b); i += blobPart {
		j := min(i+blobPart, len(b))
		u8 := blobScratch.Call("subarray", 0, j-i)
		js.CopyBytesToJS(u8, b[i:j])
		parts = append(parts, blob.New([]any{u8}))
		time.Sleep(time.Millisecond)
	}
	return blob.New(parts)
}

// blobPart is the size of one part of a big checkpoint's Blob, and
// blobScratch the array the parts are copied through.
const blobPart = 512 << 10

var blobScratch js.Value

// record is one record as read, before checking.
type record struct {
	id, meta string
	blob     js.Value // a Blob, or whatever the store held
	err      error
}

// read fetches the metadata of one record (id != "") or all, with their
// blobs, in one readonly transaction: each blob request is placed from
// the metadata cursor's callback, so all of them are done when the cursor
// ends.
func (s *IDB) read(ctx context.Context, id string) ([]record, error) {
	t, err := s.txn(ctx, idb.TransactionReadOnly, metaStore, blobStore)
	if err != nil {
		return nil, err
	}
	ms, err := t.ObjectStore(metaStore)
	if err != nil {
		return nil, txnErr(t, err)
	}
	bs, err := t.ObjectStore(blobStore)
	if err != nil {
		return nil, txnErr(t, err)
	}
	var cur *idb.CursorWithValueRequest
	if id == "" {
		cur, err = ms.OpenCursor(idb.CursorNext)
	} else {
		cur, err = ms.OpenCursorKey(js.ValueOf(id), idb.CursorNext)
	}
	if err != nil {
		return nil, txnErr(t, err)
	}
	var recs []record
	var gets []*idb.Request
	err = cur.Iter(ctx, func(c *idb.CursorWithValue) error {
		k, err := c.Key()
		if err != nil {
			return err
		}
		v, err := c.Value()
		if err != nil {
			return err
		}
		r := record{id: jsString(k)}
		if v.Type() == js.TypeString {
			r.meta = v.String()
		} else {
			r.err = corrupt(r.id, "metadata is a %v, not text", v.Type())
		}
		g, err := bs.Get(k)
		if err != nil {
			return err
		}
		recs, gets = append(recs, r), append(gets, g)
		return nil
	})
	if err != nil {
		return nil, txnErr(t, err)
	}
	for i, g := range gets {
		if st, _ := g.ReadyState(); st != "done" {
			return nil, fmt.Errorf("store: blob request for %q still %s after the cursor ended", recs[i].id, st)
		}
		if recs[i].blob, err = g.Result(); err != nil {
			recs[i].err = corrupt(recs[i].id, "checkpoint: %v", err)
		}
	}
	return recs, nil
}

// jsString is a key as text; a key that is not a string (never written by
// Save) still gets a usable label such as "<number: 5>".
func jsString(v js.Value) string { return v.String() }

// check parses a record's metadata and checks its blob's size and header
// (reading 20 bytes of it, not the whole).
func check(ctx context.Context, r record) (Meta, error) {
	if r.err != nil {
		return Meta{}, r.err
	}
	m, err := parseMeta(r.id, r.meta)
	if err != nil {
		return Meta{}, err
	}
	if r.blob.IsUndefined() {
		return m, corrupt(r.id, "checkpoint bytes are missing")
	}
	if !r.blob.InstanceOf(js.Global().Get("Blob")) {
		return m, corrupt(r.id, "checkpoint is a %v, not a Blob", r.blob.Type())
	}
	if size := r.blob.Get("size").Int(); size != m.Size {
		return m, corrupt(r.id, "checkpoint of %d bytes, metadata says %d", size, m.Size)
	}
	head, err := blobBytes(ctx, r.blob.Call("slice", 0, ckptHeader))
	if err != nil {
		return m, corrupt(r.id, "checkpoint unreadable: %v", err)
	}
	if err := checkHeader(head, m.Size); err != nil {
		return m, corrupt(r.id, "checkpoint: %v", err)
	}
	return m, nil
}

// blobBytes reads a Blob into Go (awaiting its arrayBuffer promise from
// this goroutine, never from a callback).
func blobBytes(ctx context.Context, blob js.Value) ([]byte, error) {
	buf, err := await(ctx, blob.Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	u8 := js.Global().Get("Uint8Array").New(buf)
	b := make([]byte, u8.Get("length").Int())
	js.CopyBytesToGo(b, u8)
	return b, nil
}

// await waits for a promise. The callbacks only hand the outcome over.
func await(ctx context.Context, p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{err: fmt.Errorf("%s", jsErrString(args[0]))}
		return nil
	})
	p.Call("then", then, catch)
	select {
	case r := <-ch:
		then.Release()
		catch.Release()
		return r.v, r.err
	case <-ctx.Done():
		// The promise may still settle: leave the functions alive for it.
		return js.Undefined(), ctx.Err()
	}
}

func jsErrString(v js.Value) string {
	if v.Type() == js.TypeObject {
		if n := v.Get("name"); n.Type() == js.TypeString {
			return n.String() + ": " + v.Get("message").String()
		}
	}
	return v.String()
}

func (s *IDB) List(ctx context.Context) ([]Meta, []error, error) {
	recs, err := s.read(ctx, "")
	if err != nil {
		return nil, nil, err
	}
	var metas []Meta
	var bad []error
	for _, r := range recs {
		m, err := check(ctx, r)
		if err != nil {
			bad = append(bad, err)
			continue
		}
		metas = append(metas, m)
	}
	sortMetas(metas)
	return metas, bad, nil
}

func (s *IDB) Load(ctx context.Context, id string) (Meta, []byte, error) {
	recs, err := s.read(ctx, id)
	if err != nil {
		return Meta{}, nil, err
	}
	if len(recs) == 0 {
		return Meta{}, nil, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	m, err := check(ctx, recs[0])
	if err != nil {
		return m, nil, err
	}
	b, err := blobBytes(ctx, recs[0].blob)
	if err != nil {
		return m, nil, corrupt(id, "checkpoint unreadable: %v", err)
	}
	if err := checkHeader(b, len(b)); err != nil || len(b) != m.Size {
		return m, nil, corrupt(id, "checkpoint of %d bytes (metadata says %d): %v", len(b), m.Size, err)
	}
	return m, b, nil
}

// Rename rewrites the metadata from the cursor's callback, so that the read
// and the write are one transaction.
func (s *IDB) Rename(ctx context.Context, id, name string) error {
	t, err := s.txn(ctx, idb.TransactionReadWrite, metaStore)
	if err != nil {
		return err
	}
	ms, err := t.ObjectStore(metaStore)
	if err != nil {
		return txnErr(t, err)
	}
	cur, err := ms.OpenCursorKey(js.ValueOf(id), idb.CursorNext)
	if err != nil {
		return txnErr(t, err)
	}
	found := false
	var fail error
	err = cur.Iter(ctx, func(c *idb.CursorWithValue) error {
		found = true
		v, err := c.Value()
		if err != nil {
			return err
		}
		if v.Type() != js.TypeString {
			fail = corrupt(id, "metadata is a %v, not text", v.Type())
			return idb.ErrCursorStopIter
		}
		m, err := parseMeta(id, v.String())
		if err != nil {
			fail = err
			return idb.ErrCursorStopIter
		}
		m.Name = strings.TrimSpace(name)
		js2, err := marshalMeta(m)
		if err != nil {
			fail = err
			return idb.ErrCursorStopIter
		}
		_, err = c.Update(js.ValueOf(js2))
		return err
	})
	if err != nil {
		return txnErr(t, err)
	}
	if fail != nil {
		t.Abort()
		return fail
	}
	if !found {
		return fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return s.changed(txnErr(t, t.Await(ctx)))
}

// Delete removes both records in one transaction; the metadata is deleted
// through its cursor so that a missing record is reported.
func (s *IDB) Delete(ctx context.Context, id string) error {
	t, err := s.txn(ctx, idb.TransactionReadWrite, metaStore, blobStore)
	if err != nil {
		return err
	}
	ms, err := t.ObjectStore(metaStore)
	if err != nil {
		return txnErr(t, err)
	}
	bs, err := t.ObjectStore(blobStore)
	if err != nil {
		return txnErr(t, err)
	}
	cur, err := ms.OpenCursorKey(js.ValueOf(id), idb.CursorNext) // a key cursor cannot delete
	if err != nil {
		return txnErr(t, err)
	}
	found := false
	err = cur.Iter(ctx, func(c *idb.CursorWithValue) error {
		found = true
		if _, err := c.Delete(); err != nil {
			return err
		}
		_, err := bs.Delete(js.ValueOf(id))
		return err
	})
	if err != nil {
		return txnErr(t, err)
	}
	if !found {
		return fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return s.changed(txnErr(t, t.Await(ctx)))
}

// Persist asks the browser to keep this origin's storage under pressure
// (navigator.storage.persist). Chromium grants or refuses it silently, by
// its own heuristics (installed app, bookmarks, engagement); false is
// not an error. Call it from a goroutine, e.g. after the first save.
func Persist(ctx context.Context) (bool, error) {
	sm := js.Global().Get("navigator").Get("storage")
	if sm.IsUndefined() || sm.Get("persist").IsUndefined() {
		return false, nil
	}
	v, err := await(ctx, sm.Call("persist"))
	if err != nil {
		return false, err
	}
	return v.Truthy(), nil
}

// Estimate reports the bytes this origin uses and may use
// (navigator.storage.estimate), for the page's storage line.
func Estimate(ctx context.Context) (usage, quota int64, err error) {
	sm := js.Global().Get("navigator").Get("storage")
	if sm.IsUndefined() || sm.Get("estimate").IsUndefined() {
		return 0, 0, ErrUnavailable
	}
	v, err := await(ctx, sm.Call("estimate"))
	if err != nil {
		return 0, 0, err
	}
	return int64(v.Get("usage").Float()), int64(v.Get("quota").Float()), nil
}
