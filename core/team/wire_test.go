package team

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The Go side of moving one step's gradients between two workers on the
// W2 nets (D 784→512→256→1, G 64→256→512→784: 8.7 MB a step): for D's
// update and G's, a helper's subtrees and the total back, each encoded and
// decoded. The browser adds a copy into or out of a JavaScript buffer at
// each end of a message (the buffer itself is transferred, not copied):
//
//	go test -run '^$' -bench Wire -benchmem ./core/team
func BenchmarkWire(b *testing.B) {
	rc, err := recipe.Parse("data=mnist&z=64&g=256,512&d=512,256&gact=leaky&batch=64&pack=1&shards=8")
	if err != nil {
		b.Fatal(err)
	}
	src, err := data.New(rc, datatest.RandomMNIST(256))
	if err != nil {
		b.Fatal(err)
	}
	tr, err := gan.New(rc, src)
	if err != nil {
		b.Fatal(err)
	}
	var msg [2][]byte
	step := func(int) {
		msg[0] = appendParts(msg[0][:0], 1, tr, 1, 2)
		if err := readParts(msg[0], tr); err != nil {
			b.Fatal(err)
		}
		msg[1] = appendTotal(msg[1][:0], 1, tr)
		if err := readTotal(msg[1], tr); err != nil {
			b.Fatal(err)
		}
	}
	if err := tr.StepOnce(); err != nil { // sizes every buffer
		b.Fatal(err)
	}
	var bytes int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := tr.StepD(); err != nil { // the shard buffers now hold D's gradient
			b.Fatal(err)
		}
		b.StartTimer()
		step(0)
		bytes = len(msg[0]) + len(msg[1])
		b.StopTimer()
		if err := tr.StepG(); err != nil { // and now G's
			b.Fatal(err)
		}
		b.StartTimer()
		step(1)
		bytes += len(msg[0]) + len(msg[1])
	}
	b.ReportMetric(float64(bytes)/1e6, "MB/step")
}
