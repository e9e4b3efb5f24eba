package store

import (
	"context"
	"errors"
	"testing"
)

func TestMemory(t *testing.T) {
	s := NewMemory()
	testStore(t, s, func(t *testing.T, id, meta string, blob []byte) { s.putRaw(id, meta, blob) })
	if s.Durable() {
		t.Error("memory store claims to be durable")
	}
}

func TestMemoryQuota(t *testing.T) {
	ctx := context.Background()
	tr := trainer(t, "batch=16&g=8,8&d=8&z=3&seed=21", 1)
	m, ckpt, err := NewMeta(tr, "a")
	if err != nil {
		t.Fatal(err)
	}
	s := NewMemory()
	s.Quota = 3 * len(ckpt) / 2
	first, err := s.Save(ctx, m, ckpt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Save(ctx, m, ckpt); !errors.Is(err, ErrQuota) {
		t.Fatalf("second save: %v, want ErrQuota", err)
	}
	metas, bad, err := s.List(ctx)
	if err != nil || len(bad) != 0 || len(metas) != 1 || metas[0].ID != first.ID {
		t.Fatalf("after quota: %v %v %v", metas, bad, err)
	}
	// Replacing a record counts its old size out.
	if _, err := s.Save(ctx, first, ckpt); err != nil {
		t.Fatalf("replacing within quota: %v", err)
	}
}

func testOpenBestNative(t *testing.T) {
	s := OpenBest(context.Background())
	m, ok := s.(*Memory)
	if !ok || s.Durable() || !errors.Is(m.Fallback, ErrUnavailable) || !errors.Is(FallbackReason(s), ErrUnavailable) {
		t.Fatalf("OpenBest outside a browser: %T %v", s, m.Fallback)
	}
}
