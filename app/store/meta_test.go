package store

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// Stored metadata is read as strictly as Save writes it.
func TestParseMetaRejects(t *testing.T) {
	tr := trainer(t, "batch=16&g=8&d=8&z=2", 1)
	m, ckpt, err := NewMeta(tr, "x")
	if err != nil {
		t.Fatal(err)
	}
	m, good, err := prepare(m, ckpt, time.Unix(1e9, 0))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := parseMeta(m.ID, good); err != nil || got.Fingerprint != m.Fingerprint || !got.Created.Equal(m.Created) {
		t.Fatalf("good metadata: %v", err)
	}
	edit := func(old, new string) string { return strings.Replace(good, old, new, 1) }
	cases := map[string]string{
		"not json":        "{",
		"trailing field":  edit(`"v":1`, `"v":1,"extra":2`),
		"version 2":       edit(`"v":1`, `"v":2`),
		"negative size":   edit(`"size":`, `"size":-`),
		"bad fingerprint": edit(`"fp":"`, `"fp":"zz`),
		"bad recipe":      edit(`"recipe":"`, `"recipe":"data=cifar&`),
		"data mismatch":   edit(`"data":"ring8"`, `"data":"mnist"`),
	}
	for name, s := range cases {
		if _, err := parseMeta(m.ID, s); !errors.Is(err, ErrCorrupt) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := parseMeta("other-id", good); !errors.Is(err, ErrCorrupt) {
		t.Errorf("id mismatch: %v", err)
	}
}

func TestPrepareRejects(t *testing.T) {
	tr := trainer(t, "batch=16&g=8&d=8&z=2", 1)
	m, ckpt, err := NewMeta(tr, "x")
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for name, f := range map[string]func(*Meta, *[]byte){
		"long name": func(m *Meta, _ *[]byte) { m.Name = strings.Repeat("é", MaxName+1) },
		"bad id":    func(m *Meta, _ *[]byte) { m.ID = "../x" },
		"big thumbnail": func(m *Meta, _ *[]byte) {
			m.Thumbnail = append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, MaxThumbnail)...)
		},
		"truncated ckpt": func(_ *Meta, b *[]byte) { *b = (*b)[:len(*b)-1] },
		"empty ckpt":     func(_ *Meta, b *[]byte) { *b = nil },
	} {
		mm, bb := m, append([]byte(nil), ckpt...)
		f(&mm, &bb)
		if _, _, err := prepare(mm, bb, now); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
	if id := newID(now); !validID(id) || id == newID(now) {
		t.Errorf("newID %q", id)
	}
}
