//go:build !(js && wasm)

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Bad input of every kind: a non-zero exit, nothing on stdout, and one
// line on stderr that says what was wrong (no usage dump, no stack).
func TestBadInputsGiveOneLineErrors(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.ckpt")
	trainTo(t, good, small+"&steps=2")
	raw, _ := os.ReadFile(good)
	truncated := filepath.Join(dir, "truncated.ckpt")
	os.WriteFile(truncated, raw[:len(raw)/2], 0o644)
	flipped := filepath.Join(dir, "flipped.ckpt")
	raw[len(raw)/2] ^= 1
	os.WriteFile(flipped, raw, 0o644)
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("hello\n"), 0o644)
	out := filepath.Join(dir, "out.ckpt")

	cases := []struct {
		args []string
		say  string
	}{
		{[]string{"nonsense"}, `unknown command "nonsense"`},
		{[]string{"train", "-recipe", "steps=5"}, "-o FILE is required"},
		{[]string{"train", "-recipe", "lrg=NaN", "-o", out}, "recipe: lrg: want a number"},
		{[]string{"train", "-recipe", "colour=blue", "-o", out}, "recipe: colour: unknown key"},
		{[]string{"train", "-recipe", "steps=0", "-o", out}, "steps=0 trains forever"},
		{[]string{"train", "-recipe", "data=mnist&steps=5", "-mnist", dir, "-o", out}, "MNIST: "},
		{[]string{"train", "-bogus", "-o", out}, "flag provided but not defined: -bogus"},
		{[]string{"train", "-every", "-1", "-o", out}, "-every -1"},
		{[]string{"train", "-o", out, "extra"}, `unexpected argument "extra"`},
		{[]string{"train", "-o", out, "-from", filepath.Join(dir, "missing.ckpt")}, "no such file"},
		{[]string{"train", "-o", out, "-from", text}, "not a checkpoint"},
		{[]string{"train", "-o", filepath.Join(dir, "no", "such", "dir", "x.ckpt"), "-recipe", "batch=8&g=4&d=4&steps=1"}, "no such file"},
		{[]string{"eval"}, "want one checkpoint or .link file"},
		{[]string{"eval", truncated}, "truncated"},
		{[]string{"eval", flipped}, "checksum mismatch"},
		{[]string{"eval", text}, "not a checkpoint"},
		{[]string{"eval", dir}, "is a directory"},
		{[]string{"sample", "-o", "x.jpg", good}, "want a .png or .npy file"},
		{[]string{"sample", "-n", "0", "-o", "x.png", good}, "-n 0: want 1 to"},
		{[]string{"sample", "-n", "x", "-o", "x.png", good}, "invalid value"},
		{[]string{"sample", "-o", "x.png", text}, "not a checkpoint"},
		{[]string{"sample", "-o", "x.png"}, "want one checkpoint file"},
		{[]string{"mnist-assets"}, "-o DIR is required"},
		{[]string{"mnist-assets", "-o", filepath.Join(dir, "assets"), "-mnist", dir}, "MNIST: "},
	}
	for _, c := range cases {
		code, stdout, stderr := cli(c.args...)
		if code == 0 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.HasSuffix(stderr, "\n") ||
			!strings.Contains(stderr, c.say) || strings.Contains(stderr, "goroutine") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want one line saying %q", c.args, code, stdout, stderr, c.say)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed command wrote its output file")
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"train", "-h"}, {"eval", "-h"}, {"sample", "-h"}} {
		if code, _, stderr := cli(args...); code != 0 || strings.Contains(stderr, "error") {
			t.Errorf("%q: exit %d: %s", args, code, stderr)
		}
	}
}
