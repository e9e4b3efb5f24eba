package checkpoint

import (
	"bytes"
	"io"
	"testing"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// The default ring8 model, and the paper's MNIST nets (G 1200-1200 ReLU,
// D 240-240 maxout×5, SGD): what the page saves and loads.
var benchRecipes = []struct{ name, recipe string }{
	{"ring8", ""},
	{"mnist-paper", "data=mnist&z=100&g=1200,1200&d=240,240&dact=maxout&pieces=5&opt=sgd&batch=100"},
}

func benchTrainer(b *testing.B, s string) *gan.Trainer {
	rc, err := recipe.Parse(s)
	if err != nil {
		b.Fatal(err)
	}
	t, err := gan.Build(rc)
	if err != nil {
		b.Fatal(err)
	}
	return t
}

func BenchmarkEncode(b *testing.B) {
	for _, c := range benchRecipes {
		b.Run(c.name, func(b *testing.B) {
			t := benchTrainer(b, c.recipe)
			var n countingWriter
			Encode(&n, t)
			b.SetBytes(int64(n))
			b.ResetTimer()
			for b.Loop() {
				if err := Encode(io.Discard, t); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, c := range benchRecipes {
		b.Run(c.name, func(b *testing.B) {
			var buf bytes.Buffer
			if err := Encode(&buf, benchTrainer(b, c.recipe)); err != nil {
				b.Fatal(err)
			}
			raw := buf.Bytes()
			b.SetBytes(int64(len(raw)))
			b.ResetTimer()
			for b.Loop() {
				if _, err := Decode(bytes.NewReader(raw)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
