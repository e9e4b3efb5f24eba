//go:build wasm && goexperiment.simd

package mat

import "simd/archsimd"

// The element-wise kernels four lanes at a time, each lane the scalar
// kernel's operations on one element in the scalar order (no fused
// multiply-add; f32x4.sqrt is correctly rounded, as float32(math.Sqrt) is),
// and the selections as bit selects on the scalar kernels' comparisons,
// so NaN and −0 come out as they do there. Tails shorter than a vector go
// to the scalar kernels.

func relu(y, x []float32) {
	x = x[:len(y)]
	var zero vec
	i := 0
	for ; i+4 <= len(y); i += 4 {
		v := ld(x, i)
		st(zero.IfElse(v.LessEqual(zero), v), y, i)
	}
	reluScalar(y[i:], x[i:])
}

func reluGrad(dx, dy, y []float32) {
	dy, y = dy[:len(dx)], y[:len(dx)]
	var zero vec
	i := 0
	for ; i+4 <= len(dx); i += 4 {
		st(zero.IfElse(ld(y, i).LessEqual(zero), ld(dy, i)), dx, i)
	}
	reluGradScalar(dx[i:], dy[i:], y[i:])
}

func leaky(y, x []float32, slope float32) {
	x = x[:len(y)]
	var zero vec
	s := bc(slope)
	i := 0
	for ; i+4 <= len(y); i += 4 {
		v := ld(x, i)
		st(v.Mul(s).IfElse(v.Less(zero), v), y, i)
	}
	leakyScalar(y[i:], x[i:], slope)
}

func leakyGrad(dx, dy, y []float32, slope float32) {
	dy, y = dy[:len(dx)], y[:len(dx)]
	var zero vec
	s := bc(slope)
	i := 0
	for ; i+4 <= len(dx); i += 4 {
		g := ld(dy, i)
		st(g.Mul(s).IfElse(ld(y, i).Less(zero), g), dx, i)
	}
	leakyGradScalar(dx[i:], dy[i:], y[i:], slope)
}

func addRows(s, x []float32, rows int) {
	w := len(s)
	x = x[:rows*w]
	j := 0
	for ; j+4 <= w; j += 4 {
		a := ld(s, j)
		for o := j; o < len(x); o += w {
			a = a.Add(ld(x, o))
		}
		st(a, s, j)
	}
	for ; j < w; j++ {
		a := s[j]
		for o := j; o < len(x); o += w {
			a += x[o]
		}
		s[j] = a
	}
}

// adam and sgd keep their largest magnitude (see signBit) as four lane
// maxima in a vector register, reduced once at the end: an and-not and a
// max per vector of moments. An Adam update of MNIST's one-click nets
// (682k parameters) took 2.7 ms in Node with a separate scalar pass over
// m and v for it, 0.5 ms so, about a tenth of that recipe's step.
func adam(w, g, m, v []float32, b1, c1, b2, c2, step, eps float32) uint32 {
	g, m, v = g[:len(w)], m[:len(w)], v[:len(w)]
	vb1, vc1, vb2, vc2 := bc(b1), bc(c1), bc(b2), bc(c2)
	vstep, veps := bc(step), bc(eps)
	sign := archsimd.BroadcastUint32x4(signBit)
	var hi archsimd.Uint32x4
	j := 0
	for ; j+4 <= len(w); j += 4 {
		gj := ld(g, j)
		mj := vb1.Mul(ld(m, j)).Add(vc1.Mul(gj))
		vj := vb2.Mul(ld(v, j)).Add(vc2.Mul(gj.Mul(gj)))
		st(mj, m, j)
		st(vj, v, j)
		st(ld(w, j).Sub(vstep.Mul(mj).Div(vj.Sqrt().Add(veps))), w, j)
		hi = hi.Max(mj.ToBits().AndNot(sign)).Max(vj.ToBits().AndNot(sign))
	}
	return max(lanesMax(hi), adamScalar(w[j:], g[j:], m[j:], v[j:], b1, c1, b2, c2, step, eps))
}

func sgd(w, g, v []float32, mom, step float32) uint32 {
	g, v = g[:len(w)], v[:len(w)]
	vm, vs := bc(mom), bc(step)
	sign := archsimd.BroadcastUint32x4(signBit)
	var hi archsimd.Uint32x4
	j := 0
	for ; j+4 <= len(w); j += 4 {
		vj := vm.Mul(ld(v, j)).Sub(vs.Mul(ld(g, j)))
		st(vj, v, j)
		st(ld(w, j).Add(vj), w, j)
		hi = hi.Max(vj.ToBits().AndNot(sign))
	}
	return max(lanesMax(hi), sgdScalar(w[j:], g[j:], v[j:], mom, step))
}

// lanesMax is the largest of x's four lanes.
func lanesMax(x archsimd.Uint32x4) uint32 {
	return max(x.GetElem(0), x.GetElem(1), x.GetElem(2), x.GetElem(3))
}
