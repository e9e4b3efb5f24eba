//go:build wasm && goexperiment.simd

package mat

import "simd/archsimd"

// The WebAssembly SIMD build (GOEXPERIMENT=simd) computes the products with
// 128-bit vectors of four float32. Each lane does what the scalar kernels do
// for one element of C: a multiply rounded to float32 (f32x4.mul), then an
// add rounded to float32 (f32x4.add), over the inner index in order. There
// is no fused multiply-add (WebAssembly SIMD has none outside the relaxed
// set, and archsimd's MulAdd is emulated with these same two roundings), so
// every element is bit for bit the scalar kernels' — and the native build's.
//
// How the kernels are fast. C is worked in blocks of four rows. For each
// chunk of the inner index, the four rows' A values are copied into a small
// panel, step after step, leaving out the steps where all four are zero
// (their products would add ±0, see sparse.go); a list keeps each surviving
// step's index. The panel lives on the stack, so nothing is allocated, and
// it makes the three products one of two register tiles:
//
//   - MulNN and MulTN (B is k×n, read a row at a time): 4 rows × 8 columns
//     of C in eight vector accumulators; per step, two vector loads of B and
//     four broadcasts from the panel, for 32 multiply-adds.
//   - MulNT (B is n×k, so a column of C reads a row of B): 4 rows × 8
//     columns of C held as eight column vectors; per step, one vector load
//     from the panel and eight broadcasts of B, for 32 multiply-adds; the
//     columns are written back transposed once per chunk.
//
// Rows past m (when m is not a multiple of 4) are padded with zeros in the
// panel and alias row 0 of the block; every block writes its rows from the
// last to the first, so row 0's correct values land last. Column edges use a
// 4-wide tile, then single columns in scalar code with the same order.
// Vector shapes (n < 4) go to the scalar kernels, which read them without
// strides.

type vec = archsimd.Float32x4

func ld(s []float32, o int) vec { return archsimd.LoadFloat32x4Array((*[4]float32)(s[o : o+4])) }

func st(v vec, s []float32, o int) { v.StoreArray((*[4]float32)(s[o : o+4])) }

func bc(x float32) vec { return archsimd.BroadcastFloat32x4(x) }

// zeroRow stands in for A's missing rows in a block's panel.
var zeroRow [chunk]float32

// panel holds, per surviving step t of a chunk, the block's four A values
// at panel.v[4t:4t+4], and the step's index in A at panel.p[t].
type panel struct {
	v [4 * chunk]float32
	p [chunk]int32
}

// packRows fills pn from rows a0..a3 (the block's rows of A over one chunk,
// len(a0) ≤ chunk, read along the inner index), whose first step is p0, and
// returns the number of steps kept: all of them unless skip, else those
// where some row is nonzero.
func (pn *panel) packRows(a0, a1, a2, a3 []float32, p0 int, skip bool) int {
	a1, a2, a3 = a1[:len(a0)], a2[:len(a0)], a3[:len(a0)]
	nz := 0
	for t, x0 := range a0 {
		x1, x2, x3 := a1[t], a2[t], a3[t]
		o := (nz & (chunk - 1)) * 4
		v := pn.v[o : o+4 : o+4]
		v[0], v[1], v[2], v[3] = x0, x1, x2, x3
		pn.p[nz&(chunk-1)] = int32(p0 + t)
		if !skip || x0 != 0 || x1 != 0 || x2 != 0 || x3 != 0 {
			nz++
		}
	}
	return nz
}

// packCols is packRows for four neighbouring columns i..i+3 of A (rows of
// width m, only `cols` of them real) over the rows p0 ≤ p < p1.
func (pn *panel) packCols(a []float32, m, i, cols, p0, p1 int, skip bool) int {
	nz := 0
	for p := p0; p < p1; p++ {
		var x0, x1, x2, x3 float32
		if cols == 4 {
			ap := a[p*m+i : p*m+i+4 : p*m+i+4]
			x0, x1, x2, x3 = ap[0], ap[1], ap[2], ap[3]
		} else {
			ap := a[p*m+i : p*m+i+cols]
			x0 = ap[0]
			if cols > 1 {
				x1 = ap[1]
			}
			if cols > 2 {
				x2 = ap[2]
			}
		}
		o := (nz & (chunk - 1)) * 4
		v := pn.v[o : o+4 : o+4]
		v[0], v[1], v[2], v[3] = x0, x1, x2, x3
		pn.p[nz&(chunk-1)] = int32(p)
		if !skip || x0 != 0 || x1 != 0 || x2 != 0 || x3 != 0 {
			nz++
		}
	}
	return nz
}

