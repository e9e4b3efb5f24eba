//go:build wasm && goexperiment.simd

package mat

import "simd/archsimd"

// sqDistBytes: 16 bytes a step. |a−b| is max − min (no overflow in
// bytes), its square widens to 16 bits (≤ 255² fits), and the squares add
// up in 32-bit lanes, emptied into an int every 64 bytes (when the bound is
// looked at), so the sum is exact.
func sqDistBytes(a, b []byte, bound int) int {
	b = b[:len(a)]
	var acc archsimd.Uint32x4
	s := 0
	p := 0
	for ; p+16 <= len(a); p += 16 {
		x := archsimd.LoadUint8x16Array((*[16]uint8)(a[p : p+16]))
		y := archsimd.LoadUint8x16Array((*[16]uint8)(b[p : p+16]))
		d := x.Max(y).Sub(x.Min(y))
		lo, hi := d.MulWidenLo(d), d.MulWidenHi(d)
		acc = acc.Add(lo.ExtendLo4ToUint32()).Add(lo.ExtendHi4ToUint32()).
			Add(hi.ExtendLo4ToUint32()).Add(hi.ExtendHi4ToUint32())
		if p&63 == 48 {
			s += int(acc.GetElem(0)) + int(acc.GetElem(1)) + int(acc.GetElem(2)) + int(acc.GetElem(3))
			acc = archsimd.Uint32x4{}
			if s >= bound {
				return s
			}
		}
	}
	s += int(acc.GetElem(0)) + int(acc.GetElem(1)) + int(acc.GetElem(2)) + int(acc.GetElem(3))
	for ; p < len(a); p++ {
		e := int(a[p]) - int(b[p])
		s += e * e
	}
	return s
}
