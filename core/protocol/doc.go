// Package protocol is the one message format between the page and the
// training worker. Both sides are Go: the page (app/) encodes Commands and
// decodes Reports, the worker (wasm/) the reverse. Messages travel as one
// Uint8Array each, little-endian, so they cross postMessage as a single
// typed array and decode into reused Go buffers (no allocation per frame).
//
// The format is versioned by its first byte; a message from another
// version is rejected rather than misread.
package protocol
