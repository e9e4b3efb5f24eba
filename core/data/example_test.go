package data_test

import (
	"bytes"
	"fmt"

	"github.com/ganplayground/ganplayground/core/data"
)

// The browser asset round trip: what the CLI writes to web/data/*.bin and
// the page's worker decodes.
func ExampleDecodeAsset() {
	set := &data.MNIST{
		Images: make([]uint8, 3*data.Pixels),
		Labels: []uint8{5, 0, 4},
	}
	set.Images[data.Pixels+14*data.Side+14] = 255 // one lit pixel in the middle of image 1
	var buf bytes.Buffer
	if err := data.EncodeAsset(&buf, set); err != nil {
		panic(err)
	}
	got, err := data.DecodeAsset(&buf)
	if err != nil {
		panic(err)
	}
	fmt.Println(got.Len(), got.Labels, got.Float32()[data.Pixels+14*data.Side+14])

	_, err = data.DecodeAsset(bytes.NewReader([]byte("GANMNIST, not compressed")))
	fmt.Println(err)
	// Output:
	// 3 [5 0 4] 1
	// data: asset: not gzip: gzip: invalid header
}
