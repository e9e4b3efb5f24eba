//go:build !(js && wasm)

package main

import (
	"os"

	"github.com/ganplayground/ganplayground/app/internal/cli"
)

// runCommandLine runs the command line natively; the page's app.wasm
// leaves it out, and with it the server and the CLI.
func runCommandLine() { os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr)) }
