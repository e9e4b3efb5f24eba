//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "the bench worker runs in a browser's Web Worker: build it with GOOS=js GOARCH=wasm (make bench does)")
	os.Exit(2)
}
