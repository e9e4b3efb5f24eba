package store

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Store keeps checkpoints. Implementations are safe for one goroutine at a
// time per call; the page serialises its calls through ctx.Async.
type Store interface {
	// Save stores a checkpoint and its metadata atomically and returns the
	// metadata as stored (ID assigned when empty, Size and Created filled).
	// An existing ID is replaced. Out of space: ErrQuota, and the previous
	// records are intact.
	Save(ctx context.Context, m Meta, ckpt []byte) (Meta, error)
	// List returns every readable record, newest first. Records that cannot
	// be read are skipped and reported in bad (each a *RecordError matching
	// ErrCorrupt); err is for a store that cannot be read at all.
	List(ctx context.Context) (metas []Meta, bad []error, err error)
	// Load returns a record's metadata and checkpoint bytes (ErrNotFound,
	// ErrCorrupt when the bytes are missing or not a whole checkpoint).
	Load(ctx context.Context, id string) (Meta, []byte, error)
	// Rename changes a record's display name.
	Rename(ctx context.Context, id, name string) error
	// Delete removes a record (ErrNotFound if there is none).
	Delete(ctx context.Context, id string) error
	// Durable is false for the in-memory fallback: checkpoints are lost on
	// reload, and the page should say so.
	Durable() bool
	// Close releases the store.
	Close() error
}

// Watch calls f when another tab of the page changes st (see the IDB's
// Watch); for a store no other tab shares (memory), never. stop ends it.
func Watch(st Store, f func()) (stop func()) {
	if w, ok := st.(interface{ Watch(func()) func() }); ok {
		return w.Watch(f)
	}
	return func() {}
}

// Meta describes one saved checkpoint.
type Meta struct {
	ID          string             // assigned by Save when empty
	Name        string             // display name, at most MaxName runes
	Data        string             // data set (recipe key "data")
	Recipe      string             // canonical recipe text
	Step        int                // generator updates done
	Created     time.Time          // set by Save when zero
	Size        int                // checkpoint bytes, set by Save
	Metrics     map[string]float64 // e.g. "jsd", "modes"; non-finite values are dropped
	Thumbnail   []byte             // small PNG of samples, at most MaxThumbnail bytes
	Fingerprint string             // gan.Fingerprint of the weights
}

// Limits on metadata, so that a bad caller cannot fill the store with it.
const (
	MaxName      = 200
	MaxThumbnail = 64 << 10
	MaxMetrics   = 32
)

// The kinds of store error, for errors.Is.
var (
	ErrQuota        = errors.New("store: out of storage space")
	ErrNotFound     = errors.New("store: no such checkpoint")
	ErrCorrupt      = errors.New("store: corrupt record")
	ErrUnavailable  = errors.New("store: browser storage unavailable")
	ErrTimeout      = errors.New("store: browser storage did not answer")
	ErrNewerVersion = errors.New("store: storage was upgraded by a newer version of the page")
	ErrInvalid      = errors.New("store: invalid metadata")
)

// RecordError is a problem with one stored record.
type RecordError struct {
	ID  string
	Err error // wraps ErrCorrupt
}

func (e *RecordError) Error() string { return fmt.Sprintf("checkpoint %q: %v", e.ID, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }

func corrupt(id, format string, args ...any) *RecordError {
	return &RecordError{ID: id, Err: fmt.Errorf("%w: %s", ErrCorrupt, fmt.Sprintf(format, args...))}
}

// FallbackReason says why s is not durable: the error that made OpenBest
// fall back to memory, for the page's warning. Nil for a durable store.
func FallbackReason(s Store) error {
	if m, ok := s.(*Memory); ok && !s.Durable() {
		if m.Fallback != nil {
			return m.Fallback
		}
		return ErrUnavailable
	}
	return nil
}
