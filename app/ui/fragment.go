package ui

import (
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Page-only keys of the fragment (recipe.URLKeys): they drive the page,
// not the training, and are removed before recipe.Parse.
const (
	runKey     = recipe.URLRun
	modelKey   = recipe.URLModel // core/share.Key (a test checks they agree)
	galleryKey = recipe.URLGallery
	workersKey = recipe.URLWorkers
)

// Workers is how many workers the fragment asks to train on
// (recipe.WorkersAsked): its workers value, else the machine's cores. The
// worker uses at most one per shard of the recipe (recipe.WorkersFor).
func Workers(frag string, cores int) (int, error) {
	_, url := recipe.SplitFragment(frag)
	return recipe.WorkersAsked(url[workersKey], cores)
}

// ParseFragment reads the URL fragment: a recipe plus the page-only keys
// run=1 (start training at once), model=… (a shared model, see ModelLink)
// and gallery=… (see GalleryID). The recipe is a new run's: the keys it
// sets over its data set's default recipe (recipe.ParseNew). On error the
// default recipe comes back with the error, so the demo stays usable.
func ParseFragment(frag string) (rc recipe.Recipe, run bool, err error) {
	text, url := recipe.SplitFragment(frag)
	run = url[runKey] == "1" || url[runKey] == "true"
	rc, err = recipe.ParseNew(text)
	if err != nil {
		return recipe.Default(), false, err
	}
	return rc, run, nil
}

// Fragment is the URL fragment of a recipe: the keys that differ from its
// data set's default recipe (recipe.Compact; ParseFragment reads it back).
func Fragment(rc recipe.Recipe) string { return rc.Compact() }

// ModelLink is the shared model's value in a fragment ("#model=R0FOA…"),
// if there is one. The value is untrusted: the worker decodes it.
func ModelLink(frag string) (string, bool) {
	_, url := recipe.SplitFragment(frag)
	v, ok := url[modelKey]
	return v, ok
}

// GalleryID is the gallery model named in a fragment ("#gallery=ring8"),
// if there is one.
func GalleryID(frag string) (string, bool) {
	_, url := recipe.SplitFragment(frag)
	v, ok := url[galleryKey]
	return v, ok
}

// setWorkers tells the worker how many workers the fragment asks for; a
// bad value is reported and the machine's cores are used.
func (p *Playground) setWorkers(frag string) {
	n, err := Workers(frag, hardwareCores())
	if err != nil {
		p.formErr = "Bad settings in the URL: " + err.Error() + "."
		n, _ = Workers("", hardwareCores())
	}
	p.br.setWorkers(n)
}
