package optim

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/nn"
)

// A gradient whose square overflows float32 leaves v = +Inf and a zero
// step: the weight stays finite, so only Err can tell.
func TestErrReportsOverflowedMoment(t *testing.T) {
	for _, kind := range []string{"adam", "sgd"} {
		p := &nn.Param{Name: "w", Rows: 1, Cols: 2, W: []float32{1, 1}, G: []float32{0.5, 0.5}}
		o, err := New(Config{Kind: kind, LR: 0.1, Mom: 0.9, B2: 0.999, Decay: 1}, []*nn.Param{p})
		if err != nil {
			t.Fatal(err)
		}
		o.Update()
		if err := o.Err(); err != nil {
			t.Fatalf("%s: ordinary update: %v", kind, err)
		}
		p.G[1] = 2e19
		if kind == "sgd" {
			p.G[1] = float32(math.Inf(1))
		}
		o.Update()
		if o.Err() == nil {
			t.Fatalf("%s: state %v after a gradient of %v, Err is nil", kind, o.State(), p.G[1])
		}
		if CheckState(o) == nil {
			t.Fatalf("%s: CheckState passes %v", kind, o.State())
		}
	}
}

// The decay never drives the scale to zero (a state checkpoints refuse),
// and stops at the floor without changing the learning rate there.
func TestDecayStopsAtFloor(t *testing.T) {
	for _, lrmin := range []float64{0, 1e-6} {
		o, _ := New(Config{Kind: "sgd", LR: 0.1, Decay: 1.1, LRMin: lrmin}, nil)
		prev := o.LR()
		for i := 0; i < 20000; i++ {
			o.Update()
			if lr := o.LR(); lr > prev {
				t.Fatalf("lrmin %v: rate rose from %v to %v", lrmin, prev, lr)
			}
			prev = o.LR()
		}
		if !(o.Scale > 0) {
			t.Fatalf("lrmin %v: scale reached %v", lrmin, o.Scale)
		}
		if lrmin > 0 && o.LR() != lrmin {
			t.Fatalf("lrmin %v: rate %v, want the floor", lrmin, o.LR())
		}
	}
}

// Err names the first bad moment wherever it sits in a tensor (a group of
// four or the tail past the last) and whichever tensor holds it: the watch
// the update kernels keep sees every element they write.
func TestErrFindsEveryPosition(t *testing.T) {
	for _, kind := range []string{"adam", "sgd"} {
		for _, bad := range []float32{float32(math.NaN()), float32(math.Inf(1)), -math.MaxFloat32} {
			for tensor, n := range []int{5, 11} {
				for j := range n {
					ps := []*nn.Param{
						{Name: "a", Rows: 1, Cols: 5, W: make([]float32, 5), G: make([]float32, 5)},
						{Name: "b", Rows: 1, Cols: 11, W: make([]float32, 11), G: make([]float32, 11)},
					}
					for _, p := range ps {
						for i := range p.G {
							p.G[i] = 0.25
						}
					}
					// A gradient of −MaxFloat32 overflows Adam's v (g²) but leaves
					// m finite; SGD's velocity (rate 1) is MaxFloat32 after one
					// update and overflows in the next.
					o, err := New(Config{Kind: kind, LR: 1, Mom: 0.5, B2: 0.999, Decay: 1}, ps)
					if err != nil {
						t.Fatal(err)
					}
					ps[tensor].G[j] = bad
					o.Update()
					if kind == "sgd" && bad == -math.MaxFloat32 {
						if o.Err() != nil {
							t.Fatalf("sgd: a velocity of MaxFloat32 reported bad: %v", o.Err())
						}
						o.Update() // 0.5·MaxFloat32 + MaxFloat32 overflows
					}
					err = o.Err()
					first := tensor // State: every m, then every v
					if kind == "adam" && bad == -math.MaxFloat32 {
						first += len(ps)
					}
					want := fmt.Sprintf("moment %d[%d] ", first, j)
					if err == nil || !strings.Contains(err.Error(), want) {
						t.Fatalf("%s, gradient %v at %d[%d]: Err %v, want one naming %q", kind, bad, tensor, j, err, want)
					}
				}
			}
		}
	}
}
