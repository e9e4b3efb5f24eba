package gan

import (
	"errors"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// A trainer built without data refuses to train until a source of the
// right dimension is attached.
func TestBuildThenAttach(t *testing.T) {
	rc, _ := recipe.Parse("batch=16&g=8&d=8")
	tr, err := Build(rc)
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.StepOnce(); !errors.Is(err, ErrNoData) {
		t.Fatalf("step without data: %v, want ErrNoData", err)
	}
	if len(tr.Samples(4, 1)) != 8 {
		t.Fatal("a built trainer should sample without data")
	}
	cases := []struct {
		src data.Source
		ok  bool
	}{
		{nil, false},
		{&data.Digits{}, false},
		{data.Ring8(), true},
	}
	for _, c := range cases {
		if err := tr.Attach(c.src); (err == nil) != c.ok {
			t.Errorf("Attach(%T): %v", c.src, err)
		}
	}
	if err := tr.StepOnce(); err != nil {
		t.Fatal(err)
	}
}
