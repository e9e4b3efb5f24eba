//go:build !(js && wasm)

package classify_test

import (
	"os"
	"testing"

	"github.com/ganplayground/ganplayground/core/classify"
	"github.com/ganplayground/ganplayground/core/internal/mnistdir"
)

// The shipped classifier on the 10,000 test images, which it never saw:
// at least 98% right. mnistdir.Load skips under the race detector.
func TestShippedAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("MNIST: skipped with -short")
	}
	b, err := os.ReadFile("../../assets/mnist-classifier.bin")
	if err != nil {
		t.Fatal(err)
	}
	c, err := classify.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	_, test := mnistdir.Load(t)
	if acc := c.Accuracy(test); acc < 0.98 {
		t.Fatalf("test accuracy %.4f, want ≥ 0.98", acc)
	}
	// Decoding refuses a damaged file.
	b[len(b)/2] ^= 1
	if _, err := classify.Unmarshal(b); err == nil {
		t.Error("flipped bit: want an error")
	}
}

// A short run learns: a few hundred images, one epoch well above chance.
func TestTrainLearns(t *testing.T) {
	train, test := mnistdir.Load(t)
	cfg := classify.TrainConfig{Seed: 1, Hidden: []int{32}, Epochs: 2, Batch: 50, LR: 3e-3}
	c, err := classify.Train(cfg, train.Slice(0, 3000), nil)
	if err != nil {
		t.Fatal(err)
	}
	if acc := c.Accuracy(test.Slice(0, 1000)); acc < 0.8 {
		t.Fatalf("accuracy after a short run %.3f, want ≥ 0.8", acc)
	}
	c2, _ := classify.Train(cfg, train.Slice(0, 3000), nil)
	b1, _ := c.MarshalBinary()
	b2, _ := c2.MarshalBinary()
	if string(b1) != string(b2) {
		t.Error("same config, different weights")
	}
	back, err := classify.Unmarshal(b1)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := c.Accuracy(test.Slice(0, 200)), back.Accuracy(test.Slice(0, 200)); a != b {
		t.Errorf("round trip changed accuracy %v → %v", a, b)
	}
}
