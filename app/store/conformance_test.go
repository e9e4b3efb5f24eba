package store

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"math"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/gan"
)

// rawPutter writes a record bypassing every check (corrupt-record tests).
type rawPutter func(t *testing.T, id, meta string, blob []byte)

func trainer(t testing.TB, s string, steps int) *gan.Trainer {
	t.Helper()
	tr, err := gan.FromText(s, steps)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func thumbnail(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// testStore runs the round trip every Store must pass: save → list → load
// (decoding to the same fingerprint) → rename → corrupt records reported
// and skipped → delete.
func testStore(t *testing.T, s Store, raw rawPutter) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	tr := trainer(t, "batch=16&g=8,8&d=8&z=3&seed=21", 3)
	m, ckpt, err := NewMeta(tr, "first run")
	if err != nil {
		t.Fatal(err)
	}
	m.Thumbnail = thumbnail(t)
	m.Metrics = map[string]float64{"jsd": 0.25, "modes": 7, "nan": math.NaN()}
	saved, err := s.Save(ctx, m, ckpt)
	if err != nil {
		t.Fatal(err)
	}
	if saved.ID == "" || saved.Size != len(ckpt) || saved.Created.IsZero() || len(saved.Metrics) != 2 {
		t.Fatalf("saved %+v", saved)
	}

	// a second, later checkpoint of the same run
	time.Sleep(2 * time.Millisecond)
	if err := tr.StepOnce(); err != nil {
		t.Fatal(err)
	}
	m2, ckpt2, err := NewMeta(tr, "")
	if err != nil {
		t.Fatal(err)
	}
	saved2, err := s.Save(ctx, m2, ckpt2)
	if err != nil {
		t.Fatal(err)
	}

	metas, bad, err := s.List(ctx)
	if err != nil || len(bad) != 0 || len(metas) != 2 {
		t.Fatalf("List: %d metas, bad %v, err %v", len(metas), bad, err)
	}
	if metas[0].ID != saved2.ID || metas[1].ID != saved.ID {
		t.Errorf("List order %s, %s; want newest first", metas[0].ID, metas[1].ID)
	}
	got := metas[1]
	if got.Name != "first run" || got.Fingerprint != m.Fingerprint || got.Step != 3 || got.Recipe != tr.Recipe.String() ||
		!got.Created.Equal(saved.Created) || !bytes.Equal(got.Thumbnail, m.Thumbnail) || got.Metrics["jsd"] != 0.25 || got.Data != "ring8" {
		t.Errorf("listed %+v", got)
	}

	lm, b, err := s.Load(ctx, saved.ID)
	if err != nil || !bytes.Equal(b, ckpt) || lm.ID != saved.ID {
		t.Fatalf("Load: %v (%d bytes)", err, len(b))
	}
	_, loaded, err := LoadTrainer(ctx, s, saved.ID)
	if err != nil || loaded.Fingerprint() != m.Fingerprint {
		t.Fatalf("LoadTrainer: %v", err)
	}

	if err := s.Rename(ctx, saved.ID, "  renamed  "); err != nil {
		t.Fatal(err)
	}
	if lm, _, err := s.Load(ctx, saved.ID); err != nil || lm.Name != "renamed" || lm.Fingerprint != m.Fingerprint {
		t.Errorf("after rename: %+v %v", lm, err)
	}
	if err := s.Rename(ctx, "nope", "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Rename of a missing record: %v", err)
	}
	if _, _, err := s.Load(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load of a missing record: %v", err)
	}

	// Invalid metadata is refused before anything is written.
	badMeta := m
	badMeta.ID, badMeta.Thumbnail = "", []byte("GIF89a")
	if _, err := s.Save(ctx, badMeta, ckpt); !errors.Is(err, ErrInvalid) {
		t.Errorf("Save with a non-PNG thumbnail: %v", err)
	}
	if _, err := s.Save(ctx, Meta{Name: "x", Recipe: "", Fingerprint: m.Fingerprint, Data: "ring8"}, []byte("junk")); !errors.Is(err, ErrInvalid) {
		t.Errorf("Save of junk bytes: %v", err)
	}

	// Corrupt records: reported by ID, skipped, the others still listed.
	good, _ := marshalMeta(withID(saved, "bad-blob"))
	wrongFP := withID(saved, "wrong-fp")
	wrongFP.Fingerprint = "0123456789abcdef"
	wfp, _ := marshalMeta(wrongFP)
	trunc, _ := marshalMeta(withID(saved, "truncated"))
	raw(t, "bad-meta", "{not json", ckpt)
	raw(t, "bad-blob", good, bytes.Repeat([]byte{7}, len(ckpt))) // right size, not a checkpoint
	raw(t, "truncated", trunc, ckpt[:len(ckpt)-9])
	raw(t, "wrong-fp", wfp, ckpt) // only LoadTrainer can tell
	metas, bad, err = s.List(ctx)
	if err != nil || len(metas) != 3 || len(bad) != 3 {
		t.Fatalf("List with corrupt records: %d metas, bad %v, err %v", len(metas), bad, err)
	}
	ids := map[string]bool{}
	for _, e := range bad {
		var re *RecordError
		if !errors.As(e, &re) || !errors.Is(e, ErrCorrupt) {
			t.Errorf("untyped problem %v", e)
			continue
		}
		ids[re.ID] = true
	}
	if !ids["bad-meta"] || !ids["bad-blob"] || !ids["truncated"] {
		t.Errorf("reported %v", bad)
	}
	if _, _, err := s.Load(ctx, "bad-blob"); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Load of a bad blob: %v", err)
	}
	if _, _, err := LoadTrainer(ctx, s, "wrong-fp"); !errors.Is(err, ErrCorrupt) {
		t.Errorf("LoadTrainer with a wrong fingerprint: %v", err)
	}
	for _, id := range []string{"bad-meta", "bad-blob", "truncated", "wrong-fp", saved2.ID} {
		if err := s.Delete(ctx, id); err != nil {
			t.Errorf("Delete %s: %v", id, err)
		}
	}
	if err := s.Delete(ctx, saved2.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second Delete: %v", err)
	}
	if _, _, err := s.Load(ctx, saved2.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Load after Delete: %v", err)
	}
	metas, bad, err = s.List(ctx)
	if err != nil || len(bad) != 0 || len(metas) != 1 || metas[0].ID != saved.ID {
		t.Fatalf("after deletes: %d metas, bad %v, err %v", len(metas), bad, err)
	}
}

func withID(m Meta, id string) Meta {
	m.ID = id
	return m
}
