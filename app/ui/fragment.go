package ui

import (
	"strings"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// Page-only keys of the fragment: they drive the page, not the training,
// and are removed before recipe.Parse.
const runKey = "run"

// ParseFragment reads the URL fragment: a recipe plus the page-only key
// run=1 (start training at once). On error the default recipe comes back
// with the error, so the demo stays usable.
func ParseFragment(frag string) (rc recipe.Recipe, run bool, err error) {
	frag = strings.TrimPrefix(frag, "#")
	var keep []string
	for _, part := range strings.Split(frag, "&") {
		name, val, _ := strings.Cut(part, "=")
		if name == runKey {
			run = val == "1" || val == "true"
			continue
		}
		if part != "" {
			keep = append(keep, part)
		}
	}
	rc, err = recipe.Parse(strings.Join(keep, "&"))
	if err != nil {
		return recipe.Default(), false, err
	}
	return rc, run, nil
}

// Fragment is the URL fragment of a recipe (canonical: only non-defaults).
func Fragment(rc recipe.Recipe) string { return rc.String() }
