package mat

// mulNTScalar sets C = A·Bᵀ (or adds it when acc), with A m×k, B n×k, C m×n.
// This is the input gradient dY·Wᵀ. Every operand is a contiguous row, so
// each tile is 2×4 dot products read straight through.
func mulNTScalar(c, a, b []float32, m, k, n int, acc bool) {
	if k == 1 && n > 1 {
		// An outer product: B's one column is laid out as MulNN's one-row
		// B, and MulNN's tiles need no per-row set-up.
		mulNNScalar(c, a, b, m, 1, n, acc)
		return
	}
	c, a, b = c[:m*n], a[:m*k], b[:n*k]
	var idx [chunk]int32
	n4 := n &^ 3
	i := 0
	for ; i+2 <= m; i += 2 {
		a0 := a[i*k : i*k+k]
		a1 := a[i*k+k : i*k+2*k][:len(a0)]
		c0 := c[i*n : i*n+n]
		c1 := c[i*n+n : i*n+2*n][:len(c0)]
		for p0 := 0; p0 < k && n4 > 0; p0 += chunk {
			p1 := min(p0+chunk, k)
			add := acc || p0 > 0
			nz := p1 - p0
			if n4 >= listMinN {
				nz = nonzero2(&idx, a0[p0:p1], a1[p0:p1], p0)
			}
			if sparse(nz, p1-p0) {
				ntTilesListed(c0[:n4], c1[:n4], a0, a1, b, k, idx[:nz], add)
			} else {
				ntTiles(c0[:n4], c1[:n4], a0[p0:p1], a1[p0:p1], b[p0:], k, add)
			}
		}
		j := n4
		if j+2 <= n { // D's 2-d input, in the G step
			b0 := b[j*k : j*k+k][:len(a0)]
			b1 := b[j*k+k : j*k+2*k][:len(a0)]
			r0, r1 := c0[j:j+2:j+2], c1[j:j+2:j+2]
			var s00, s01, s10, s11 float32
			if acc {
				s00, s01, s10, s11 = r0[0], r0[1], r1[0], r1[1]
			}
			for p, x0 := range a0 {
				x1, y0, y1 := a1[p], b0[p], b1[p]
				s00 += float32(x0 * y0)
				s01 += float32(x0 * y1)
				s10 += float32(x1 * y0)
				s11 += float32(x1 * y1)
			}
			r0[0], r0[1], r1[0], r1[1] = s00, s01, s10, s11
			j += 2
		}
		for ; j < n; j++ {
			b0 := b[j*k : j*k+k][:len(a0)]
			var s0, s1 float32
			if acc {
				s0, s1 = c0[j], c1[j]
			}
			for p, x0 := range a0 {
				y := b0[p]
				s0 += float32(x0 * y)
				s1 += float32(a1[p] * y)
			}
			c0[j], c1[j] = s0, s1
		}
	}
	if i < m {
		a0 := a[i*k : i*k+k]
		c0 := c[i*n : i*n+n]
		j := 0
		for ; j+4 <= n; j += 4 {
			b0 := b[j*k : j*k+k][:len(a0)]
			b1 := b[j*k+k : j*k+2*k][:len(a0)]
			b2 := b[j*k+2*k : j*k+3*k][:len(a0)]
			b3 := b[j*k+3*k : j*k+4*k][:len(a0)]
			r0 := c0[j : j+4 : j+4]
			var s0, s1, s2, s3 float32
			if acc {
				s0, s1, s2, s3 = r0[0], r0[1], r0[2], r0[3]
			}
			for p, x0 := range a0 {
				s0 += float32(x0 * b0[p])
				s1 += float32(x0 * b1[p])
				s2 += float32(x0 * b2[p])
				s3 += float32(x0 * b3[p])
			}
			r0[0], r0[1], r0[2], r0[3] = s0, s1, s2, s3
		}
		for ; j < n; j++ {
			b0 := b[j*k : j*k+k][:len(a0)]
			var s float32
			if acc {
				s = c0[j]
			}
			for p, x0 := range a0 {
				s += float32(x0 * b0[p])
			}
			c0[j] = s
		}
	}
}

// ntTiles runs the 2×4 tiles across c0, c1 (len a multiple of 4) over the
// steps in a0, a1; B's row j starts at b[j*k].
func ntTiles(c0, c1, a0, a1, b []float32, k int, acc bool) {
	a1 = a1[:len(a0)]
	c1 = c1[:len(c0)]
	for j := 0; j+4 <= len(c0); j += 4 {
		b0 := b[j*k:][:len(a0)]
		b1 := b[j*k+k:][:len(a0)]
		b2 := b[j*k+2*k:][:len(a0)]
		b3 := b[j*k+3*k:][:len(a0)]
		r0, r1 := c0[j:j+4:j+4], c1[j:j+4:j+4]
		var s00, s01, s02, s03, s10, s11, s12, s13 float32
		if acc {
			s00, s01, s02, s03 = r0[0], r0[1], r0[2], r0[3]
			s10, s11, s12, s13 = r1[0], r1[1], r1[2], r1[3]
		}
		for p, x0 := range a0 {
			x1 := a1[p]
			y0, y1, y2, y3 := b0[p], b1[p], b2[p], b3[p]
			s00 += float32(x0 * y0)
			s01 += float32(x0 * y1)
			s02 += float32(x0 * y2)
			s03 += float32(x0 * y3)
			s10 += float32(x1 * y0)
			s11 += float32(x1 * y1)
			s12 += float32(x1 * y2)
			s13 += float32(x1 * y3)
		}
		r0[0], r0[1], r0[2], r0[3] = s00, s01, s02, s03
		r1[0], r1[1], r1[2], r1[3] = s10, s11, s12, s13
	}
}

// ntTilesListed is ntTiles over the listed steps only (see sparse.go).
func ntTilesListed(c0, c1, a0, a1, b []float32, k int, list []int32, acc bool) {
	a1 = a1[:len(a0)]
	c1 = c1[:len(c0)]
	for j := 0; j+4 <= len(c0); j += 4 {
		b0 := b[j*k:][:len(a0)]
		b1 := b[j*k+k:][:len(a0)]
		b2 := b[j*k+2*k:][:len(a0)]
		b3 := b[j*k+3*k:][:len(a0)]
		r0, r1 := c0[j:j+4:j+4], c1[j:j+4:j+4]
		var s00, s01, s02, s03, s10, s11, s12, s13 float32
		if acc {
			s00, s01, s02, s03 = r0[0], r0[1], r0[2], r0[3]
			s10, s11, s12, s13 = r1[0], r1[1], r1[2], r1[3]
		}
		for _, p := range list {
			x0, x1 := a0[p], a1[p]
			y0, y1, y2, y3 := b0[p], b1[p], b2[p], b3[p]
			s00 += float32(x0 * y0)
			s01 += float32(x0 * y1)
			s02 += float32(x0 * y2)
			s03 += float32(x0 * y3)
			s10 += float32(x1 * y0)
			s11 += float32(x1 * y1)
			s12 += float32(x1 * y2)
			s13 += float32(x1 * y3)
		}
		r0[0], r0[1], r0[2], r0[3] = s00, s01, s02, s03
		r1[0], r1[1], r1[2], r1[3] = s10, s11, s12, s13
	}
}
