//go:build !(wasm && goexperiment.simd)

package mat

func sqDistBytes(a, b []byte, bound int) int { return sqDistBytesScalar(a, b, bound) }
