//go:build !(js && wasm)

// Package cli is the program's headless command line: train, eval, sample,
// export, gallery and the other commands, one file each, and serve, which
// hands over to app/internal/server.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
)

// command is one subcommand of the CLI. Each lives in its own file and
// registers itself from init.
type command struct {
	name  string
	usage string // one line: arguments and what it does
	run   func(args []string, stdout, stderr io.Writer) error
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// defaultCommand runs when no command is given: the page server.
const defaultCommand = "serve"

// Run dispatches a command line and returns the process exit code. Errors
// are one line on stderr, never a stack trace.
func Run(args []string, stdout, stderr io.Writer) int {
	name := defaultCommand
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if name == "help" || name == "-h" || name == "--help" {
		usage(stdout)
		return 0
	}
	c, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "app: unknown command %q (try 'app help')\n", name)
		return 2
	}
	if err := c.run(args, stdout, stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintf(stderr, "app %s: %s\n", name, oneLine(err.Error()))
		return 1
	}
	return 0
}

// Names lists every command, sorted.
func Names() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: app <command> [flags]\n\ncommands:")
	names := Names()
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s  %s\n", width, n, commands[n].usage)
	}
}

// oneLine makes an error one line. Other control characters (a terminal's
// escape sequences, from a file name, a recipe or a link) are shown
// escaped, never sent raw.
func oneLine(s string) string {
	return escapeControls(strings.ReplaceAll(strings.TrimSpace(s), "\n", "; "))
}

// escapeControls writes every control character as \xNN (or \u…).
func escapeControls(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			if r < 0x100 {
				fmt.Fprintf(&b, "\\x%02x", r)
			} else {
				fmt.Fprintf(&b, "\\u%04x", r)
			}
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// newFlags makes a FlagSet that reports errors instead of exiting.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}
