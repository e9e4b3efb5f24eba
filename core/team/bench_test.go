package team

import (
	"fmt"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/internal/cputime"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// W2 in 8 shards trained by a team of replicas — goroutines here, each
// computing alone as a Web Worker does, exchanging the browser's messages
// (each copied into a received buffer, as the worker copies it out of
// JavaScript's) — against one replica alone. Every
// thread's CPU time per step shows what the team costs beyond the work it
// shares; exchange-ms is what the page shows (Team.ExchangeMS):
//
//	go test -run '^$' -bench TeamW2x8 -benchmem ./core/team
func BenchmarkTeamW2x8(b *testing.B) {
	for _, w := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", w), func(b *testing.B) { benchTeam(b, w) })
	}
}

const recipeW2x8 = "data=mnist&seed=1&z=64&prior=gaussian&pack=1&g=256,512&d=512,256&gact=leaky&dact=leaky&batch=64&opt=adam&lrg=0.001&lrd=0.001&shards=8"

func benchTeam(b *testing.B, w int) {
	src := datatest.SparseDigits()
	tm := goroutineTeam(func(recipe.Recipe) (data.Source, error) { return src, nil })
	tm.SetWant(w)
	rc, err := recipe.Parse(recipeW2x8)
	if err != nil {
		b.Fatal(err)
	}
	tr, err := gan.New(rc, src)
	if err != nil {
		b.Fatal(err)
	}
	step := func() {
		if err := tm.Adopt(tr); err != nil {
			b.Fatal(err)
		}
		if err := tr.StepOnce(); err != nil {
			b.Fatal(err)
		}
	}
	for range 3 { // the sync, and every buffer sized
		step()
	}
	b.ReportAllocs()
	cpu0, cpuOK := cputime.Seconds()
	for b.Loop() {
		step()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
	if cpu1, ok := cputime.Seconds(); ok && cpuOK {
		b.ReportMetric((cpu1-cpu0)/float64(b.N)*1e3, "cpu-ms/step")
	}
	b.ReportMetric(tm.ExchangeMS(tr), "exchange-ms")
	if w > 1 && tm.Size(tr) != w {
		b.Fatalf("%d workers trained, %d asked", tm.Size(tr), w)
	}
}
