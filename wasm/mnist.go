package main

import (
	"errors"

	"github.com/ganplayground/ganplayground/core/data"
)

// decodeMNIST reads the MNIST asset (web/data/mnist-train.bin). The format
// belongs to core/data (data.DecodeAsset, on the data branch): until that
// lands here the worker reports MNIST as unavailable.
//
// TODO(merge): return data.DecodeAsset(bytes.NewReader(b)).
var decodeMNIST = func(b []byte) (*data.MNIST, error) {
	return nil, errors.New("this build cannot read the MNIST asset yet (data.DecodeAsset missing)")
}

// mnistURL is where the worker fetches the asset, relative to worker.js.
const mnistURL = "data/mnist-train.bin"
