//go:build !(js && wasm)

package e2e

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The page's steps/s on the W2 workload cut into 8 shards, trained by 1
// and by 2 workers, and the training worker's time per step spent
// exchanging gradients (the details panel). Rounds alternate so that a
// busy machine weighs on both alike:
//
//	make wasm assets
//	E2E=1 go test -run '^$' -bench PageWorkers -benchtime 1x ./app/e2e
func BenchmarkPageWorkers(b *testing.B) {
	if os.Getenv("E2E") == "" {
		b.Skip("browser benchmark: E2E=1 after `make wasm assets`")
	}
	root := repoRoot(b)
	if _, err := os.Stat(root + "/web/data/mnist-train.bin"); err != nil {
		b.Fatal("web/data/mnist-train.bin is missing: run `make assets`")
	}
	base := startServer(b, root)
	browser := newBrowser(b)
	const w2 = "data=mnist&seed=1&z=64&prior=gaussian&pack=1&g=256,512&d=512,256&gact=leaky&dact=leaky&batch=64&opt=adam&lrg=0.001&lrd=0.001&shards=8&steps=0"
	const rounds, window = 2, 20 * time.Second
	var sum [3]float64
	var ex [3]float64
	for r := 0; r < rounds; r++ {
		for _, w := range []int{1, 2} {
			ctx, cancel := chromedp.NewContext(browser)
			str := func(js string) string {
				c, stop := context.WithTimeout(ctx, 20*time.Second)
				defer stop()
				v, err := chromedp.Run(c, chromedp.Evaluate[string](js))
				if err != nil {
					b.Fatalf("evaluating %s: %v", js, err)
				}
				return v
			}
			if _, err := chromedp.Run(ctx, chromedp.Navigate(fmt.Sprintf("%s/#%s&workers=%d&run=1", base, w2, w))); err != nil {
				b.Fatal(err)
			}
			stepAt := func() (int, time.Time) {
				s, _ := strconv.Atoi(str(`(document.querySelector('[data-test=step]')||{textContent:"0"}).textContent`))
				return s, time.Now()
			}
			// Warm up: MNIST loads, the helpers start and sync, V8 tiers up.
			for deadline := time.Now().Add(120 * time.Second); ; time.Sleep(200 * time.Millisecond) {
				if s, _ := stepAt(); s >= 10 {
					break
				}
				if time.Now().After(deadline) {
					b.Fatalf("workers=%d: no training after 120 s", w)
				}
			}
			s0, t0 := stepAt()
			time.Sleep(window)
			s1, t1 := stepAt()
			rate := float64(s1-s0) / t1.Sub(t0).Seconds()
			ms, _ := strconv.ParseFloat(str(`(document.querySelector('[data-test=exchange-ms]')||{textContent:"0"}).textContent`), 64)
			b.Logf("round %d, workers=%d: %.2f steps/s, exchange %.1f ms/step (the page says %s workers)", r+1, w, rate, ms, str(`document.querySelector('[data-test=workers]').textContent`))
			sum[w] += rate / rounds
			ex[w] += ms / rounds
			cancel()
		}
	}
	b.ReportMetric(sum[1], "steps/s-1worker")
	b.ReportMetric(sum[2], "steps/s-2workers")
	b.ReportMetric(ex[2], "exchange-ms/step-2workers")
}
