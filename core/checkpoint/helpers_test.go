package checkpoint

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
)

// Recipes the tests run: the default optimiser, and the paper's setup in
// miniature (SGD with momentum ramp and decay, maxout D, dropout on both
// nets, which draws on the shared random stream), plus packing and k > 1.
var (
	adamRecipe  = "batch=16&g=8,8&d=8,8&z=3&seed=11"
	paperRecipe = "batch=16&g=8&d=6&z=4&dact=maxout&pieces=3&gdrop=0.2&ddrop=0.5&ddropin=0.2&opt=sgd&lrg=0.05&lrd=0.05&momramp=7&decay=1.001&prior=uniform&loss=minimax&seed=12"
	wganRecipe  = "batch=16&g=6&d=6&loss=wgan&k=3&pack=2&data=grid25&seed=13"
	tinyRecipe  = "batch=4&g=3&d=3&z=2&seed=14"
)

func newTrainer(t testing.TB, s string) *gan.Trainer {
	t.Helper()
	tr, err := gan.FromText(s, 0)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func train(t testing.TB, tr *gan.Trainer, steps int) {
	t.Helper()
	for i := 0; i < steps; i++ {
		if err := tr.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
}

func encode(t testing.TB, tr *gan.Trainer) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, tr); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// decode reads a checkpoint and attaches its recipe's data source.
func decode(t testing.TB, b []byte) *gan.Trainer {
	t.Helper()
	tr, err := Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	src, err := data.New(tr.Recipe, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Attach(src); err != nil {
		t.Fatal(err)
	}
	return tr
}

// reseal fixes the length and checksum of an edited checkpoint, so that a
// test reaches the checks behind them.
func reseal(b []byte) []byte {
	b = append([]byte(nil), b...)
	body := b[:len(b)-4]
	binary.LittleEndian.PutUint64(body[len(Magic)+4:], uint64(len(body))-uint64(headerLen))
	binary.LittleEndian.PutUint32(b[len(b)-4:], crc32.Checksum(body, castagnoli))
	return b
}
