//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestSoak trains in the page with autosave every 10 s for SOAK (a Go
// duration, e.g. 30m) and prints, once a minute, the browser's memory:
// the page's JavaScript heap and the resident memory of all of Chromium's
// processes (the worker's WebAssembly memory lives in the renderer), with
// the step and the autosave record's step. Memory must hold flat: the
// last sample within 25% (and 64 MB) of the first after warm-up.
//
//	SOAK=30m E2E=1 go test -count=1 -timeout 40m -run TestSoak -v ./app/e2e
func TestSoak(t *testing.T) {
	d, err := time.ParseDuration(os.Getenv("SOAK"))
	if os.Getenv("E2E") == "" || err != nil {
		t.Skip("long browser test: SOAK=30m E2E=1 go test -run TestSoak ./app/e2e")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	tb := open(t, browser, base+"/#data=ring8&steps=0&run=1")
	waitStore(tb)
	setField(tb, "autosave", "10")
	tb.poll(`document.querySelector('[data-test=status]')?.textContent === "training"`, 60*time.Second)
	pid := chromedp.FromContext(browser).Browser.Process().Pid
	type sample struct {
		min                 int
		step                int
		jsHeap, rss         float64 // MB
		autosaveStep, saves string
	}
	var samples []sample
	start := time.Now()
	for i := 0; ; i++ {
		ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
		heap, err := chromedp.Call(ctx, runtime.GetHeapUsage, cdp.Empty{})
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		step, _ := strconv.Atoi(tb.hook("step"))
		s := sample{min: i, step: step, jsHeap: heap.UsedSize / 1e6, rss: treeRSS(pid) / 1e6,
			autosaveStep: eval[string](tb, `(() => { const li = [...document.querySelectorAll('[data-test=checkpoints] > [data-test=checkpoint]')].find((li) => li.querySelector('[data-test=ckpt-name]').textContent === "autosave"); return li ? li.querySelector('[data-test=ckpt-info]').textContent.split(" · ")[1] : "none" })()`)}
		samples = append(samples, s)
		t.Logf("soak t=%2d min  step %8d  JS heap %6.1f MB  Chromium RSS %7.1f MB  autosave %s  status %s",
			s.min, s.step, s.jsHeap, s.rss, s.autosaveStep, tb.hook("status"))
		if time.Since(start) >= d {
			break
		}
		time.Sleep(time.Until(start.Add(time.Duration(i+1) * time.Minute)))
	}
	if len(samples) < 3 {
		return
	}
	first, last := samples[1], samples[len(samples)-1] // after a minute of warm-up
	if last.step <= first.step || tb.hook("status") != "training" {
		t.Errorf("training stopped: step %d → %d, status %s", first.step, last.step, tb.hook("status"))
	}
	if grow := last.rss - first.rss; grow > 64 && grow > first.rss/4 {
		t.Errorf("Chromium's memory grew from %.1f MB to %.1f MB", first.rss, last.rss)
	}
	if grow := last.jsHeap - first.jsHeap; grow > 16 && grow > first.jsHeap/4 {
		t.Errorf("the page's JS heap grew from %.1f MB to %.1f MB", first.jsHeap, last.jsHeap)
	}
}

// treeRSS is the resident memory, in bytes, of process pid and all its
// descendants (Chromium's renderer, GPU and utility processes).
func treeRSS(pid int) float64 {
	children := map[int][]int{}
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid …: comm may hold spaces, so cut at the last ')'.
		s := string(b)
		rest := s[strings.LastIndexByte(s, ')')+2:]
		f := strings.Fields(rest)
		if len(f) < 2 {
			continue
		}
		me, _ := strconv.Atoi(strings.Fields(s)[0])
		parent, _ := strconv.Atoi(f[1])
		children[parent] = append(children[parent], me)
	}
	total := 0.0
	var walk func(int)
	walk = func(p int) {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/statm", p))
		if err == nil {
			if f := strings.Fields(string(b)); len(f) > 1 {
				pages, _ := strconv.ParseFloat(f[1], 64)
				total += pages * float64(os.Getpagesize())
			}
		}
		for _, c := range children[p] {
			walk(c)
		}
	}
	walk(pid)
	return total
}
