package ui

import "github.com/ganplayground/ganplayground/core/recipe"

// dataDefaults is a data set's default recipe (core/recipe's per-data-set
// table); an unknown name gets the recipe's defaults.
func dataDefaults(data string) recipe.Recipe {
	rc, err := recipe.ForData(data)
	if err != nil {
		return recipe.Default()
	}
	return rc
}
