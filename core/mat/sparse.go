package mat

// Zero skipping. A term whose A factor is zero adds ±0, which leaves a sum
// unchanged (a sum that starts at +0 can never become −0), so it may be
// skipped without changing the result: the naive loops did, and the golden
// fingerprints were made with it. The only inputs where skipping shows are
// an accumulator that already holds −0 or a B holding Inf or NaN; the choice
// to skip depends on the data alone, so even then both platforms agree.
//
// It pays on real inputs: MNIST images are ≈80% zero, with border pixels
// zero in every image, and ReLU, dropout and maxout's gradient scatter
// leave many zeros. Tiles read two rows of A at once, so a step of the
// inner loop can be skipped only when both values are zero. The kernels
// list those steps a chunk at a time and switch to the listed loop when at
// most half survive; otherwise the indirection (≈1.5× per step in WASM)
// costs more than it saves.

// chunk bounds the stack-allocated list of surviving steps.
const chunk = 256

// listMinN is the fewest columns worth listing for: the listing pass costs
// about half a tile step per step, repaid over n/4 tiles.
const listMinN = 64

// nonzero2 writes to idx the p0+t for which x[t] or y[t] is nonzero, and
// returns their count. len(x) = len(y) ≤ chunk.
func nonzero2(idx *[chunk]int32, x, y []float32, p0 int) int {
	y = y[:len(x)]
	nz := 0
	for t, v := range x {
		idx[nz&(chunk-1)] = int32(p0 + t)
		if v != 0 || y[t] != 0 {
			nz++
		}
	}
	return nz
}

// nonzeroCols2 is nonzero2 for two neighbouring columns i, i+1 of a (rows
// of width m), over rows p0 ≤ p < p1 (p1−p0 ≤ chunk).
func nonzeroCols2(idx *[chunk]int32, a []float32, m, i, p0, p1 int) int {
	nz := 0
	for p := p0; p < p1; p++ {
		ap := a[p*m+i : p*m+i+2 : p*m+i+2]
		idx[nz&(chunk-1)] = int32(p)
		if ap[0] != 0 || ap[1] != 0 {
			nz++
		}
	}
	return nz
}

// sparse reports whether the listed loop pays for nz of n steps.
func sparse(nz, n int) bool { return 2*nz <= n }
