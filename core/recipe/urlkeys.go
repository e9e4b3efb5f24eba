package recipe

import "strings"

// The page's address carries a recipe in its fragment (#data=grid25&…),
// and beside it a few keys that are not training settings: they tell the
// page what to do with the recipe. They sit in one table, beside the
// recipe's, so that a fragment's keys are all listed in core/recipe.
const (
	URLRun     = "run"     // run=1: start training at once
	URLModel   = "model"   // model=…: a shared model (core/share.Key), opened paused
	URLGallery = "gallery" // gallery=ring8: a pretrained model shipped with the page
	URLWorkers = "workers" // workers=4: how many Web Workers share a sharded recipe's training
)

// URLKey is one row of the table of fragment keys outside the recipe.
type URLKey struct{ Name, Doc string }

// URLKeys is that table.
var URLKeys = []URLKey{
	{URLRun, "1: start training at once"},
	{URLModel, "a shared model (G's weights and the recipe), opened paused"},
	{URLGallery, "the id of a gallery model shipped with the page, opened paused"},
	{URLWorkers, "how many Web Workers train a recipe with shards > 1 (default: the machine's cores less one, at least 1 and at most 8; never more than shards); the same bits for any count"},
}

// IsURLKey reports whether name is a fragment key outside the recipe.
func IsURLKey(name string) bool {
	for _, k := range URLKeys {
		if k.Name == name {
			return true
		}
	}
	return false
}

// Part is one "key=value" of a recipe text or URL fragment.
type Part struct {
	Key, Value string
	HasValue   bool // there was an '=' (a bare "key" has none)
}

// Parts splits a recipe text or URL fragment into its parts: a leading
// '#' or '?' is dropped, and empty parts ("a=1&&b=2") are skipped. It is
// the one place that splits on '&'; values are returned as written
// (percent-encoded, if they were).
func Parts(s string) []Part {
	s = strings.TrimLeft(s, "#?")
	var out []Part
	for _, p := range strings.Split(s, "&") {
		if p == "" {
			continue
		}
		k, v, ok := strings.Cut(p, "=")
		out = append(out, Part{k, v, ok})
	}
	return out
}

// SplitFragment separates a URL fragment into the recipe's text and the
// values of the URL keys (URLKeys) it holds; a URL key without a value is
// dropped.
func SplitFragment(frag string) (recipeText string, url map[string]string) {
	url = map[string]string{}
	var keep []string
	for _, p := range Parts(frag) {
		if IsURLKey(p.Key) {
			if _, seen := url[p.Key]; p.HasValue && !seen {
				url[p.Key] = p.Value // the first one counts
			}
			continue
		}
		if p.HasValue {
			keep = append(keep, p.Key+"="+p.Value)
		} else {
			keep = append(keep, p.Key)
		}
	}
	return strings.Join(keep, "&"), url
}
