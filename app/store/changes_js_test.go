//go:build js && wasm

package store

import (
	"context"
	"testing"
	"time"
)

// Two stores of one database stand for two tabs: each change one makes
// reaches the other's Watch (and not its own), so the other's list can
// refresh.
func TestIDBWatchHearsOtherTabs(t *testing.T) {
	name := dbName(t)
	a, b := openTest(t, Options{Name: name}), openTest(t, Options{Name: name})
	heardA, heardB := make(chan struct{}, 8), make(chan struct{}, 8)
	defer a.Watch(func() { heardA <- struct{}{} })()
	defer b.Watch(func() { heardB <- struct{}{} })()
	ctx := context.Background()
	wait := func(what string, ch chan struct{}) {
		t.Helper()
		select {
		case <-ch:
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: the other store heard nothing", what)
		}
	}
	meta, ckpt, err := NewMeta(trainer(t, "batch=16&g=8,8&d=8&z=3&seed=21", 1), "x")
	if err != nil {
		t.Fatal(err)
	}
	m, err := a.Save(ctx, meta, ckpt)
	if err != nil {
		t.Fatal(err)
	}
	wait("save", heardB)
	if err := a.Rename(ctx, m.ID, "y"); err != nil {
		t.Fatal(err)
	}
	wait("rename", heardB)
	if err := b.Delete(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	wait("delete", heardA)
	select {
	case <-heardA:
		t.Fatal("a store heard its own change")
	case <-time.After(300 * time.Millisecond):
	}
	if err := b.Delete(ctx, m.ID); err == nil {
		t.Fatal("deleted twice")
	}
	select {
	case <-heardA:
		t.Fatal("a failed delete was announced")
	case <-time.After(300 * time.Millisecond):
	}
}
