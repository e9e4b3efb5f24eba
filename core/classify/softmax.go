package classify

import "math"

// SoftmaxCE is the mean softmax cross-entropy of rows×classes logits
// against labels. When grad is not nil (len rows×classes) it receives
// dL/dlogits = (softmax − onehot)/rows. Computed in float64 with the max
// subtracted, so large logits neither overflow nor lose the gradient.
func SoftmaxCE(logits []float32, labels []uint8, rows, classes int, grad []float32) float64 {
	var loss float64
	p := make([]float64, classes)
	for i := 0; i < rows; i++ {
		z := logits[i*classes : (i+1)*classes]
		m := math.Inf(-1)
		for _, v := range z {
			m = math.Max(m, float64(v))
		}
		var s float64
		for j, v := range z {
			p[j] = math.Exp(float64(v) - m)
			s += p[j]
		}
		y := int(labels[i])
		loss += math.Log(s) + m - float64(z[y])
		if grad != nil {
			g := grad[i*classes : (i+1)*classes]
			for j := range g {
				q := p[j] / s
				if j == y {
					q--
				}
				g[j] = float32(q / float64(rows))
			}
		}
	}
	return loss / float64(rows)
}

// Argmax returns the index of the largest of each row's classes values.
func Argmax(logits []float32, rows, classes int) []int {
	out := make([]int, rows)
	for i := range out {
		z := logits[i*classes : (i+1)*classes]
		best := 0
		for j, v := range z {
			if v > z[best] {
				best = j
			}
		}
		out[i] = best
	}
	return out
}