// blockRows returns the block's four rows of a matrix with rows of width w
// starting at row i, of which m exist: missing rows are row i again (for C,
// see above) or, when pad is non-nil, pad.
func blockRows(s []float32, w, i, m int, pad []float32) (r0, r1, r2, r3 []float32) {
	r0 = s[i*w : i*w+w]
	r1, r2, r3 = r0, r0, r0
	if pad != nil {
		r1, r2, r3 = pad, pad, pad
	}
	if i+1 < m {
		r1 = s[i*w+w : i*w+2*w]
	}
	if i+2 < m {
		r2 = s[i*w+2*w : i*w+3*w]
	}
	if i+3 < m {
		r3 = s[i*w+3*w : i*w+4*w]
	}
	return
}

func mulNN(c, a, b []float32, m, k, n int, acc bool) {
	if n < 4 || k == 0 {
		mulNNScalar(c, a, b, m, k, n, acc)
		return
	}
	c, a, b = c[:m*n], a[:m*k], b[:k*n]
	var pn panel
	skip := n >= listMinN
	for i := 0; i < m; i += 4 {
		c0, c1, c2, c3 := blockRows(c, n, i, m, nil)
		a0, a1, a2, a3 := blockRows(a, k, i, m, zeroRow[:])
		for p0 := 0; p0 < k; p0 += chunk {
			p1 := min(p0+chunk, k)
			pad := zeroRow[:p1-p0]
			r1, r2, r3 := pad, pad, pad
			if i+1 < m {
				r1 = a1[p0:p1]
			}
			if i+2 < m {
				r2 = a2[p0:p1]
			}
			if i+3 < m {
				r3 = a3[p0:p1]
			}
			nz := pn.packRows(a0[p0:p1], r1, r2, r3, p0, skip)
			tilesB(c0, c1, c2, c3, &pn, nz, b, n, acc || p0 > 0)
		}
	}
}

func mulTN(c, a, b []float32, m, k, n int, acc bool) { mulTNRows(c, a, b, m, k, n, acc, 0, m) }

// mulTNRows computes rows i0 ≤ i < i1 of C only (i0 a multiple of 4), each
// as mulTN does; for n = 1, all rows.
func mulTNRows(c, a, b []float32, m, k, n int, acc bool, i0, i1 int) {
	if n == 1 {
		// As in the scalar kernel: the same products, A read as B's row.
		mulNN(c, b, a, 1, k, m, acc)
		return
	}
	if n < 4 || k == 0 {
		mulTNScalarRows(c, a, b, m, k, n, acc, i0, i1)
		return
	}
	c, a, b = c[:m*n], a[:k*m], b[:k*n]
	var pn panel
	skip := n >= listMinN
	for i := i0; i < i1; i += 4 {
		c0, c1, c2, c3 := blockRows(c, n, i, i1, nil)
		for p0 := 0; p0 < k; p0 += chunk {
			p1 := min(p0+chunk, k)
			nz := pn.packCols(a, m, i, min(4, i1-i), p0, p1, skip)
			tilesB(c0, c1, c2, c3, &pn, nz, b, n, acc || p0 > 0)
		}
	}
}

