package mat

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// Kernel shapes (m×k×n) taken from the training workloads: forward X·W
// (NN), weight gradient Xᵀ·dY (TN) and input gradient dY·Wᵀ (NT).
//
//	go test -run '^$' -bench Mul ./core/mat
//	GOOS=js GOARCH=wasm go test -exec=$(go env GOROOT)/lib/wasm/go_js_wasm_exec -run '^$' -bench Mul ./core/mat
var benchShapes = []struct {
	kernel  string
	m, k, n int
	zeros   float64 // fraction of A that is zero; 0.2 unless set
}{
	{"NN", 512, 2, 64, 0},        // W1: D's first layer on real+fake
	{"NN", 512, 64, 64, 0},       // W1: hidden layer
	{"NN", 512, 64, 1, 0},        // W1: D's logit
	{"TN", 64, 512, 64, 0},       // W1: hidden weight gradient
	{"TN", 2, 512, 64, 0},        // W1: D's first weight gradient
	{"NT", 512, 64, 64, 0},       // W1: hidden input gradient
	{"NT", 256, 1, 64, 0},        // W1: D's logit input gradient
	{"NT", 256, 64, 2, 0},        // W1: D's first input gradient, G step
	{"NT", 256, 2, 64, 0},        // W1: G's output input gradient
	{"NN", 128, 784, 512, 0},     // W2: D's first layer
	{"NN", 64, 512, 784, 0},      // W2: G's last layer
	{"TN", 784, 128, 512, 0},     // W2: D's first weight gradient
	{"NT", 64, 512, 784, 0},      // W2: dx of D's first layer, G step
	{"NN", 100, 1200, 1200, 0},   // paper: G's hidden layer
	{"TN", 1200, 100, 1200, 0},   // paper: its weight gradient
	{"NT", 100, 1200, 1200, 0},   // paper: its input gradient
	{"NN", 200, 784, 1200, 0.8},  // paper: D's first layer on MNIST-like input
	{"TN", 784, 200, 1200, 0.8},  // paper: its weight gradient
	{"NT", 100, 1200, 1200, 0.8}, // paper: dx through maxout (4 in 5 zero)
}

func BenchmarkMul(b *testing.B) {
	kernels := map[string]func(c, a, b []float32, m, k, n int, acc bool){"NN": MulNN, "TN": MulTN, "NT": MulNT}
	r := rand.New(rand.NewPCG(1, 2))
	for _, s := range benchShapes {
		f := kernels[s.kernel]
		zeros := s.zeros
		if zeros == 0 {
			zeros = 0.2
		}
		x, y, z := randSparse(r, s.m*s.k, zeros), randSlice(r, s.k*s.n), make([]float32, s.m*s.n)
		b.Run(fmt.Sprintf("%s/%dx%dx%d/zeros=%v", s.kernel, s.m, s.k, s.n, zeros), func(b *testing.B) {
			// Warm up past V8's baseline compiler (see core/gan's benchmarks).
			for t0 := time.Now(); time.Since(t0) < 50*time.Millisecond; {
				f(z, x, y, s.m, s.k, s.n, false)
			}
			for b.Loop() {
				f(z, x, y, s.m, s.k, s.n, false)
			}
			b.ReportMetric(2*float64(s.m*s.k*s.n)*float64(b.N)/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}
