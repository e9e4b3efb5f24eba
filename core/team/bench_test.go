package team

import (
	"fmt"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/rng"
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
	src := fakeDigits()
	var tm *Team
	tm = New(func(i int) Peer {
		ch := make(chanPeer, 16)
		h := NewHelper(func(m []byte) { tm.Deliver(i, received(m)) }, ch,
			func(recipe.Recipe) (data.Source, error) { return src, nil })
		go func() { h.Run(<-ch) }()
		return ch
	})
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
	cpu0, cpuOK := cpuSeconds()
	for b.Loop() {
		step()
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "steps/s")
	if cpu1, ok := cpuSeconds(); ok && cpuOK {
		b.ReportMetric((cpu1-cpu0)/float64(b.N)*1e3, "cpu-ms/step")
	}
	b.ReportMetric(tm.ExchangeMS(tr), "exchange-ms")
	if w > 1 && tm.Size(tr) != w {
		b.Fatalf("%d workers trained, %d asked", tm.Size(tr), w)
	}
}

// fakeDigits stands in for MNIST: fixed random 28×28 images with about
// MNIST's share of non-zero pixels (the kernels skip zeros).
func fakeDigits() data.Source {
	const n = 256
	r := rng.New(7)
	m := &data.MNIST{Images: make([]uint8, n*784), Labels: make([]uint8, n)}
	for i := range m.Images {
		y, x := i%784/28, i%28
		if y >= 4 && y < 24 && x >= 4 && x < 24 && r.Float64() < 0.38 {
			m.Images[i] = uint8(1 + r.IntN(255))
		}
	}
	for i := range m.Labels {
		m.Labels[i] = uint8(i % 10)
	}
	s, err := m.Subset([]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	if err != nil {
		panic(err)
	}
	return s
}
