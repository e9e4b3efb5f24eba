//go:build !(js && wasm)

package main

import (
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/app/bench/measure"
)

func windows(rates ...float64) implResult {
	var r implResult
	for _, s := range rates {
		r.Windows = append(r.Windows, measure.Window{Steps: int(s * 10), Sec: 10})
	}
	return r
}

// The ratio pairs windows of the same round: a round slowed for both
// implementations (the second here) does not move it.
func TestPairedRatio(t *testing.T) {
	if got := pairedRatio(windows(10, 2, 12), windows(5, 1, 6)); got != 2 {
		t.Errorf("paired ratio %v, want 2", got)
	}
	if got := median([]float64{3, 1, 2, 10}); got != 2.5 {
		t.Errorf("median %v, want 2.5", got)
	}
}

// The report says which targets are met and which are missed.
func TestReportVerdicts(t *testing.T) {
	pg := windows(2.4, 2.4, 2.4)
	pg.Shown = []float64{2.5, 2.3, 2.4}
	pg.Long, pg.Reports, pg.Views, pg.Charts, pg.Sec = 62, 60, 20, 10, 10
	pg.TaskCPU, pg.TaskWall, pg.TaskWhat = 21, 140, "TimerFire 20 ms"
	pg.CPUPerStep = []float64{0.5, 0.4, 0.5}
	gw := windows(3, 3, 3)
	gw.CPUPerStep = []float64{0.45, 0.4, 0.4}
	res := []workloadResult{{
		W:     measure.Workload{Name: "W2"},
		FLOPs: 1e9,
		Impl: map[string]implResult{
			"go": gw, "go-scalar": windows(1, 1, 1), page: pg, "tfjs-wasm": windows(2, 2, 2), "tfjs-cpu": windows(0.5, 0.5, 0.5), native: windows(4, 4, 4),
		},
	}}
	var b strings.Builder
	printReport(&b, config{windows: 3, window: time.Second, warm: time.Second}, "test browser", res, nil, nil, map[string]string{"StepW2": "0"})
	out := b.String()
	for _, want := range []string{"1.50× (≥ 2: MISSED)", "6.00× (≥ 5: met)", "0.75× (≥ 0.6: met)", "| W2 | 1000.0 | 3.00 [3.00–3.00] (3.00) | 1.00 [1.00–1.00] (1.00) | 2.40 [2.40–2.40] (2.40) |",
		"| page / Go worker | 0.80× (≥ 0.9: MISSED) |", "| page / TF.js wasm | 1.20× (≥ 3: MISSED) |", "| Go worker: SIMD / scalar build | 3.00× |",
		"W2 2.40 (3 readings)", "StepW2 0;", "(target ≤ 50 ms; 0: none over 50): W2 62 ms;", "does not stretch as it does the wall time above): W2 21 ms (its wall time 140 ms; in it: TimerFire 20 ms);", "per second while it trained: W2 6.0, 2.0, 1.0;", "whatever else the machine runs: W2 0.90×;"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
}

// The workers row pairs the page on two workers with the page on one, and
// the page on one with the bare Go worker, round by round.
func TestWorkersRow(t *testing.T) {
	res := []workloadResult{{W: workersWorkload, Impl: map[string]implResult{
		"go": windows(4, 4), pageW1: windows(3.6, 4), pageW2: windows(6.3, 7.4), native: windows(5, 5),
	}}}
	var b strings.Builder
	printWorkers(&b, res)
	if want := "| W2x8 | 4.00 [4.00–4.00] | 3.80 [3.60–4.00] | 6.85 [6.30–7.40] | 5.00 [5.00–5.00] | 1.80× | 0.95× |"; !strings.Contains(b.String(), want) {
		t.Errorf("workers row:\n%s\nwant %s", b.String(), want)
	}
}

// With only data sets run (-only mnist), the benchmark workloads' tables
// are left out rather than printed empty; the data set's page figures stay.
func TestReportWithOnlyADataSet(t *testing.T) {
	pg := windows(40, 42)
	pg.Shown, pg.Sec = []float64{41}, 6
	res := []workloadResult{{W: measure.Workload{Name: "mnist"}, Impl: map[string]implResult{"go": windows(55, 56), page: pg, native: windows(44, 43)}}}
	var b strings.Builder
	printReport(&b, config{windows: 2, window: time.Second, warm: time.Second}, "test browser", res, nil, nil, nil)
	out := b.String()
	if strings.Contains(out, "| workload | MFLOP/step |") || strings.Contains(out, "| ratio: median over rounds") {
		t.Errorf("empty workload tables printed:\n%s", out)
	}
	if !strings.Contains(out, "median mnist 41.0 (1 readings)") {
		t.Errorf("the page's own figure for mnist is missing:\n%s", out)
	}
	res = append(res, workloadResult{W: measure.Workload{Name: "W1"}, FLOPs: 26e6, Impl: map[string]implResult{"go": windows(100)}})
	b.Reset()
	printReport(&b, config{windows: 2, window: time.Second, warm: time.Second}, "test browser", res, nil, nil, nil)
	if !strings.Contains(b.String(), "| W1 | 26.0 | 100 [100–100] (2.60) |") {
		t.Errorf("W1's row is missing:\n%s", b.String())
	}
}
