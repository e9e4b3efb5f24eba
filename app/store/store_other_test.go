//go:build !(js && wasm)

package store

import "testing"

func TestOpenBestNative(t *testing.T) { testOpenBestNative(t) }
