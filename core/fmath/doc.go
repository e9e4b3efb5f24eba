// Package fmath holds the few transcendental functions the trainer needs,
// written in plain Go so that they give bit-identical results natively and
// under WebAssembly.
//
// Why not package math: on amd64 math.Exp and math.Log are assembly, on
// js/wasm they are the pure-Go fallbacks, and the two differ in the last bit.
// A GAN amplifies a last-bit difference into different weights within a few
// hundred steps, which would break the promise that a shared recipe
// reproduces the same model in the browser. The code below is the pure-Go
// algorithm of package math (FreeBSD's msun, via the Go authors, BSD
// licence), with every product wrapped in an explicit float64 conversion so
// that no compiler may fuse it into an FMA (the Go spec allows fusion
// otherwise, and amd64 with GOAMD64=v3 does it).
package fmath
