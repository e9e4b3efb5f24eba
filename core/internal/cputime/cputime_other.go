//go:build !unix

// Package cputime reads the CPU time this process has used, for the
// step benchmarks: on a machine shared with other work, a step's CPU time
// moves much less than its wall time.
package cputime

// Seconds is not measured here (WebAssembly has no process CPU clock).
func Seconds() (float64, bool) { return 0, false }
