// Package team trains one run on several workers that share no memory
// (the browser's Web Workers): the training worker's Team and each helper
// worker's Helper hold replicas of the same trainer (core/gan's sharded
// path, recipe shards > 1) and exchange the shards' gradient sums as
// messages of bytes. It is pure Go: wasm/ only moves the bytes between
// postMessage and these types, and the tests here run the same messages
// between goroutines.
package team
