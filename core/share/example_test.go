package share_test

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/share"
)

// A model link round trip: the page puts Fragment(value) after '#', and
// the page that opens it finds the value with FromFragment.
func Example() {
	rc, _ := recipe.Parse("g=16&d=16&z=8&seed=3")
	t, _ := gan.Build(rc) // a trained trainer, in the page
	value, info, err := share.Encode(t)
	if err != nil {
		fmt.Println(err) // ErrLinkTooLarge: offer a checkpoint file instead
		return
	}
	fmt.Println(info.Quant, info.Params, info.Fits())

	link := "https://example.org/#" + share.Fragment(value)
	v, _ := share.FromFragment(link[len("https://example.org/"):])
	opened, got, err := share.Decode(v)
	fmt.Println(err, got.Recipe, opened.Step)
	// Output:
	// float16 178 true
	// <nil> seed=3&z=8&g=16&d=16 0
}
