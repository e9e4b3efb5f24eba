package gan

import (
	"slices"
	"testing"
)

// Samples at temperature τ are G(τ·z), and τ never touches training: the
// same recipe at temp=1 and temp=0.5 trains bit-identical weights.
func TestTemperature(t *testing.T) {
	const rec = "batch=32&g=8,8&d=8&z=3&lrg=0.01&lrd=0.01&gema=0.9"
	cold := newTrainer(t, rec+"&temp=0.5")
	warm := newTrainer(t, rec)
	for step := 0; step < 10; step++ {
		if err := cold.StepOnce(); err != nil {
			t.Fatal(err)
		}
		if err := warm.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	if cold.Fingerprint() != warm.Fingerprint() {
		t.Fatal("the sampling temperature changed training")
	}
	const n = 7
	z := cold.Noise(n, 5)
	half := slices.Clone(z)
	for i := range half {
		half[i] *= 0.5
	}
	got := slices.Clone(cold.Generate(z, n))
	want := slices.Clone(warm.Generate(half, n))
	if !slices.Equal(got, want) {
		t.Fatalf("G at temp 0.5 gives %v, G(0.5·z) %v", got[:4], want[:4])
	}
	if slices.Equal(got, warm.Generate(z, n)) {
		t.Fatal("temp 0.5 samples equal temp 1 samples")
	}
	if z2 := cold.Noise(n, 5); !slices.Equal(z, z2) {
		t.Fatal("Generate scaled the caller's noise in place")
	}
}
