//go:build !(js && wasm)

package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// MNIST's nets make a 13 MB checkpoint, which the page takes in, decodes
// and stores a MiB per task into buffers it keeps (app/ui/tasks.go): two
// saves in a row, each loaded back, give each run's own weights — the
// kept buffers never mix one checkpoint into another.
func TestBigCheckpointSavesAndLoads(t *testing.T) {
	_, base, browser := mnistSetUp(t)
	const n = 6
	tb := openWithScript(t, browser, watchLongTasks, fmt.Sprintf("%s/#data=mnist&seed=5&z=64&g=256,512&d=512,256&batch=64&steps=%d&run=1", base, n))
	waitStore(tb)
	setField(tb, "autosave", "0")
	paused := func(step int) string {
		return fmt.Sprintf(`+document.querySelector('[data-test=step]')?.textContent === %d && document.querySelector('[data-test=status]').textContent !== "training" && document.querySelector('[data-test=fingerprint]').textContent.length === 16`, step)
	}
	tb.poll(paused(n), 300*time.Second)
	fp1 := tb.hook("fingerprint")
	saveAs(tb, "first")
	tb.poll(itemJS("first")+` !== null`, 120*time.Second)
	info := eval[string](tb, itemJS("first")+`.querySelector('[data-test=ckpt-info]').textContent`)
	if !strings.Contains(info, fmt.Sprintf("step %d", n)) || !strings.Contains(info, "MB") {
		t.Errorf("the saved checkpoint reads %q", info)
	}
	// The run from step 0 again, and a second save through the same
	// kept buffers.
	jsClick(tb, "reset")
	tb.poll(paused(0), 120*time.Second)
	fp2 := tb.hook("fingerprint")
	if fp2 == fp1 {
		t.Fatalf("step 0 and step %d have the same fingerprint %s", n, fp1)
	}
	saveAs(tb, "second")
	tb.poll(itemJS("second")+` !== null`, 120*time.Second)
	for _, c := range []struct {
		name, fp string
		step     int
	}{{"first", fp1, n}, {"second", fp2, 0}, {"first", fp1, n}} {
		clickItem(tb, c.name, "ckpt-load")
		tb.poll(paused(c.step)+fmt.Sprintf(` && document.querySelector('[data-test=fingerprint]').textContent === %q`, c.fp), 120*time.Second)
	}
	t.Logf("%s; saved and loaded twice; longest main-thread task since the page loaded, its start included: %.0f ms (wall time, whatever else the machine ran)", info, eval[float64](tb, `Math.max(0, ...window.__longTasks)`))
}

// watchLongTasks keeps the durations of the main thread's long tasks.
const watchLongTasks = `window.__longTasks = []; try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: "longtask", buffered: true }); } catch (e) {}`
