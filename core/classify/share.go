package classify

import (
	"fmt"
	"math"
)

// Coverage is how a generator's samples spread over the digits, as the
// classifier reads them.
type Coverage struct {
	Share   [Classes]float64 // fraction of samples classified as each digit
	Covered int              // selected digits with at least CoverMin of their fair share
	Total   int              // selected digits
	Max     float64          // the largest share of any digit
	KL      float64          // KL(share among the selected digits ‖ uniform), nats; 0 is perfectly even
	Stray   float64          // fraction of samples classified as a digit that was not selected
}

// CoverMin is the fraction of its fair share (1/len(digits)) a digit needs
// to count as covered: with all ten digits, 2% of the samples. A collapsed
// generator still has the odd stray sample classified as a missing digit;
// that is not coverage.
const CoverMin = 0.2

// DigitCoverage summarises predicted digits against the selected digits.
func DigitCoverage(pred []int, digits []int) (Coverage, error) {
	var cv Coverage
	if len(pred) == 0 || len(digits) == 0 {
		return cv, fmt.Errorf("classify: coverage of %d samples over %d digits", len(pred), len(digits))
	}
	var count [Classes]int
	for _, p := range pred {
		if p < 0 || p >= Classes {
			return cv, fmt.Errorf("classify: prediction %d is not a digit", p)
		}
		count[p]++
	}
	var sel [Classes]bool
	for _, d := range digits {
		if d < 0 || d >= Classes {
			return cv, fmt.Errorf("classify: %d is not a digit", d)
		}
		if !sel[d] {
			sel[d] = true
			cv.Total++
		}
	}
	fair := 1 / float64(cv.Total)
	in := 0 // samples on selected digits
	for d, n := range count {
		s := float64(n) / float64(len(pred))
		cv.Share[d] = s
		cv.Max = math.Max(cv.Max, s)
		if !sel[d] {
			cv.Stray += s
			continue
		}
		in += n
		if s >= CoverMin*fair {
			cv.Covered++
		}
	}
	for d, n := range count {
		if sel[d] && n > 0 {
			q := float64(n) / float64(in)
			cv.KL += q * math.Log(q/fair)
		}
	}
	return cv, nil
}
