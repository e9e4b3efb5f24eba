//go:build unix

package cli

import (
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Ctrl-C during train saves the run where it is, and says so.
func TestInterruptSaves(t *testing.T) {
	// The test's own subscription keeps SIGINT from killing the test
	// binary before train subscribes.
	guard := make(chan os.Signal, 64)
	signal.Notify(guard, os.Interrupt)
	defer signal.Stop(guard)

	file := tmp(t, "a.ckpt")
	type result struct {
		code int
		errs string
	}
	done := make(chan result, 1)
	go func() {
		code, _, errs := cli("train", "-quiet", "-recipe", small+"&steps=100000000", "-o", file)
		done <- result{code, errs}
	}()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var r result
wait:
	for {
		select {
		case r = <-done:
			break wait
		case <-tick.C:
			syscall.Kill(os.Getpid(), syscall.SIGINT)
		}
	}
	m := regexp.MustCompile(`interrupted at step (\d+); saved to`).FindStringSubmatch(r.errs)
	if r.code == 0 || m == nil {
		t.Fatalf("exit %d, stderr %q", r.code, r.errs)
	}
	var ev evalResult
	mustRun(t, &ev, "eval", file)
	if step, _ := strconv.Atoi(m[1]); ev.Step != step {
		t.Fatalf("file at step %d, message says %s", ev.Step, m[1])
	}
}
