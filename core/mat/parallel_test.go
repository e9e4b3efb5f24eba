package mat

import (
	"math"
	"math/rand/v2"
	"runtime"
	"testing"
)

// Split over 2, 3 or 8 workers, every product is the plain loop's, bit for
// bit: each element is still summed whole, in order, by one worker.
func TestMulWorkersSameBits(t *testing.T) {
	defer SetWorkers(1)
	r := rand.New(rand.NewPCG(15, 16))
	shapes := [][3]int{{64, 512, 784}, {784, 64, 512}, {130, 300, 70}, {37, 257, 129}, {9, 4000, 8}, {512, 64, 2}, {100, 1200, 5}}
	if raceOn || runtime.GOOS == "js" {
		// The race detector needs the workers to run, not big products,
		// and WebAssembly runs the goroutines one at a time: the plain
		// reference loop over the two 25-MMAC shapes took most of a
		// minute there. The rest are still split (over minSplitMACs);
		// the native pass multiplies all of them.
		shapes = shapes[2:]
	}
	for _, w := range []int{2, 3, 8, 1} {
		SetWorkers(w)
		if Workers() != w {
			t.Fatalf("Workers() = %d after SetWorkers(%d)", Workers(), w)
		}
		for _, s := range shapes {
			m, k, n := s[0], s[1], s[2]
			for _, kn := range kernels {
				for _, acc := range []bool{false, true} {
					a, b := randSparse(r, m*k, 0.3), randSparse(r, k*n, 0.3)
					c := randSlice(r, m*n)
					want := append([]float32(nil), c...)
					kn.f(c, a, b, m, k, n, acc)
					naiveMul(kn.tA, kn.tB, want, a, b, m, k, n, acc)
					for i := range want {
						if math.Float32bits(c[i]) != math.Float32bits(want[i]) {
							t.Fatalf("%d workers, %s %dx%dx%d acc=%v: c[%d]=%v, plain loop %v", w, kn.name, m, k, n, acc, i, c[i], want[i])
						}
					}
				}
			}
		}
	}
}

// Split products allocate nothing (a training step must not).
func TestMulWorkersAllocateNothing(t *testing.T) {
	defer SetWorkers(1)
	SetWorkers(3)
	r := rand.New(rand.NewPCG(17, 18))
	m, k, n := 64, 512, 256
	a, b, c := randSlice(r, m*k), randSlice(r, k*n), make([]float32, m*n)
	if got := testing.AllocsPerRun(20, func() { MulNN(c, a, b, m, k, n, false) }); got != 0 {
		t.Fatalf("%v allocations per split product", got)
	}
}
