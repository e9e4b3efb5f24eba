package nn

// Param is one trainable tensor and its gradient.
type Param struct {
	Name       string // e.g. "G.0.w"
	Rows, Cols int    // shape; a bias is 1×n
	W          []float32
	G          []float32
}

// Layer is one step of a Net.
type Layer interface {
	// Forward maps rows×In() to rows×Out(). x must stay unchanged until
	// Backward. train switches dropout on.
	Forward(x []float32, rows int, train bool) []float32
	// Backward takes dL/dy and accumulates parameter gradients. It returns
	// dL/dx when needDX, else nil (the first layer of a net rarely needs it).
	Backward(dy []float32, rows int, needDX bool) []float32
	// InputGrad returns dL/dx only and leaves parameter gradients alone.
	// The generator's update backpropagates through D for dL/dx alone;
	// D's weight gradients there, half of that backward pass, would be
	// thrown away.
	InputGrad(dy []float32, rows int) []float32
	In() int
	Out() int
	Params() []*Param
}

// grow returns buf resized to n, reallocating only when it must.
func grow(buf []float32, n int) []float32 {
	if cap(buf) < n {
		return make([]float32, n)
	}
	return buf[:n]
}
