//go:build !(js && wasm)

package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// small is a ring8 recipe that trains in well under a second.
const small = "batch=32&g=16,16&d=16,16&seed=3"

// cli runs the program in-process, as main would.
func cli(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

// mustRun runs a command that must succeed and decodes the JSON of its
// last stdout line into v.
func mustRun(t *testing.T, v any, args ...string) {
	t.Helper()
	code, out, errs := cli(args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if v != nil {
		if err := json.Unmarshal([]byte(lines[len(lines)-1]), v); err != nil {
			t.Fatalf("%v: last line %q is not JSON: %v", args, lines[len(lines)-1], err)
		}
	}
}

func trainTo(t *testing.T, path, recipe string, extra ...string) trainResult {
	t.Helper()
	var r trainResult
	mustRun(t, &r, append([]string{"train", "-quiet", "-recipe", recipe, "-o", path}, extra...)...)
	return r
}

func tmp(t *testing.T, name string) string { return filepath.Join(t.TempDir(), name) }
