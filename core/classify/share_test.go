package classify

import (
	"math"
	"testing"
)

func TestDigitCoverage(t *testing.T) {
	rep := func(d, n int) []int {
		out := make([]int, n)
		for i := range out {
			out[i] = d
		}
		return out
	}
	even := []int{}
	for d := 0; d < 10; d++ {
		even = append(even, rep(d, 10)...)
	}
	collapsed := append(rep(3, 97), 1, 2, 4) // one mode and a few strays
	cases := []struct {
		name    string
		pred    []int
		digits  []int
		covered int
		max, kl float64
		stray   float64
		share3  float64
	}{
		{"even", even, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10, 0.1, 0, 0, 0.1},
		{"collapsed", collapsed, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 0.97, math.NaN(), 0, 0.97},
		{"subset with strays", append(append(rep(3, 45), rep(5, 45)...), rep(8, 10)...), []int{3, 5}, 2, 0.45, 0, 0.1, 0.45},
		{"subset half missing", rep(5, 10), []int{5, 3}, 1, 1, math.Log(2), 0, 0},
	}
	for _, c := range cases {
		cv, err := DigitCoverage(c.pred, c.digits)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if cv.Covered != c.covered || cv.Total != len(c.digits) {
			t.Errorf("%s: covered %d of %d, want %d of %d", c.name, cv.Covered, cv.Total, c.covered, len(c.digits))
		}
		near := func(a, b float64) bool { return math.IsNaN(b) || math.Abs(a-b) < 1e-12 }
		if !near(cv.Max, c.max) || !near(cv.KL, c.kl) || !near(cv.Stray, c.stray) || !near(cv.Share[3], c.share3) {
			t.Errorf("%s: max %v kl %v stray %v share[3] %v; want %v %v %v %v", c.name, cv.Max, cv.KL, cv.Stray, cv.Share[3], c.max, c.kl, c.stray, c.share3)
		}
		var sum float64
		for _, s := range cv.Share {
			sum += s
		}
		if math.Abs(sum-1) > 1e-12 {
			t.Errorf("%s: shares sum to %v", c.name, sum)
		}
	}
	if _, err := DigitCoverage([]int{11}, []int{1}); err == nil {
		t.Error("prediction 11: want an error")
	}
	if _, err := DigitCoverage(nil, []int{1}); err == nil {
		t.Error("no samples: want an error")
	}
}
