package mat

// MulNN sets C = A·B (or adds it when acc), with A m×k, B k×n, C m×n.
func MulNN(c, a, b []float32, m, k, n int, acc bool) {
	c = c[:m*n]
	if !acc {
		clear(c)
	}
	for i := 0; i < m; i++ {
		ci := c[i*n : i*n+n]
		ai := a[i*k : i*k+k]
		for p, av := range ai {
			if av == 0 {
				continue // ReLU outputs and dropout masks are often zero
			}
			bp := b[p*n : p*n+n]
			for j, bv := range bp {
				ci[j] += float32(av * bv)
			}
		}
	}
}

// MulTN sets C = Aᵀ·B (or adds it when acc), with A k×m, B k×n, C m×n.
// This is the weight gradient Xᵀ·dY.
func MulTN(c, a, b []float32, m, k, n int, acc bool) {
	c = c[:m*n]
	if !acc {
		clear(c)
	}
	for p := 0; p < k; p++ {
		ap := a[p*m : p*m+m]
		bp := b[p*n : p*n+n]
		for i, av := range ap {
			if av == 0 {
				continue
			}
			ci := c[i*n : i*n+n]
			for j, bv := range bp {
				ci[j] += float32(av * bv)
			}
		}
	}
}

// MulNT sets C = A·Bᵀ (or adds it when acc), with A m×k, B n×k, C m×n.
// This is the input gradient dY·Wᵀ.
func MulNT(c, a, b []float32, m, k, n int, acc bool) {
	c = c[:m*n]
	for i := 0; i < m; i++ {
		ai := a[i*k : i*k+k]
		for j := 0; j < n; j++ {
			bj := b[j*k : j*k+k]
			var s float32
			for p, av := range ai {
				s += float32(av * bj[p])
			}
			if acc {
				c[i*n+j] += s
			} else {
				c[i*n+j] = s
			}
		}
	}
}
