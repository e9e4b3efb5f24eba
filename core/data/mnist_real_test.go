//go:build !(js && wasm)

package data_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/internal/mnistdir"
)

// The real files, as the paper used them.
func TestRealMNIST(t *testing.T) {
	train, test := mnistdir.Load(t)
	cases := []struct {
		name      string
		m         *data.MNIST
		n         int
		label0    uint8
		mean, tol float64
	}{
		// The well-known normalisation constants: mean 0.1307 over the
		// 60,000 training images, 0.1325 over the test images.
		{"train", train, 60000, 5, 0.1307, 0.0005},
		{"test", test, 10000, 7, 0.1325, 0.0005},
	}
	for _, c := range cases {
		if c.m.Len() != c.n || c.m.Labels[0] != c.label0 {
			t.Errorf("%s: %d images, first label %d; want %d, %d", c.name, c.m.Len(), c.m.Labels[0], c.n, c.label0)
		}
		var sum int
		for _, p := range c.m.Images {
			sum += int(p)
		}
		if mean := float64(sum) / 255 / float64(len(c.m.Images)); mean < c.mean-c.tol || mean > c.mean+c.tol {
			t.Errorf("%s: pixel mean %.4f, want %.4f", c.name, mean, c.mean)
		}
	}
	if tr, va := train.TrainSplit(), train.ValidSplit(); tr.Len() != 50000 || va.Len() != 10000 {
		t.Errorf("splits of %d and %d images", tr.Len(), va.Len())
	}
}

func TestRealAssetRoundTrip(t *testing.T) {
	train, test := mnistdir.Load(t)
	for name, m := range map[string]*data.MNIST{"mnist-train.bin": train, "mnist-test.bin": test} {
		if testing.Short() && m.Len() > 10000 {
			continue
		}
		var b bytes.Buffer
		start := time.Now()
		if err := data.EncodeAsset(&b, m); err != nil {
			t.Fatal(err)
		}
		enc := time.Since(start)
		start = time.Now()
		got, err := data.DecodeAsset(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d images, %d bytes, encode %v, decode %v", name, m.Len(), b.Len(), enc, time.Since(start))
		if !bytes.Equal(got.Images, m.Images) || !bytes.Equal(got.Labels, m.Labels) {
			t.Fatalf("%s: round trip differs", name)
		}
	}
}
