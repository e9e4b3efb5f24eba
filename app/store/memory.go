package store

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
)

// Memory is the in-memory Store: the fallback when IndexedDB is missing
// (some private modes), and the native tests' store. It keeps records in
// the same stored form as IndexedDB, so both share the parsing and checks.
type Memory struct {
	// Quota, when positive, caps the bytes held (metadata and checkpoints),
	// to exercise the ErrQuota path.
	Quota int
	// Fallback records that this store stands in for an unavailable
	// IndexedDB, and why; the page shows it as a warning.
	Fallback error

	mu   sync.Mutex
	recs map[string]memRec
	now  func() time.Time
}

type memRec struct {
	meta string
	blob []byte
}

// NewMemory returns an empty in-memory store.
func NewMemory() *Memory { return &Memory{recs: map[string]memRec{}, now: time.Now} }

func (s *Memory) Durable() bool { return false }
func (s *Memory) Close() error  { return nil }

func (s *Memory) Save(ctx context.Context, m Meta, ckpt []byte) (Meta, error) {
	m, js, err := prepare(m, ckpt, s.now())
	if err != nil {
		return m, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Quota > 0 {
		used := len(js) + len(ckpt)
		for id, r := range s.recs {
			if id != m.ID {
				used += len(r.meta) + len(r.blob)
			}
		}
		if used > s.Quota {
			return m, fmt.Errorf("%w: %d bytes needed, quota %d", ErrQuota, used, s.Quota)
		}
	}
	s.recs[m.ID] = memRec{meta: js, blob: append([]byte(nil), ckpt...)}
	return m, nil
}

func (s *Memory) List(ctx context.Context) ([]Meta, []error, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var metas []Meta
	var bad []error
	for id, r := range s.recs {
		m, err := parseMeta(id, r.meta)
		if err == nil {
			if err = checkHeader(r.blob, len(r.blob)); err == nil && len(r.blob) != m.Size {
				err = fmt.Errorf("%d bytes, metadata says %d", len(r.blob), m.Size)
			}
			if err != nil {
				err = corrupt(id, "checkpoint: %v", err)
			}
		}
		if err != nil {
			bad = append(bad, err)
			continue
		}
		metas = append(metas, m)
	}
	sortMetas(metas)
	return metas, bad, nil
}

func (s *Memory) Load(ctx context.Context, id string) (Meta, []byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.recs[id]
	if !ok {
		return Meta{}, nil, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	m, err := parseMeta(id, r.meta)
	if err != nil {
		return Meta{}, nil, err
	}
	if err := checkHeader(r.blob, len(r.blob)); err != nil || len(r.blob) != m.Size {
		return m, nil, corrupt(id, "checkpoint of %d bytes (metadata says %d): %v", len(r.blob), m.Size, err)
	}
	return m, append([]byte(nil), r.blob...), nil
}

func (s *Memory) Rename(ctx context.Context, id, name string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.recs[id]
	if !ok {
		return fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	m, err := parseMeta(id, r.meta)
	if err != nil {
		return err
	}
	m.Name = strings.TrimSpace(name)
	js, err := marshalMeta(m)
	if err != nil {
		return err
	}
	s.recs[id] = memRec{meta: js, blob: r.blob}
	return nil
}

func (s *Memory) Delete(ctx context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.recs[id]; !ok {
		return fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	delete(s.recs, id)
	return nil
}

// putRaw stores a record as given, bypassing every check (tests: corrupt
// records).
func (s *Memory) putRaw(id, meta string, blob []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.recs[id] = memRec{meta: meta, blob: blob}
}
