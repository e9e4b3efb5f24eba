package recipe

import (
	"fmt"
	"strconv"
)

// MaxWorkers caps the page's workers: each is a copy of the training
// program with its own copy of the data (MNIST: ~50 MB).
const MaxWorkers = 8

// WorkersAsked reads the fragment's workers value: empty means one fewer
// than the machine's cores (navigator.hardwareConcurrency), leaving the
// page's own thread a core — on a 2-core machine, W2 in 8 shards trained
// at 0.80× on two workers against one, measured with `make bench` —
// and either is held to 1…MaxWorkers. A value that is not a whole number
// in that range is an error naming the key.
func WorkersAsked(value string, cores int) (int, error) {
	if value == "" {
		return min(max(cores-1, 1), MaxWorkers), nil
	}
	n, err := strconv.Atoi(value)
	if err != nil || n < 1 || n > MaxWorkers {
		return 0, &Error{Key: URLWorkers, Msg: fmt.Sprintf("want a whole number in [1, %d], got %q", MaxWorkers, value)}
	}
	return n, nil
}

// WorkersFor is how many of the asked workers a recipe uses: one per
// shard at most, so 1 for shards=1 (the one-batch path has nothing to
// share out).
func WorkersFor(asked int, r Recipe) int { return max(1, min(asked, r.Shards)) }
