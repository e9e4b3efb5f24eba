package gan

import "testing"

func TestFromText(t *testing.T) {
	a, err := FromText("batch=8&g=4&d=4&steps=5&seed=3", -1)
	if err != nil || a.Step != 5 {
		t.Fatalf("to the limit: step %v, %v", a, err)
	}
	b, err := FromText("batch=8&g=4&d=4&steps=5&seed=3", 2)
	if err != nil || b.Step != 2 {
		t.Fatalf("two steps: %v", err)
	}
	for b.Step < 5 {
		if err := b.StepOnce(); err != nil {
			t.Fatal(err)
		}
	}
	if a.Fingerprint() != b.Fingerprint() {
		t.Error("the same run reached two ways differs")
	}
	if _, err := FromText("data=mnist", 0); err == nil {
		t.Error("MNIST without its files built")
	}
	if _, err := FromText("batch=-1", 0); err == nil {
		t.Error("a bad recipe built")
	}
}
