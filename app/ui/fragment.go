package ui

import (
	"strings"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// Page-only keys of the fragment: they drive the page, not the training,
// and are removed before recipe.Parse.
const runKey = "run"

// modelKey carries a shared model (core/share.Key; a test checks they
// agree). The page opens it through the worker; ParseFragment skips it.
const modelKey = "model"

// galleryKey names a gallery model (#gallery=ring8): a short link to a
// pretrained model shipped with the page. ParseFragment skips it.
const galleryKey = "gallery"

// ParseFragment reads the URL fragment: a recipe plus the page-only keys
// run=1 (start training at once) and model=… (a shared model, see
// ModelLink), which it skips. On error the default recipe comes back
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
		if name == modelKey || name == galleryKey {
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

// ModelLink is the shared model's value in a fragment ("#model=R0FOA…"),
// if there is one. The value is untrusted: the worker decodes it.
func ModelLink(frag string) (string, bool) {
	for _, part := range strings.Split(strings.TrimPrefix(frag, "#"), "&") {
		if v, ok := strings.CutPrefix(part, modelKey+"="); ok {
			return v, true
		}
	}
	return "", false
}

// GalleryID is the gallery model named in a fragment ("#gallery=ring8"),
// if there is one.
func GalleryID(frag string) (string, bool) {
	for _, part := range strings.Split(strings.TrimPrefix(frag, "#"), "&") {
		if v, ok := strings.CutPrefix(part, galleryKey+"="); ok {
			return v, true
		}
	}
	return "", false
}