// tilesB adds to rows c0..c3 (when add; else it sets them to) the products
// of the panel's first nz steps with the rows of B (k×n) they list.
func tilesB(c0, c1, c2, c3 []float32, pn *panel, nz int, b []float32, n int, add bool) {
	c0 = c0[:n]
	c1, c2, c3 = c1[:len(c0)], c2[:len(c0)], c3[:len(c0)]
	list := pn.p[:nz]
	j := 0
	for ; j+8 <= n; j += 8 {
		var s00, s01, s10, s11, s20, s21, s30, s31 vec
		if add {
			s00, s01 = ld(c0, j), ld(c0, j+4)
			s10, s11 = ld(c1, j), ld(c1, j+4)
			s20, s21 = ld(c2, j), ld(c2, j+4)
			s30, s31 = ld(c3, j), ld(c3, j+4)
		}
		t := 0
		for ; t+2 <= len(list); t += 2 {
			o := int(list[t])*n + j
			bp := b[o : o+8 : o+8]
			b0, b1 := ld(bp, 0), ld(bp, 4)
			q := (t & (chunk - 1)) * 4
			v := pn.v[q : q+8 : q+8]
			x := bc(v[0])
			s00, s01 = s00.Add(x.Mul(b0)), s01.Add(x.Mul(b1))
			x = bc(v[1])
			s10, s11 = s10.Add(x.Mul(b0)), s11.Add(x.Mul(b1))
			x = bc(v[2])
			s20, s21 = s20.Add(x.Mul(b0)), s21.Add(x.Mul(b1))
			x = bc(v[3])
			s30, s31 = s30.Add(x.Mul(b0)), s31.Add(x.Mul(b1))
			o = int(list[t+1])*n + j
			bp = b[o : o+8 : o+8]
			b0, b1 = ld(bp, 0), ld(bp, 4)
			x = bc(v[4])
			s00, s01 = s00.Add(x.Mul(b0)), s01.Add(x.Mul(b1))
			x = bc(v[5])
			s10, s11 = s10.Add(x.Mul(b0)), s11.Add(x.Mul(b1))
			x = bc(v[6])
			s20, s21 = s20.Add(x.Mul(b0)), s21.Add(x.Mul(b1))
			x = bc(v[7])
			s30, s31 = s30.Add(x.Mul(b0)), s31.Add(x.Mul(b1))
		}
		for ; t < len(list); t++ {
			o := int(list[t])*n + j
			bp := b[o : o+8 : o+8]
			b0, b1 := ld(bp, 0), ld(bp, 4)
			v := pn.v[t*4 : t*4+4 : t*4+4]
			x := bc(v[0])
			s00, s01 = s00.Add(x.Mul(b0)), s01.Add(x.Mul(b1))
			x = bc(v[1])
			s10, s11 = s10.Add(x.Mul(b0)), s11.Add(x.Mul(b1))
			x = bc(v[2])
			s20, s21 = s20.Add(x.Mul(b0)), s21.Add(x.Mul(b1))
			x = bc(v[3])
			s30, s31 = s30.Add(x.Mul(b0)), s31.Add(x.Mul(b1))
		}
		st(s30, c3, j)
		st(s31, c3, j+4)
		st(s20, c2, j)
		st(s21, c2, j+4)
		st(s10, c1, j)
		st(s11, c1, j+4)
		st(s00, c0, j)
		st(s01, c0, j+4)
	}
	if j+4 <= n {
		var s0, s1, s2, s3 vec
		if add {
			s0, s1, s2, s3 = ld(c0, j), ld(c1, j), ld(c2, j), ld(c3, j)
		}
		for t, p := range list {
			o := int(p)*n + j
			b0 := ld(b[o:o+4:o+4], 0)
			v := pn.v[t*4 : t*4+4 : t*4+4]
			s0 = s0.Add(bc(v[0]).Mul(b0))
			s1 = s1.Add(bc(v[1]).Mul(b0))
			s2 = s2.Add(bc(v[2]).Mul(b0))
			s3 = s3.Add(bc(v[3]).Mul(b0))
		}
		st(s3, c3, j)
		st(s2, c2, j)
		st(s1, c1, j)
		st(s0, c0, j)
		j += 4
	}
	for ; j < n; j++ {
		var s0, s1, s2, s3 float32
		if add {
			s0, s1, s2, s3 = c0[j], c1[j], c2[j], c3[j]
		}
		for t, p := range list {
			y := b[int(p)*n+j]
			v := pn.v[t*4 : t*4+4 : t*4+4]
			s0 += float32(v[0] * y)
			s1 += float32(v[1] * y)
			s2 += float32(v[2] * y)
			s3 += float32(v[3] * y)
		}
		c3[j], c2[j], c1[j], c0[j] = s3, s2, s1, s0
	}
}

