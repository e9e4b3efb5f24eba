// Package assets holds the bundled models: the MNIST classifier behind
// eval's digit shares and fd_classifier (embedded here), and the gallery
// generators with the recipes that made them (gallery.go, gallery/; the
// Makefile's gallery target rebuilds them).
package assets

import _ "embed"

// MNISTClassifier is mnist-classifier.bin, made by `make classifier`
// (`app train-classifier -seed 1 -o assets/mnist-classifier.bin`).
//
//go:embed mnist-classifier.bin
var MNISTClassifier []byte
