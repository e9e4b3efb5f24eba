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

// Where the worker fetches its files, relative to worker.js (written by
// `app mnist-assets -o web/data`): the training images, and for the quality
// estimate the held-out images and the classifier.
const (
	mnistURL      = "data/mnist-train.bin"
	evalURL       = "data/mnist-eval.bin"
	classifierURL = "data/mnist-classifier.bin"
)
