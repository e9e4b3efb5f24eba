package metrics

import (
	"math"
	"testing"

	"github.com/ganplayground/ganplayground/core/rng"
)

func uniform(r *rng.RNG, n int) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(r.Float64())
	}
	return v
}

// bruteParzen is the definition, term by term, in float64.
func bruteParzen(samples, x []float32, dim int, sigma float64) []float64 {
	ns, nx := len(samples)/dim, len(x)/dim
	out := make([]float64, nx)
	for i := 0; i < nx; i++ {
		var sum float64
		for j := 0; j < ns; j++ {
			var d float64
			for p := 0; p < dim; p++ {
				e := float64(x[i*dim+p]) - float64(samples[j*dim+p])
				d += e * e
			}
			sum += math.Exp(-d / (2 * sigma * sigma))
		}
		out[i] = math.Log(sum/float64(ns)) - float64(dim)*math.Log(sigma*math.Sqrt(2*math.Pi))
	}
	return out
}

func TestParzenLLMatchesBruteForce(t *testing.T) {
	defer func(b int) { parzenBlock = b }(parzenBlock)
	parzenBlock = 16 // several blocks, the last one partial
	sigmas := []float64{0.1, 0.3, 1}
	cases := []struct{ ns, nx, dim int }{
		{1, 1, 1},
		{37, 50, 5},
		{200, 33, 20},
	}
	r := rng.New(3)
	for _, c := range cases {
		s, x := uniform(r, c.ns*c.dim), uniform(r, c.nx*c.dim)
		ll := make([]float64, c.nx*len(sigmas))
		var calls int
		last := 0.0
		err := ParzenLL(ll, s, x, c.dim, sigmas, func(f float64) {
			if f <= last {
				t.Errorf("%+v: progress went from %v to %v", c, last, f)
			}
			calls, last = calls+1, f
		})
		if err != nil {
			t.Fatal(err)
		}
		if last != 1 || calls != (c.nx+15)/16 {
			t.Errorf("%+v: %d progress calls ending at %v", c, calls, last)
		}
		for k, sg := range sigmas {
			want := bruteParzen(s, x, c.dim, sg)
			for i, w := range want {
				if got := ll[i*len(sigmas)+k]; math.Abs(got-w) > 1e-9*max(1, math.Abs(w)) {
					t.Fatalf("%+v σ=%v row %d: got %v, want %v", c, sg, i, got, w)
				}
			}
		}
	}
}

// Far from every sample the naive formula underflows to log 0; the shifted
// one must stay exact: one sample at 0, x at distance 10 in 1-D, σ = 0.1:
// log p = −10²/(2·0.01) − log(0.1·√(2π)) = −5000 + 1.3836…
func TestParzenLLFarPoint(t *testing.T) {
	ll := make([]float64, 1)
	if err := ParzenLL(ll, []float32{0}, []float32{10}, 1, []float64{0.1}, nil); err != nil {
		t.Fatal(err)
	}
	want := -5000 - math.Log(0.1*math.Sqrt(2*math.Pi))
	if math.Abs(ll[0]-want) > 1e-9 {
		t.Fatalf("got %v, want %v", ll[0], want)
	}
}

func TestParzenSigmas(t *testing.T) {
	s := ParzenSigmas()
	if len(s) != 10 || s[0] != 0.1 || s[9] != 1 || math.Abs(s[1]-0.12915496650148839) > 1e-15 {
		t.Fatalf("got %v", s)
	}
}

func TestParzenProtocol(t *testing.T) {
	// Samples and test points from the same 3-D Gaussian, std 0.5: the best
	// window must be interior to the grid, and the result must equal
	// ParzenLL at that window.
	r := rng.New(5)
	gauss := func(n int) []float32 {
		v := make([]float32, n*3)
		for i := range v {
			v[i] = float32(0.5 * r.Normal())
		}
		return v
	}
	s, v, x := gauss(2000), gauss(300), gauss(400)
	var fracs []float64
	res, err := Parzen(s, v, x, 3, func(f float64) { fracs = append(fracs, f) })
	if err != nil {
		t.Fatal(err)
	}
	best := 0
	for k, l := range res.ValidLL {
		if l > res.ValidLL[best] {
			best = k
		}
	}
	if res.Sigma != res.Sigmas[best] || best == 0 || best == 9 {
		t.Errorf("σ=%v from valid LL %v", res.Sigma, res.ValidLL)
	}
	ll := make([]float64, 400)
	if err := ParzenLL(ll, s, x, 3, []float64{res.Sigma}, nil); err != nil {
		t.Fatal(err)
	}
	mean, se := MeanSE(ll)
	if res.LL != mean || res.SE != se || res.N != 400 || !(se > 0) {
		t.Errorf("got %+v, want LL %v ± %v", res, mean, se)
	}
	if len(fracs) == 0 || fracs[len(fracs)-1] != 1 {
		t.Errorf("progress %v does not end at 1", fracs)
	}
	for i := 1; i < len(fracs); i++ {
		if fracs[i] <= fracs[i-1] {
			t.Errorf("progress not increasing: %v", fracs)
		}
	}
}

