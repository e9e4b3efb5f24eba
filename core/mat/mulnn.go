package mat

// mulNNScalar sets C = A·B (or adds it when acc), with A m×k, B k×n, C m×n.
// This is the forward pass X·W. A's rows are read in place; B is read down
// four columns at a time, n floats apart.
func mulNNScalar(c, a, b []float32, m, k, n int, acc bool) {
	if n == 1 {
		// A times a column: b is laid out as MulNT's one-row B, whose
		// dot-product loop reads it without strides.
		mulNTScalar(c, a, b, m, k, 1, acc)
		return
	}
	c, a, b = c[:m*n], a[:m*k], b[:k*n]
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
				nnTilesListed(c0[:n4], c1[:n4], a0, a1, b, n, idx[:nz], add)
			} else {
				nnTiles(c0[:n4], c1[:n4], a0[p0:p1], a1[p0:p1], b[p0*n:], n, add)
			}
		}
		j := n4
		if j+2 <= n { // G's 2-d output
			r0, r1 := c0[j:j+2:j+2], c1[j:j+2:j+2]
			var s00, s01, s10, s11 float32
			if acc {
				s00, s01, s10, s11 = r0[0], r0[1], r1[0], r1[1]
			}
			o := j
			for p, x0 := range a0 {
				x1 := a1[p]
				bp := b[o : o+2 : o+2]
				b0, b1 := bp[0], bp[1]
				s00 += float32(x0 * b0)
				s01 += float32(x0 * b1)
				s10 += float32(x1 * b0)
				s11 += float32(x1 * b1)
				o += n
			}
			r0[0], r0[1], r1[0], r1[1] = s00, s01, s10, s11
			j += 2
		}
		for ; j < n; j++ {
			var s0, s1 float32
			if acc {
				s0, s1 = c0[j], c1[j]
			}
			o := j
			for p, x0 := range a0 {
				bv := b[o]
				s0 += float32(x0 * bv)
				s1 += float32(a1[p] * bv)
				o += n
			}
			c0[j], c1[j] = s0, s1
		}
	}
	if i < m {
		a0 := a[i*k : i*k+k]
		c0 := c[i*n : i*n+n]
		j := 0
		for ; j+4 <= n; j += 4 {
			r0 := c0[j : j+4 : j+4]
			var s0, s1, s2, s3 float32
			if acc {
				s0, s1, s2, s3 = r0[0], r0[1], r0[2], r0[3]
			}
			o := j
			for _, x0 := range a0 {
				bp := b[o : o+4 : o+4]
				s0 += float32(x0 * bp[0])
				s1 += float32(x0 * bp[1])
				s2 += float32(x0 * bp[2])
				s3 += float32(x0 * bp[3])
				o += n
			}
			r0[0], r0[1], r0[2], r0[3] = s0, s1, s2, s3
		}
		for ; j < n; j++ {
			var s float32
			if acc {
				s = c0[j]
			}
			o := j
			for _, x0 := range a0 {
				s += float32(x0 * b[o])
				o += n
			}
			c0[j] = s
		}
	}
}

// nnTiles runs the 2×4 tiles across c0, c1 (len a multiple of 4) over the
// steps in a0, a1, whose B rows start at b.
func nnTiles(c0, c1, a0, a1, b []float32, n int, acc bool) {
	a1 = a1[:len(a0)]
	c1 = c1[:len(c0)]
	for j := 0; j+4 <= len(c0); j += 4 {
		r0, r1 := c0[j:j+4:j+4], c1[j:j+4:j+4]
		var s00, s01, s02, s03, s10, s11, s12, s13 float32
		if acc {
			s00, s01, s02, s03 = r0[0], r0[1], r0[2], r0[3]
			s10, s11, s12, s13 = r1[0], r1[1], r1[2], r1[3]
		}
		o := j
		for p, x0 := range a0 {
			x1 := a1[p]
			bp := b[o : o+4 : o+4]
			b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
			s00 += float32(x0 * b0)
			s01 += float32(x0 * b1)
			s02 += float32(x0 * b2)
			s03 += float32(x0 * b3)
			s10 += float32(x1 * b0)
			s11 += float32(x1 * b1)
			s12 += float32(x1 * b2)
			s13 += float32(x1 * b3)
			o += n
		}
		r0[0], r0[1], r0[2], r0[3] = s00, s01, s02, s03
		r1[0], r1[1], r1[2], r1[3] = s10, s11, s12, s13
	}
}

// nnTilesListed is nnTiles over the listed steps only (see sparse.go).
func nnTilesListed(c0, c1, a0, a1, b []float32, n int, list []int32, acc bool) {
	a1 = a1[:len(a0)]
	c1 = c1[:len(c0)]
	for j := 0; j+4 <= len(c0); j += 4 {
		r0, r1 := c0[j:j+4:j+4], c1[j:j+4:j+4]
		var s00, s01, s02, s03, s10, s11, s12, s13 float32
		if acc {
			s00, s01, s02, s03 = r0[0], r0[1], r0[2], r0[3]
			s10, s11, s12, s13 = r1[0], r1[1], r1[2], r1[3]
		}
		for _, p := range list {
			x0, x1 := a0[p], a1[p]
			o := int(p)*n + j
			bp := b[o : o+4 : o+4]
			b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
			s00 += float32(x0 * b0)
			s01 += float32(x0 * b1)
			s02 += float32(x0 * b2)
			s03 += float32(x0 * b3)
			s10 += float32(x1 * b0)
			s11 += float32(x1 * b1)
			s12 += float32(x1 * b2)
			s13 += float32(x1 * b3)
		}
		r0[0], r0[1], r0[2], r0[3] = s00, s01, s02, s03
		r1[0], r1[1], r1[2], r1[3] = s10, s11, s12, s13
	}
}
