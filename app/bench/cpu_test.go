//go:build !(js && wasm)

package main

import (
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// A busy child's CPU time counts toward its parent's tree: the test
// process spins a child and sees its tree's time grow by more than its
// own, waiting as long as a loaded machine takes to run the child.
func TestBrowserCPUCountsDescendants(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	if os.Getenv("BENCH_CPU_CHILD") != "" {
		// Spin until the parent has seen the time (it kills this child),
		// however long a loaded machine takes to give it 0.05 s of CPU.
		for t0 := time.Now(); time.Since(t0) < time.Minute; {
		}
		return
	}
	self := os.Getpid()
	before, ownBefore := browserCPU(self), ownCPU()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBrowserCPUCountsDescendants$")
	cmd.Env = append(os.Environ(), "BENCH_CPU_CHILD=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Read while the child lives (a reaped child's time leaves the tree);
	// this process's own time (the polling) does not count.
	grew := 0.0
	for t0 := time.Now(); grew < 0.05 && time.Since(t0) < 50*time.Second; time.Sleep(50 * time.Millisecond) {
		grew = browserCPU(self) - before - (ownCPU() - ownBefore)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if grew < 0.05 {
		t.Errorf("the tree's CPU time grew by %.2f s while a child spun, want > 0.05", grew)
	}
	if browserCPU(0) != 0 {
		t.Error("no root: want 0")
	}
}

// ownCPU is this process's user and system time in seconds.
func ownCPU() float64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return float64(u.Utime.Nano()+u.Stime.Nano()) / 1e9
}
