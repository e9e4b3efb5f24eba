package checkpoint

import (
	"bytes"
	"errors"
	"testing"

	"github.com/ganplayground/ganplayground/core/gan"
)

// A run whose Adam second moment overflowed: its weights are finite, its
// optimiser state is not. Encode must refuse it rather than write a file
// that Decode calls damaged.
func TestEncodeRefusesOverflowedOptimiser(t *testing.T) {
	tr := newTrainer(t, "loss=lsgan&lrg=10&lrd=10&decay=1&gact=leaky&steps=2")
	for !tr.Done() {
		if err := tr.StepOnce(); err != nil {
			break // the trainer's own verdict; Encode must agree with Decode regardless
		}
	}
	var b bytes.Buffer
	err := Encode(&b, tr)
	if err == nil {
		_, derr := Decode(bytes.NewReader(b.Bytes()))
		t.Fatalf("Encode wrote %d bytes that Decode refuses: %v", b.Len(), derr)
	}
	if b.Len() != 0 || !errors.Is(err, gan.ErrDiverged) {
		t.Fatalf("refusal wrote %d bytes: %v", b.Len(), err)
	}
}
