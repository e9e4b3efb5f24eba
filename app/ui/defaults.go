package ui

import "github.com/ganplayground/ganplayground/core/recipe"

// dataDefaults is the default recipe for a data set: the recipe's
// defaults with that data.
func dataDefaults(data string) recipe.Recipe {
	rc := recipe.Default()
	if err := rc.Set("data", data); err != nil {
		return recipe.Default()
	}
	return rc
}
