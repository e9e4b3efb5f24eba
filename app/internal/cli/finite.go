//go:build !(js && wasm)

package cli

import (
	"fmt"
	"math"
)

// finiteSamples refuses samples holding NaN or Inf. Finite weights can
// still overflow on the way through the net (weights near float32's
// limit); scores of such samples, or a picture of them, would be
// meaningless, so eval and sample fail instead of exiting 0.
func finiteSamples(samples []float32, dim int) error {
	for i, v := range samples {
		if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return fmt.Errorf("the model's samples are not finite (sample %d holds %v): its weights overflow, so it cannot be scored or drawn", i/max(dim, 1), v)
		}
	}
	return nil
}
