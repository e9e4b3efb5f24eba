package mat

import "math"

// Element-wise kernels of the training step: the ReLU family forward and
// backward, the bias gradient and the optimisers' updates. Like the
// products, each has a scalar version here, used by every build but the
// WebAssembly SIMD one (see elem_simd_wasm.go), which computes the same
// float32 operations in the same order per element.

// ReLU sets y[i] = 0 where x[i] <= 0, else x[i] (NaN stays NaN), for
// i < len(y).
func ReLU(y, x []float32) { relu(y, x) }

// ReLUGrad sets dx[i] = 0 where y[i] <= 0, else dy[i].
func ReLUGrad(dx, dy, y []float32) { reluGrad(dx, dy, y) }

// Leaky sets y[i] = x[i]·slope where x[i] < 0, else x[i].
func Leaky(y, x []float32, slope float32) { leaky(y, x, slope) }

// LeakyGrad sets dx[i] = dy[i]·slope where y[i] < 0, else dy[i].
func LeakyGrad(dx, dy, y []float32, slope float32) { leakyGrad(dx, dy, y, slope) }

// AddRows adds each of the rows of x (rows of width len(s)) to s, in row
// order: the bias gradient.
func AddRows(s, x []float32, rows int) { addRows(s, x, rows) }

// Adam is one Adam update of w from g with moments m and v:
// m = b1·m + c1·g, v = b2·v + c2·g², w −= step·m / (√v + eps), each
// operation rounded to float32 in that order. It returns the largest |m|
// and |v| it wrote, +Inf if one overflowed, NaN if one is NaN: the
// optimiser's watch for a state gone bad, taken in the pass that writes
// the state instead of a second pass over it.
func Adam(w, g, m, v []float32, b1, c1, b2, c2, step, eps float32) float32 {
	return math.Float32frombits(adam(w, g, m, v, b1, c1, b2, c2, step, eps))
}

// SGD is one momentum update: v = mom·v − step·g, w += v. It returns the
// largest |v| it wrote (NaN if one is NaN), as Adam does.
func SGD(w, g, v []float32, mom, step float32) float32 {
	return math.Float32frombits(sgd(w, g, v, mom, step))
}

// signBit is a float32's sign. With it cleared, bit patterns order as
// the magnitudes do, +Inf above every finite value and NaN above +Inf, so
// the kernels track their largest magnitude as an integer max, where the
// builtin float max (which keeps NaN too) cost 11 ns per element natively
// and ~65 in WebAssembly, a call per element there.
const signBit = 1 << 31

// magBits is x's bit pattern with the sign cleared (see signBit).
func magBits(x float32) uint32 { return math.Float32bits(x) &^ signBit }

// pick returns a if cond, else b, without a branch: Go never turns a
// float branch into a conditional move, but selecting between bit
// patterns it does (amd64 CMOV, wasm select). In WASM, ReLU went from
// 4.6 ns per element with a branch, and 17–26 with the max builtin (a
// call to runtime.fmax32 there), to 1.1.
func pick(cond bool, a, b float32) float32 {
	ua, ub := math.Float32bits(a), math.Float32bits(b)
	if cond {
		ub = ua
	}
	return math.Float32frombits(ub)
}

func reluScalar(y, x []float32) {
	for i, v := range x[:len(y)] {
		y[i] = pick(v <= 0, 0, v)
	}
}

func reluGradScalar(dx, dy, y []float32) {
	y = y[:len(dx)]
	for i, g := range dy[:len(dx)] {
		dx[i] = pick(y[i] <= 0, 0, g)
	}
}

func leakyScalar(y, x []float32, slope float32) {
	for i, v := range x[:len(y)] {
		y[i] = pick(v < 0, float32(v*slope), v)
	}
}

func leakyGradScalar(dx, dy, y []float32, slope float32) {
	y = y[:len(dx)]
	for i, g := range dy[:len(dx)] {
		dx[i] = pick(y[i] < 0, float32(g*slope), g)
	}
}

func addRowsScalar(s, x []float32, rows int) {
	w := len(s)
	for i := 0; i < rows; i++ {
		for j, v := range x[i*w : i*w+w][:len(s)] {
			s[j] += v
		}
	}
}

// adamScalar reads m[j] and v[j] back where locals would do: with locals,
// Go 1.27's register allocation gives amd64's SQRTSS a destination other
// than its source, and SQRTSS keeps that register's upper lanes, so each
// square root waited on the last (a false dependency the compiler does
// not break): an Adam update of MNIST's one-click nets (682k parameters)
// took 4.0 ms natively, against 1.6 ms written this way, where the square
// root is computed in place.
func adamScalar(w, g, m, v []float32, b1, c1, b2, c2, step, eps float32) (hi uint32) {
	g, m, v = g[:len(w)], m[:len(w)], v[:len(w)]
	for j, gj := range g {
		m[j] = float32(b1*m[j]) + float32(c1*gj)
		v[j] = float32(b2*v[j]) + float32(c2*float32(gj*gj))
		hi = max(hi, magBits(m[j]), magBits(v[j]))
		w[j] -= float32(step*m[j]) / (float32(math.Sqrt(float64(v[j]))) + eps)
	}
	return hi
}

func sgdScalar(w, g, v []float32, mom, step float32) (hi uint32) {
	g, v = g[:len(w)], v[:len(w)]
	for j, gj := range g {
		vj := float32(mom*v[j]) - float32(step*gj)
		v[j] = vj
		w[j] += vj
		hi = max(hi, magBits(vj))
	}
	return hi
}
