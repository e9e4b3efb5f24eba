//go:build !(js && wasm)

package store

import (
	"context"
	"fmt"
)

// OpenBest returns a Memory store outside the browser (there is no
// IndexedDB): Durable is false and Fallback says why.
func OpenBest(ctx context.Context) Store {
	m := NewMemory()
	m.Fallback = fmt.Errorf("%w: not running in a browser", ErrUnavailable)
	return m
}

// Persist has nothing to ask outside the browser.
func Persist(ctx context.Context) (bool, error) { return false, nil }

// Estimate has no browser to ask outside it.
func Estimate(ctx context.Context) (usage, quota int64, err error) { return 0, 0, ErrUnavailable }
