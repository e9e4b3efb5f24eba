package checkpoint

import (
	"reflect"
	"testing"

	"github.com/ganplayground/ganplayground/core/gan"
)

// A run that averages G (gema, or gavg's plain mean, here resumed inside
// its window) stores the average too: resuming gives the uninterrupted
// run's G, D and average bit for bit.
func TestResumeKeepsTheAverageOfG(t *testing.T) {
	for _, avg := range []string{"gema=0.9", "gavg=5"} {
		s := "batch=32&g=16,16&d=16&z=4&lrg=0.01&lrd=0.01&decay=1.001&seed=6&" + avg
		whole := newTrainer(t, s)
		train(t, whole, 20)
		part := newTrainer(t, s)
		train(t, part, 8)
		resumed := decode(t, encode(t, part))
		if resumed.GAvg == nil || !reflect.DeepEqual(resumed.GAvg.Params()[0].W, part.GAvg.Params()[0].W) {
			t.Fatalf("%s: the checkpoint lost the average of G", avg)
		}
		if err := resumed.Attach(whole.Data); err != nil {
			t.Fatal(err)
		}
		train(t, resumed, 12)
		if resumed.Fingerprint() != whole.Fingerprint() || gan.Fingerprint(resumed.GAvg, resumed.D) != gan.Fingerprint(whole.GAvg, whole.D) {
			t.Errorf("%s: resumed run differs from the uninterrupted one", avg)
		}
	}
}
