package fmath

import (
	"math"
	"testing"
)

// The ports must agree with package math to within an ulp or two (they are
// the same algorithm; the assembly versions may round differently).
func TestAgainstMath(t *testing.T) {
	for i := -4000; i <= 4000; i++ {
		x := float64(i) * 0.173
		if got, want := Exp(x), math.Exp(x); !close(got, want) {
			t.Fatalf("Exp(%v) = %v, want %v", x, got, want)
		}
		if x > 0 {
			if got, want := Log(x), math.Log(x); !close(got, want) {
				t.Fatalf("Log(%v) = %v, want %v", x, got, want)
			}
		}
		x32 := float32(x / 50)
		if got, want := Sigmoid(x32), 1/(1+math.Exp(-float64(x32))); math.Abs(float64(got)-want) > 1e-7 {
			t.Fatalf("Sigmoid(%v) = %v, want %v", x32, got, want)
		}
		if got, want := Tanh(x32), math.Tanh(float64(x32)); math.Abs(float64(got)-want) > 1e-7 {
			t.Fatalf("Tanh(%v) = %v, want %v", x32, got, want)
		}
		if got, want := Softplus(x/20), math.Log1p(math.Exp(x/20)); math.Abs(got-want) > 1e-12*math.Max(1, want) {
			t.Fatalf("Softplus(%v) = %v, want %v", x/20, got, want)
		}
	}
	if !math.IsNaN(Exp(math.NaN())) || Exp(1000) != math.Inf(1) || Exp(-1000) != 0 {
		t.Fatal("Exp special cases")
	}
	if !math.IsInf(Log(0), -1) || !math.IsNaN(Log(-1)) {
		t.Fatal("Log special cases")
	}
}

func close(a, b float64) bool {
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 4e-16*math.Abs(b)
}
