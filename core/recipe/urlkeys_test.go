package recipe

import (
	"reflect"
	"testing"
)

func TestSplitFragment(t *testing.T) {
	for _, c := range []struct {
		frag, text string
		url        map[string]string
	}{
		{"#data=grid25&run=1", "data=grid25", map[string]string{"run": "1"}},
		{"#model=R0F-_x&gallery=ring8&&seed=3", "seed=3", map[string]string{"model": "R0F-_x", "gallery": "ring8"}},
		{"?gallery=a&gallery=b&run", "", map[string]string{"gallery": "a"}},
		{"seed&lrg=0.1", "seed&lrg=0.1", map[string]string{}},
	} {
		text, url := SplitFragment(c.frag)
		if text != c.text || !reflect.DeepEqual(url, c.url) {
			t.Errorf("%q: %q %v, want %q %v", c.frag, text, url, c.text, c.url)
		}
	}
	// No URL key is a recipe key: a fragment never means two things.
	for _, k := range URLKeys {
		if lookup(k.Name) != nil {
			t.Errorf("%s is both a URL key and a recipe key", k.Name)
		}
	}
}
