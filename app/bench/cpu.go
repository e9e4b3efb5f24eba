//go:build !(js && wasm)

package main

import (
	"os"
	"strconv"
	"strings"
)

// A window's steps per second depend on what else the machine runs; the
// CPU time the browser spends per step does not, or much less. browserCPU
// reads it from Linux's /proc: every process of the browser (the tabs'
// renderers with their workers, the GPU process that composites frames in
// software, the browser process), so that the page's cost per step —
// worker, main thread, drawing and compositing — can be set against the
// bare worker's on a busy machine.

// clockTicks is /proc's unit of CPU time (USER_HZ, 100 on Linux).
const clockTicks = 100

// browserCPU is the CPU time in seconds used so far by process root and
// its descendants, or 0 where /proc is not readable.
func browserCPU(root int) float64 {
	if root <= 0 {
		return 0
	}
	dirs, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	parent := map[int]int{}
	ticks := map[int]float64{}
	for _, d := range dirs {
		pid, err := strconv.Atoi(d.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue // gone meanwhile
		}
		// pid (comm) state ppid … utime stime: comm may hold spaces.
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 13 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseFloat(f[11], 64)
		st, _ := strconv.ParseFloat(f[12], 64)
		parent[pid], ticks[pid] = ppid, ut+st
	}
	var sum float64
	for pid, t := range ticks {
		for p, n := pid, 0; p > 1 && n < 64; p, n = parent[p], n+1 {
			if p == root {
				sum += t
				break
			}
		}
	}
	return sum / clockTicks
}
