//go:build !(js && wasm)

package main

import (
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"
)

// A busy child's CPU time counts toward its parent's tree: the test
// process spins a child for 0.3 s of CPU and sees its tree's time grow
// by about that much.
func TestBrowserCPUCountsDescendants(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	if os.Getenv("BENCH_CPU_CHILD") != "" {
		for t0 := time.Now(); time.Since(t0) < 300*time.Millisecond; {
		}
		return
	}
	self := os.Getpid()
	before := browserCPU(self)
	cmd := exec.Command(os.Args[0], "-test.run=^TestBrowserCPUCountsDescendants$")
	cmd.Env = append(os.Environ(), "BENCH_CPU_CHILD=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Read while the child lives (a reaped child's time leaves the tree).
	time.Sleep(250 * time.Millisecond)
	during := browserCPU(self)
	cmd.Wait()
	if during-before < 0.05 {
		t.Errorf("the tree's CPU time grew by %.2f s while a child spun, want > 0.05", during-before)
	}
	if browserCPU(0) != 0 {
		t.Error("no root: want 0")
	}
}
