package main

import "github.com/ganplayground/ganplayground/core/data"

// Where the worker fetches its files, relative to worker.js (written by
// `app mnist-assets -o web/data`): a data set's asset (core/data.Sets),
// and for the quality estimate the held-out images and the classifier.
const (
	dataDir       = "data/"
	mnistURL      = dataDir + data.MNISTAsset
	evalURL       = dataDir + "mnist-eval.bin"
	classifierURL = dataDir + "mnist-classifier.bin"
)
