//go:build unix

// Package cputime reads the CPU time this process has used, for the
// step benchmarks: on a machine shared with other work, a step's CPU time
// moves much less than its wall time.
package cputime

import "syscall"

// Seconds is the process's CPU time, user and system, on every thread;
// false where the system does not say.
func Seconds() (float64, bool) {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0, false
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime), true
}
