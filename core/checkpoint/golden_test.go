package checkpoint

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/*.ckpt (only when the format version changes)")

// Checkpoints committed as files: version 1 must keep reading them, and a
// run must keep writing them byte for byte. Under WASM (make test-wasm)
// this is also the proof that a file saved natively loads in the browser
// and continues to the same weights, and the other way round.
var goldenFiles = []struct {
	file, recipe string
	then         string // fingerprint after 7 more steps
}{
	{"adam-v1.ckpt", adamRecipe, "2fccfbcc891da31f"},
	{"paper-v1.ckpt", paperRecipe, "5f0cb782293b0e02"},
}

func TestGoldenFiles(t *testing.T) {
	for _, g := range goldenFiles {
		path := filepath.Join("testdata", g.file)
		tr := newTrainer(t, g.recipe)
		train(t, tr, 5)
		fresh := encode(t, tr)
		if *updateGolden {
			if err := os.WriteFile(path, fresh, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		stored, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fresh, stored) {
			t.Errorf("%s: a fresh run no longer encodes to the committed file", g.file)
		}
		loaded := decode(t, stored)
		train(t, loaded, 7)
		whole := newTrainer(t, g.recipe)
		train(t, whole, 12)
		if got := loaded.Fingerprint(); got != g.then || whole.Fingerprint() != g.then {
			t.Errorf("%s: continued to %s, uninterrupted run %s, want %s", g.file, got, whole.Fingerprint(), g.then)
		}
	}
}
