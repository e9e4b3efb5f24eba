// Package store keeps checkpoints in the browser: IndexedDB when the page
// has it (store_js.go), an in-memory Memory store otherwise (private modes,
// native tests), behind one small Store interface.
//
// A saved checkpoint is two records under one ID, written by one readwrite
// transaction: its metadata (a JSON string in the "meta" object store) and
// its checkpoint.Encode bytes (a Blob in "blobs"). Either both land or
// neither does. List reads only metadata and blob sizes and headers, never
// whole blobs; Load returns the bytes after checking their header and
// length, and LoadTrainer decodes them and checks the fingerprint recorded
// at save time.
//
// Errors match ErrQuota, ErrNotFound, ErrCorrupt, ErrUnavailable,
// ErrTimeout or ErrNewerVersion with errors.Is. A corrupt record does not
// hide the others: List returns it as a *RecordError next to the good ones.
//
// The IndexedDB implementation calls go-indexeddb, whose calls block until
// the browser answers: call it from a goroutine (ctx.Async in the page, the
// message loop in a worker), never from inside a JS callback.
package store
