//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
)

// benchAllocs runs core/gan's step benchmarks with -benchmem and returns
// allocs/op per benchmark name (StepW1, StepW2, StepPaperMNIST). Each runs
// about a second, so that the runtime's own rare allocations round away.
// The driver's count for its native windows would include chromedp's
// goroutines, which allocate while the trainer runs; this one is the
// trainer's alone.
func benchAllocs(root string) (map[string]string, error) {
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "^BenchmarkStep", "-benchmem", "-benchtime", "1s", "./core/gan")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOAMD64=v1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("go test -benchmem ./core/gan: %v\n%s", err, out)
	}
	res := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^Benchmark(\w+)(?:-\d+)?\s.*?(\d+) allocs/op`).FindAllSubmatch(out, -1) {
		res[string(m[1])] = string(m[2])
	}
	if len(res) == 0 {
		return nil, fmt.Errorf("go test -benchmem ./core/gan printed no allocs/op:\n%s", out)
	}
	return res, nil
}
