package checkpoint_test

import (
	"bytes"
	"fmt"

	"github.com/ganplayground/ganplayground/core/checkpoint"
	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Save a run, load it back, attach its data and carry on training.
func Example() {
	rc, _ := recipe.Parse("batch=16&g=8&d=8&seed=4")
	src, _ := data.New(rc, nil)
	t, _ := gan.New(rc, src)
	for range 5 {
		t.StepOnce()
	}

	var file bytes.Buffer
	if err := checkpoint.Encode(&file, t); err != nil {
		fmt.Println(err)
		return
	}
	u, err := checkpoint.Decode(&file)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(u.Step, u.Fingerprint() == t.Fingerprint(), u.Data == nil)

	src2, _ := data.New(u.Recipe, nil) // the recipe comes from the file
	u.Attach(src2)
	u.StepOnce()
	t.StepOnce()
	fmt.Println(u.Step, u.Fingerprint() == t.Fingerprint())
	// Output:
	// 5 true true
	// 6 true
}