func mulNT(c, a, b []float32, m, k, n int, acc bool) {
	if k == 1 && n > 1 {
		// An outer product, as in the scalar kernel.
		mulNN(c, a, b, m, 1, n, acc)
		return
	}
	if n < 4 || k == 0 {
		mulNTScalar(c, a, b, m, k, n, acc)
		return
	}
	c, a, b = c[:m*n], a[:m*k], b[:n*k]
	var pn panel
	skip := n >= listMinN
	for i := 0; i < m; i += 4 {
		c0, c1, c2, c3 := blockRows(c, n, i, m, nil)
		a0, a1, a2, a3 := blockRows(a, k, i, m, zeroRow[:])
		for p0 := 0; p0 < k; p0 += chunk {
			p1 := min(p0+chunk, k)
			pad := zeroRow[:p1-p0]
			r1, r2, r3 := pad, pad, pad
			if i+1 < m {
				r1 = a1[p0:p1]
			}
			if i+2 < m {
				r2 = a2[p0:p1]
			}
			if i+3 < m {
				r3 = a3[p0:p1]
			}
			nz := pn.packRows(a0[p0:p1], r1, r2, r3, p0, skip)
			tilesBT(c0, c1, c2, c3, &pn, nz, b, k, acc || p0 > 0)
		}
	}
}

// column gathers element j of rows c0..c3 into a vector.
func column(c0, c1, c2, c3 []float32, j int) vec {
	return archsimd.LoadFloat32x4Array(&[4]float32{c0[j], c1[j], c2[j], c3[j]})
}

// setColumn writes v's lanes to element j of rows c3, c2, c1, c0, in that
// order (see the aliasing of missing rows above).
func setColumn(v vec, c0, c1, c2, c3 []float32, j int) {
	var t [4]float32
	v.StoreArray(&t)
	c3[j], c2[j], c1[j], c0[j] = t[3], t[2], t[1], t[0]
}

// tilesBT adds to rows c0..c3 (when add; else it sets them to) the products
// of the panel's first nz steps with the columns of Bᵀ (B is n×k) they
// list: column j of the block reads row j of B.
func tilesBT(c0, c1, c2, c3 []float32, pn *panel, nz int, b []float32, k int, add bool) {
	n := len(c0)
	c1, c2, c3 = c1[:n], c2[:n], c3[:n]
	list := pn.p[:nz]
	j := 0
	for ; j+8 <= n; j += 8 {
		b0, b1 := b[j*k:][:k], b[j*k+k:][:k]
		b2, b3 := b[j*k+2*k:][:k], b[j*k+3*k:][:k]
		b4, b5 := b[j*k+4*k:][:k], b[j*k+5*k:][:k]
		b6, b7 := b[j*k+6*k:][:k], b[j*k+7*k:][:k]
		var s0, s1, s2, s3, s4, s5, s6, s7 vec
		if add {
			s0, s1 = column(c0, c1, c2, c3, j), column(c0, c1, c2, c3, j+1)
			s2, s3 = column(c0, c1, c2, c3, j+2), column(c0, c1, c2, c3, j+3)
			s4, s5 = column(c0, c1, c2, c3, j+4), column(c0, c1, c2, c3, j+5)
			s6, s7 = column(c0, c1, c2, c3, j+6), column(c0, c1, c2, c3, j+7)
		}
		for t, p := range list {
			v := ld(pn.v[:], t*4)
			s0 = s0.Add(v.Mul(bc(b0[p])))
			s1 = s1.Add(v.Mul(bc(b1[p])))
			s2 = s2.Add(v.Mul(bc(b2[p])))
			s3 = s3.Add(v.Mul(bc(b3[p])))
			s4 = s4.Add(v.Mul(bc(b4[p])))
			s5 = s5.Add(v.Mul(bc(b5[p])))
			s6 = s6.Add(v.Mul(bc(b6[p])))
			s7 = s7.Add(v.Mul(bc(b7[p])))
		}
		setColumn(s0, c0, c1, c2, c3, j)
		setColumn(s1, c0, c1, c2, c3, j+1)
		setColumn(s2, c0, c1, c2, c3, j+2)
		setColumn(s3, c0, c1, c2, c3, j+3)
		setColumn(s4, c0, c1, c2, c3, j+4)
		setColumn(s5, c0, c1, c2, c3, j+5)
		setColumn(s6, c0, c1, c2, c3, j+6)
		setColumn(s7, c0, c1, c2, c3, j+7)
	}
	for ; j < n; j++ {
		bj := b[j*k:][:k]
		var s vec
		if add {
			s = column(c0, c1, c2, c3, j)
		}
		for t, p := range list {
			s = s.Add(ld(pn.v[:], t*4).Mul(bc(bj[p])))
		}
		setColumn(s, c0, c1, c2, c3, j)
	}
}
