//go:build js && wasm

package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"strings"
	"syscall/js"
	"testing"
	"time"

	"github.com/hack-pad/go-indexeddb/idb"
)

func dbName(t *testing.T) string {
	var r [4]byte
	rand.Read(r[:])
	return strings.ToLower("test-" + t.Name() + "-" + hex.EncodeToString(r[:])) // bucket names are lower case
}

func openTest(t *testing.T, o Options) *IDB {
	t.Helper()
	if o.Name == "" {
		o.Name = dbName(t)
	}
	s, err := Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// rawPut writes both records of an ID as given, in one transaction,
// bypassing every check.
func (s *IDB) rawPut(t *testing.T, id, meta string, blob []byte) {
	t.Helper()
	ctx := context.Background()
	tx, err := s.txn(ctx, idb.TransactionReadWrite, metaStore, blobStore)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := tx.ObjectStore(metaStore)
	bs, _ := tx.ObjectStore(blobStore)
	if _, err := ms.PutKey(js.ValueOf(id), js.ValueOf(meta)); err != nil {
		t.Fatal(err)
	}
	if _, err := bs.PutKey(js.ValueOf(id), newBlob(blob)); err != nil {
		t.Fatal(err)
	}
	if err := tx.Await(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestIDBRoundTrip(t *testing.T) {
	s := openTest(t, Options{})
	if !s.Durable() {
		t.Error("IndexedDB store not durable")
	}
	testStore(t, s, s.rawPut)
}

// A record saved by one connection is there for the next: the page reloads.
func TestIDBReopen(t *testing.T) {
	name := dbName(t)
	a := openTest(t, Options{Name: name})
	m, ckpt, err := NewMeta(trainer(t, "batch=16&g=8&d=8&z=2", 1), "kept")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	saved, err := a.Save(ctx, m, ckpt)
	if err != nil {
		t.Fatal(err)
	}
	a.Close()
	b := openTest(t, Options{Name: name})
	if _, got, err := LoadTrainer(ctx, b, saved.ID); err != nil || got.Fingerprint() != m.Fingerprint {
		t.Fatalf("after reopening: %v", err)
	}
}

// A real QuotaExceededError: a storage bucket (navigator.storageBuckets,
// Chromium ≥ 122) opened with a quota of 64 KiB, and a checkpoint larger
// than that. The save must fail with ErrQuota and leave the earlier
// checkpoint intact and no half-saved record.
func TestIDBQuotaBucket(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	sb := js.Global().Get("navigator").Get("storageBuckets")
	if sb.IsUndefined() {
		t.Skip("no navigator.storageBuckets in this browser")
	}
	name := dbName(t)
	bucket, err := await(ctx, sb.Call("open", name, map[string]any{"quota": 64 << 10, "persisted": false}))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { await(context.Background(), sb.Call("delete", name)) }()
	s := openTest(t, Options{Name: name, Factory: bucket.Get("indexedDB")})

	small, smallCkpt, err := NewMeta(trainer(t, "batch=16&g=8&d=8&z=2", 1), "small")
	if err != nil {
		t.Fatal(err)
	}
	first, err := s.Save(ctx, small, smallCkpt)
	if err != nil {
		t.Fatalf("a %d-byte checkpoint does not fit a 64 KiB bucket: %v", len(smallCkpt), err)
	}
	big, bigCkpt, err := NewMeta(trainer(t, "batch=16&g=128,128&d=64&z=8", 0), "big") // ≈ 300 KB with Adam state
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Save(ctx, big, bigCkpt)
	t.Logf("saving %d bytes into a 64 KiB bucket: %v", len(bigCkpt), err)
	if !errors.Is(err, ErrQuota) {
		t.Fatalf("got %v, want ErrQuota", err)
	}
	metas, bad, err := s.List(ctx)
	if err != nil || len(bad) != 0 || len(metas) != 1 || metas[0].ID != first.ID {
		t.Fatalf("after the failed save: %d metas, bad %v, err %v", len(metas), bad, err)
	}
	if _, got, err := LoadTrainer(ctx, s, first.ID); err != nil || got.Fingerprint() != small.Fingerprint {
		t.Fatalf("the earlier checkpoint: %v", err)
	}
}

// The abort path without a quota: the hook aborts the real transaction
// after both puts are placed. Nothing of the record may remain. (Here the
// browser reports AbortError with no transaction error: a plain failure,
// not ErrQuota.)
func TestIDBAbortedSaveLeavesNothing(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, Options{})
	m, ckpt, err := NewMeta(trainer(t, "batch=16&g=8&d=8&z=2", 1), "aborted")
	if err != nil {
		t.Fatal(err)
	}
	testHookSave = func(tx *idb.Transaction) { tx.Abort() }
	_, err = s.Save(ctx, m, ckpt)
	testHookSave = nil
	if err == nil || errors.Is(err, ErrQuota) {
		t.Fatalf("aborted save: %v", err)
	}
	metas, bad, err := s.List(ctx)
	if err != nil || len(metas)+len(bad) != 0 {
		t.Fatalf("after an aborted save: %v %v %v", metas, bad, err)
	}
}

// Another tab upgrades the database: this connection closes on
// versionchange (so the other tab is not blocked), and the next call says
// the page is outdated instead of hanging.
func TestIDBVersionChange(t *testing.T) {
	ctx := context.Background()
	name := dbName(t)
	s := openTest(t, Options{Name: name})
	newer, err := Open(ctx, Options{Name: name, version: SchemaVersion + 1, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("the newer page was blocked: %v", err)
	}
	defer newer.Close()
	_, _, err = s.List(ctx)
	if !errors.Is(err, ErrNewerVersion) {
		t.Fatalf("List on the outdated connection: %v, want ErrNewerVersion", err)
	}
}

// A connection that ignores versionchange (an old page without the
// handler) blocks an upgrade: Open gives up after its timeout.
func TestIDBBlockedOpenTimesOut(t *testing.T) {
	ctx := context.Background()
	name := dbName(t)
	openTest(t, Options{Name: name}).Close()
	req := js.Global().Get("indexedDB").Call("open", name, SchemaVersion)
	ch := make(chan js.Value, 1)
	ok := js.FuncOf(func(js.Value, []js.Value) any { ch <- req.Get("result"); return nil })
	defer ok.Release()
	req.Set("onsuccess", ok)
	stubborn := <-ch
	defer stubborn.Call("close")
	start := time.Now()
	_, err := Open(ctx, Options{Name: name, version: SchemaVersion + 1, Timeout: 300 * time.Millisecond})
	if !errors.Is(err, ErrTimeout) || time.Since(start) > 5*time.Second {
		t.Fatalf("blocked open: %v after %v, want ErrTimeout", err, time.Since(start))
	}
}

func TestIDBFactoryMissing(t *testing.T) {
	_, err := Open(context.Background(), Options{Name: dbName(t), Factory: js.Null()})
	if !errors.Is(err, ErrUnavailable) {
		t.Fatalf("got %v", err)
	}
}

func TestOpenBestBrowser(t *testing.T) {
	s := OpenBest(context.Background())
	defer s.Close()
	if !s.Durable() || FallbackReason(s) != nil {
		t.Fatalf("OpenBest fell back in a browser: %v", FallbackReason(s))
	}
}

func TestPersistAndEstimate(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	granted, err := Persist(ctx)
	if err != nil {
		t.Fatal(err)
	}
	usage, quota, err := Estimate(ctx)
	if err != nil || quota <= 0 {
		t.Fatalf("estimate: %d of %d, %v", usage, quota, err)
	}
	t.Logf("persist granted: %v; usage %d of %d bytes", granted, usage, quota)
}

// A checkpoint over a MiB is copied into its Blob a part per browser
// task (newBlob): it must load back byte for byte, in one record.
func TestIDBSavesBigCheckpointInParts(t *testing.T) {
	s := openTest(t, Options{})
	ctx := context.Background()
	m, ckpt, err := NewMeta(trainer(t, "batch=16&g=512,512&d=512,512&z=16", 0), "wide nets")
	if err != nil {
		t.Fatal(err)
	}
	if len(ckpt) <= 2<<20 {
		t.Fatalf("the checkpoint has %d bytes: too small to be cut into parts", len(ckpt))
	}
	saved, err := s.Save(ctx, m, ckpt)
	if err != nil {
		t.Fatal(err)
	}
	got, b, err := s.Load(ctx, saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Size != len(ckpt) || !bytes.Equal(b, ckpt) {
		t.Fatalf("loaded %d bytes (meta says %d), saved %d: not the same", len(b), got.Size, len(ckpt))
	}
	metas, bad, err := s.List(ctx)
	if err != nil || len(bad) > 0 || len(metas) != 1 {
		t.Fatalf("List: %d records, %v damaged, %v", len(metas), bad, err)
	}
}
