package ui

// The quick estimate's sample count. Its cost is samples × (validation +
// test images), and a run of k digits is scored against about k/10 of the
// evaluation set's images (the chosen digits' own, as `app eval` does): so
// fewer digits afford more samples at the same cost. A one-digit model gets
// the full protocol's 10,000 samples, and with them a figure that agrees
// with its full-protocol score (its gallery card) within the stated error;
// 2,000 samples fit the window too loosely in 784 dimensions and read tens
// of nats lower.
const (
	evalBaseSamples = 2000  // for all ten digits (the worker's default)
	evalMaxSamples  = 10000 // the worker's upper bound (core/session)
)

// evalSamples is the sample count for a run of the given number of digits.
func evalSamples(digits int) int {
	if digits <= 0 || digits >= 10 {
		return evalBaseSamples
	}
	return min(evalMaxSamples, evalBaseSamples*10/digits)
}
