//go:build !(js && wasm)

package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/gan"
)

// A run whose Adam second moment overflows keeps finite weights; it must
// fail like any divergence and leave the good file it started from
// readable.
// overflowNet pins the network these runs overflow with (the ring8
// defaults the failure was found with), whatever the data set's defaults.
const overflowNet = "data=ring8&seed=1&batch=256&z=2&prior=gaussian&g=128,128,128&d=128,128&dact=leaky&pack=2&mom=0.5&b2=0.999&bias=zero&gema=0&loss=lsgan&decay=1"

func TestOverflowedOptimiserNeverReplacesAGoodFile(t *testing.T) {
	path := tmp(t, "keep.ckpt")
	trainTo(t, path, overflowNet+"&gact=relu&lrg=3&lrd=3&steps=1")
	before, _ := os.ReadFile(path)
	code, _, errs := cli("train", "-quiet", "-from", path, "-recipe", "steps=100", "-o", path)
	if code == 0 || !strings.Contains(errs, "diverged") || !strings.Contains(errs, "left as it was") {
		t.Fatalf("exit %d: %s; want divergence, the file kept", code, errs)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the good file was replaced")
	}
	mustRun(t, nil, "eval", path)
	// A fresh run that overflows at step 2 writes nothing at all.
	fresh := tmp(t, "fresh.ckpt")
	if code, _, errs := cli("train", "-quiet", "-recipe", overflowNet+"&lrg=10&lrd=10&gact=leaky&steps=2", "-o", fresh); code == 0 || !strings.Contains(errs, "not written") {
		t.Fatalf("exit 0: %s", errs)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Fatalf("a diverged run wrote %s (%v)", fresh, err)
	}
}

// -o through a symbolic link writes the file it names and keeps the link.
func TestOutputWritesThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "real"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "real", "model.ckpt")
	link := filepath.Join(dir, "latest.ckpt")
	if err := os.Symlink(filepath.Join("real", "model.ckpt"), link); err != nil { // dangling until the first save
		t.Fatal(err)
	}
	for _, steps := range []string{"3", "5"} {
		trainTo(t, link, small+"&steps="+steps)
		fi, err := os.Lstat(link)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("after steps=%s the link is %v (%v)", steps, fi.Mode(), err)
		}
		var r evalResult
		mustRun(t, &r, "eval", target)
		if want := map[string]int{"3": 3, "5": 5}[steps]; r.Step != want {
			t.Fatalf("target holds step %d, want %d", r.Step, want)
		}
	}
	// sample and export write through links too.
	png := filepath.Join(dir, "real", "samples.png")
	if err := os.Symlink(png, filepath.Join(dir, "s.png")); err != nil {
		t.Fatal(err)
	}
	mustRun(t, nil, "sample", "-n", "10", "-o", filepath.Join(dir, "s.png"), target)
	if fi, err := os.Stat(png); err != nil || fi.Size() == 0 {
		t.Fatalf("sample through a link: %v", err)
	}
}

// A FIFO (like a device or a socket) is not replaced by a regular file;
// the command says why before training.
func TestOutputRefusesNonRegularTargets(t *testing.T) {
	fifo := tmp(t, "pipe.ckpt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	code, _, errs := cli("train", "-quiet", "-recipe", small+"&steps=2", "-o", fifo)
	if code == 0 || !strings.Contains(errs, "named pipe") || !strings.Contains(errs, "not a regular file") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}
	// A device is checked without writing anything (a test that wrote
	// -o /dev/null would, as root, replace the device on a broken build).
	if _, err := outputTarget(os.DevNull); err == nil || !strings.Contains(err.Error(), "a device") {
		t.Fatalf("-o %s: %v", os.DevNull, err)
	}
}

// A .link file is read up to its cap and no further: a huge file costs
// neither its size in memory nor the time to read it, and one linked to
// /dev/zero ends.
func TestLinkReadsAreCapped(t *testing.T) {
	big := tmp(t, "big.link")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(256 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	code, _, errs := cli("eval", big)
	runtime.ReadMemStats(&m1)
	if code == 0 || !strings.Contains(errs, "larger than") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got := m1.TotalAlloc - m0.TotalAlloc; got > 32<<20 {
		t.Fatalf("reading a 256 MiB .link allocated %d MiB", got>>20)
	}
	zero := tmp(t, "zero.link")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := cli("sample", "-n", "4", "-o", tmp(t, "z.npy"), zero); code == 0 || !strings.Contains(errs, "larger than") {
		t.Fatalf("/dev/zero: exit %d: %s", code, errs)
	}
}

// Escape sequences in a recipe's keys, or anywhere in a message, reach
// the terminal quoted.
func TestErrorsQuoteEscapeSequences(t *testing.T) {
	for _, args := range [][]string{
		{"train", "-quiet", "-recipe", "\x1b[2J\x1b[31mred=1", "-o", tmp(t, "a.ckpt")},
		{"eval", tmp(t, "no\x1b]0;title\x07such.ckpt")},
	} {
		code, _, errs := cli(args...)
		if code == 0 {
			t.Fatalf("%q: exit 0", args)
		}
		if strings.ContainsAny(errs, "\x1b\x07") || !strings.Contains(errs, `\x1b`) {
			t.Errorf("%q: stderr %q", args, errs)
		}
	}
}

// −0 is 0: a run made with gdrop=-0 continues with gdrop=0 restated.
func TestFromAcceptsZeroForMinusZero(t *testing.T) {
	path := tmp(t, "z.ckpt")
	trainTo(t, path, small+"&gdrop=-0&steps=2")
	trainTo(t, path, "gdrop=0&steps=3", "-from", path)
}

// steps counts from the start of the run: a limit below the checkpoint's
// step would train nothing, and says so.
func TestFromRefusesStepsBelowTheCheckpoint(t *testing.T) {
	path := tmp(t, "s.ckpt")
	trainTo(t, path, small+"&steps=6")
	code, _, errs := cli("train", "-quiet", "-from", path, "-recipe", "steps=4", "-o", path)
	if code == 0 || !strings.Contains(errs, "below") || !strings.Contains(errs, "step 6") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	trainTo(t, path, "steps=6", "-from", path) // at the step: nothing to do, not an error
}

// Weights near float32's limit are finite, so the checkpoint is valid,
// but its samples overflow: eval and sample must fail, not print scores
// or pictures of NaN.
func TestEvalAndSampleRefuseNonFiniteSamples(t *testing.T) {
	tr, err := gan.FromText(small+"&steps=1", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range tr.G.Params() {
		for i := range p.W {
			p.W[i] = 3e38
		}
	}
	var b bytes.Buffer
	if err := checkpoint.Encode(&b, tr); err != nil {
		t.Fatal(err)
	}
	path := tmp(t, "huge.ckpt")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"eval", path},
		{"sample", "-n", "10", "-o", tmp(t, "x.npy"), path},
		{"sample", "-n", "10", "-o", tmp(t, "x.png"), path},
	} {
		if code, out, errs := cli(args...); code == 0 || !strings.Contains(errs, "not finite") {
			t.Errorf("%v: exit %d: %s %s", args, code, out, errs)
		}
	}
}