func TestParzenRejects(t *testing.T) {
	ok := []float32{0, 1, 2, 3}
	nan := []float32{0, 1, float32(math.NaN()), 3}
	cases := []struct {
		name                 string
		samples, valid, test []float32
		dim                  int
	}{
		{"dim 0", ok, ok, ok, 0},
		{"ragged samples", ok[:3], ok, ok, 2},
		{"empty valid", ok, nil, ok, 2},
		{"empty test", ok, ok, nil, 2},
		{"NaN sample", nan, ok, ok, 2},
		{"NaN test", ok, ok, nan, 2},
	}
	for _, c := range cases {
		if _, err := Parzen(c.samples, c.valid, c.test, c.dim, nil); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
	if err := ParzenLL(make([]float64, 2), ok, ok, 2, []float64{-1}, nil); err == nil {
		t.Error("negative σ: no error")
	}
	if err := ParzenLL(make([]float64, 3), ok, ok, 2, []float64{1}, nil); err == nil {
		t.Error("wrong output size: no error")
	}
}

func TestDotsSparse(t *testing.T) {
	r := rng.New(9)
	for _, c := range []struct {
		m, n, k int
		zeros   int // percent of x that is zero
	}{{1, 1, 1, 0}, {4, 4, 3, 50}, {7, 9, 5, 0}, {8, 13, 784, 81}, {3, 5, 7, 100}} {
		x, st := make([]float64, c.m*c.k), make([]float64, c.k*c.n)
		for i := range x {
			if r.IntN(100) >= c.zeros {
				x[i] = r.Float64()
			}
		}
		for i := range st {
			st[i] = r.Float64()
		}
		got := make([]float64, c.m*c.n)
		for i := range got {
			got[i] = math.NaN() // must be overwritten, not accumulated into
		}
		dotsSparse(got, x, st, c.m, c.n, c.k)
		for i := 0; i < c.m; i++ {
			for j := 0; j < c.n; j++ {
				var want float64
				for p := 0; p < c.k; p++ {
					want += x[i*c.k+p] * st[p*c.n+j]
				}
				if g := got[i*c.n+j]; math.Abs(g-want) > 1e-12*float64(c.k) {
					t.Fatalf("%+v: c[%d][%d] = %v, want %v", c, i, j, g, want)
				}
			}
		}
	}
}

// BenchmarkParzenLLBlock is a slice of the paper's test pass on synthetic
// data: 512 points (four blocks) against 10,000 samples of 784 pixels, one
// σ, including the one-off packing of the samples. The points are 81%
// zeros, like MNIST test images, which both kernels exploit. Multiply by 21.5 for
// the full 11,000 rows. It runs under WASM too, where the page does this:
//
//	GOOS=js GOARCH=wasm go test -run '^$' -bench ParzenLLBlock -exec=$(go env GOROOT)/lib/wasm/go_js_wasm_exec ./core/metrics
func BenchmarkParzenLLBlock(b *testing.B) {
	const nx = 512
	r := rng.New(1)
	s, x := uniform(r, 10000*784), uniform(r, nx*784)
	for i := range x {
		if r.IntN(100) < 81 {
			x[i] = 0
		}
	}
	ll := make([]float64, nx)
	b.ResetTimer()
	for b.Loop() {
		if err := ParzenLL(ll, s, x, 784, []float64{0.2}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// The worker scores rows a few at a time: chunks must give exactly the
// one-call figures.
func TestParzenKDEChunksMatchOneCall(t *testing.T) {
	r := rng.New(5)
	const dim, ns, nx = 7, 40, 23
	samples, x := make([]float32, ns*dim), make([]float32, nx*dim)
	for i := range samples {
		samples[i] = float32(r.Float64())
	}
	for i := range x {
		if r.Float64() < 0.5 { // zeros, like MNIST's background
			x[i] = float32(r.Float64())
		}
	}
	sig := ParzenSigmas()
	want := make([]float64, nx*len(sig))
	if err := ParzenLL(want, samples, x, dim, sig, nil); err != nil {
		t.Fatal(err)
	}
	k, err := NewParzenKDE(samples, dim)
	if err != nil {
		t.Fatal(err)
	}
	got := make([]float64, nx*len(sig))
	for i := 0; i < nx; i += 5 {
		j := min(i+5, nx)
		if err := k.LL(got[i*len(sig):j*len(sig)], x[i*dim:j*dim], sig, nil); err != nil {
			t.Fatal(err)
		}
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("entry %d: chunked %v, one call %v", i, got[i], want[i])
		}
	}
}
