package main

import (
	"bytes"

	"github.com/ganplayground/ganplayground/core/data"
)

// decodeMNIST reads the MNIST asset (web/data/mnist-train.bin, written by
// `app mnist-assets`): the strict, bounded decoder of core/data.
var decodeMNIST = func(b []byte) (*data.MNIST, error) {
	return data.DecodeAsset(bytes.NewReader(b))
}

// mnistURL is where the worker fetches the asset, relative to worker.js.
const mnistURL = "data/mnist-train.bin"
