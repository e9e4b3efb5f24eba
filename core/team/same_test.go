package team

import (
	"testing"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// sameRecipe agrees with the recipes' texts, and allocates nothing.
func TestSameRecipe(t *testing.T) {
	const text = "data=mnist&digits=3,5&g=64,32&lrd=0.001&shards=4"
	base, err := recipe.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, other := range []string{text, "data=mnist&digits=3,6&g=64,32&lrd=0.001&shards=4",
		"data=mnist&digits=3&g=64,32&lrd=0.001&shards=4", "data=mnist&digits=3,5&g=64,33&lrd=0.001&shards=4",
		"data=mnist&digits=3,5&g=64,32&lrd=0.0005&shards=4", "data=mnist&digits=3,5&g=64,32&lrd=0.001&shards=8",
		"data=mnist&digits=3,5&g=64,32&lrd=0.001&shards=4&seed=2", "data=ring8&g=64,32&lrd=0.001&shards=4",
		"data=mnist&digits=3,5&g=64,32&lrd=0.001&shards=4&steps=10"} {
		other, err := recipe.Parse(other)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := sameRecipe(&base, &other), base.String() == other.String(); got != want {
			t.Errorf("%s: sameRecipe %v, the texts say %v", other, got, want)
		}
	}
	twin, err := recipe.Parse(base.String())
	if err != nil {
		t.Fatal(err)
	}
	if !sameRecipe(&base, &twin) {
		t.Errorf("a recipe and its text's recipe differ")
	}
	if n := testing.AllocsPerRun(100, func() { sameRecipe(&base, &twin) }); n != 0 {
		t.Errorf("sameRecipe: %v allocations", n)
	}
}
