//go:build !unix

package gan

// cpuSeconds is not measured here (WebAssembly has no process CPU clock).
func cpuSeconds() (float64, bool) { return 0, false }
