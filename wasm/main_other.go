//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// Natively this package only exists for its tests.
func main() {
	fmt.Fprintln(os.Stderr, "wasm: the training worker runs in a browser; build it with GOOS=js GOARCH=wasm (make wasm)")
	os.Exit(2)
}
