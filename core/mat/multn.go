package mat

// mulTNScalar sets C = Aᵀ·B (or adds it when acc), with A k×m, B k×n, C m×n.
// This is the weight gradient Xᵀ·dY. Both A and B are read a row (one
// sample) at a time: 2 neighbours of A, 4 of B.
func mulTNScalar(c, a, b []float32, m, k, n int, acc bool) {
	mulTNScalarRows(c, a, b, m, k, n, acc, 0, m)
}

// mulTNScalarRows computes rows i0 ≤ i < i1 of C only (i0 even), each as
// mulTNScalar does; for n = 1, all rows.
func mulTNScalarRows(c, a, b []float32, m, k, n int, acc bool, i0, i1 int) {
	if n == 1 {
		// Aᵀ times a column is that column, as a row, times A: the same
		// products (x·y = y·x exactly) summed in the same order, with A
		// read four neighbours at a time.
		mulNNScalar(c, b, a, 1, k, m, acc) // all rows: never split (see parallel.go)
		return
	}
	c, a, b = c[:m*n], a[:k*m], b[:k*n]
	var idx [chunk]int32
	n4 := n &^ 3
	i := i0
	for ; i+2 <= i1; i += 2 {
		c0 := c[i*n : i*n+n]
		c1 := c[i*n+n : i*n+2*n][:len(c0)]
		for p0 := 0; p0 < k && n4 > 0; p0 += chunk {
			p1 := min(p0+chunk, k)
			add := acc || p0 > 0
			nz := p1 - p0
			if n4 >= listMinN {
				nz = nonzeroCols2(&idx, a, m, i, p0, p1)
			}
			if sparse(nz, p1-p0) {
				tnTilesListed(c0[:n4], c1[:n4], a[i:], b, m, n, idx[:nz], add)
			} else {
				tnTiles(c0[:n4], c1[:n4], a[p0*m+i:], b[p0*n:], m, n, p1-p0, add)
			}
		}
		j := n4
		if j+2 <= n {
			r0, r1 := c0[j:j+2:j+2], c1[j:j+2:j+2]
			var s00, s01, s10, s11 float32
			if acc {
				s00, s01, s10, s11 = r0[0], r0[1], r1[0], r1[1]
			}
			ao, bo := i, j
			for p := 0; p < k; p++ {
				ap := a[ao : ao+2 : ao+2]
				bp := b[bo : bo+2 : bo+2]
				x0, x1, b0, b1 := ap[0], ap[1], bp[0], bp[1]
				s00 += float32(x0 * b0)
				s01 += float32(x0 * b1)
				s10 += float32(x1 * b0)
				s11 += float32(x1 * b1)
				ao += m
				bo += n
			}
			r0[0], r0[1], r1[0], r1[1] = s00, s01, s10, s11
			j += 2
		}
		for ; j < n; j++ {
			var s0, s1 float32
			if acc {
				s0, s1 = c0[j], c1[j]
			}
			ao, bo := i, j
			for p := 0; p < k; p++ {
				ap := a[ao : ao+2 : ao+2]
				bv := b[bo]
				s0 += float32(ap[0] * bv)
				s1 += float32(ap[1] * bv)
				ao += m
				bo += n
			}
			c0[j], c1[j] = s0, s1
		}
	}
	if i < i1 {
		c0 := c[i*n : i*n+n]
		j := 0
		for ; j+4 <= n; j += 4 {
			r0 := c0[j : j+4 : j+4]
			var s0, s1, s2, s3 float32
			if acc {
				s0, s1, s2, s3 = r0[0], r0[1], r0[2], r0[3]
			}
			ao, bo := i, j
			for p := 0; p < k; p++ {
				x0 := a[ao]
				bp := b[bo : bo+4 : bo+4]
				s0 += float32(x0 * bp[0])
				s1 += float32(x0 * bp[1])
				s2 += float32(x0 * bp[2])
				s3 += float32(x0 * bp[3])
				ao += m
				bo += n
			}
			r0[0], r0[1], r0[2], r0[3] = s0, s1, s2, s3
		}
		for ; j < n; j++ {
			var s float32
			if acc {
				s = c0[j]
			}
			ao, bo := i, j
			for p := 0; p < k; p++ {
				s += float32(a[ao] * b[bo])
				ao += m
				bo += n
			}
			c0[j] = s
		}
	}
}

// tnTiles runs the 2×4 tiles across c0, c1 (len a multiple of 4) over k
// steps; step p reads a[p*m:][:2] and b[p*n+j:][:4].
func tnTiles(c0, c1, a, b []float32, m, n, k int, acc bool) {
	c1 = c1[:len(c0)]
	for j := 0; j+4 <= len(c0); j += 4 {
		r0, r1 := c0[j:j+4:j+4], c1[j:j+4:j+4]
		var s00, s01, s02, s03, s10, s11, s12, s13 float32
		if acc {
			s00, s01, s02, s03 = r0[0], r0[1], r0[2], r0[3]
			s10, s11, s12, s13 = r1[0], r1[1], r1[2], r1[3]
		}
		ao, bo := 0, j
		for p := 0; p < k; p++ {
			ap := a[ao : ao+2 : ao+2]
			bp := b[bo : bo+4 : bo+4]
			x0, x1 := ap[0], ap[1]
			b0, b1, b2, b3 := bp[0], bp[1], bp[2], bp[3]
			s00 += float32(x0 * b0)
			s01 += float32(x0 * b1)
			s02 += float32(x0 * b2)
			s03 += float32(x0 * b3)
			s10 += float32(x1 * b0)
			s11 += float32(x1 * b1)
			s12 += float32(x1 * b2)
			s13 += float32(x1 * b3)
			ao += m
			bo += n
		}
		r0[0], r0[1], r0[2], r0[3] = s00, s01, s02, s03
		r1[0], r1[1], r1[2], r1[3] = s10, s11, s12, s13
	}
}

// tnTilesListed is tnTiles over the listed steps only (see sparse.go).
func tnTilesListed(c0, c1, a, b []float32, m, n int, list []int32, acc bool) {
	c1 = c1[:len(c0)]
	for j := 0; j+4 <= len(c0); j += 4 {
		r0, r1 := c0[j:j+4:j+4], c1[j:j+4:j+4]
		var s00, s01, s02, s03, s10, s11, s12, s13 float32
		if acc {
			s00, s01, s02, s03 = r0[0], r0[1], r0[2], r0[3]
			s10, s11, s12, s13 = r1[0], r1[1], r1[2], r1[3]
		}
		for _, p := range list {
			ao, bo := int(p)*m, int(p)*n+j
			ap := a[ao : ao+2 : ao+2]
			bp := b[bo : bo+4 : bo+4]
			x0, x1 := ap[0], ap[1]
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
