package ui

import (
	"net/url"
	"strings"
	"testing"
)

// A bad percent escape in the fragment must leave an address go-app can
// parse, whose fragment reads back as typed and fails as a recipe,
// naming the key: the page shows the message and runs the default.
func TestSafeHrefKeepsThePageAlive(t *testing.T) {
	for _, c := range []struct{ frag, key string }{
		{"seed=%zz", "seed"},
		{"data=ring8%", "data"},
		{"points=1%2", "points"},
		{"g=16,16&seed=%&run=1", "seed"},
	} {
		href := "http://localhost:8000/#" + c.frag
		if _, err := url.Parse(href); err == nil {
			t.Fatalf("%s parses already; the test needs an address url.Parse refuses", href)
		}
		safe, changed := SafeHref(href)
		u, err := url.Parse(safe)
		if !changed || err != nil {
			t.Fatalf("%s: %q, changed %v, %v", href, safe, changed, err)
		}
		frag, _ := strings.CutPrefix(safe, "http://localhost:8000/#")
		rc, _, err := ParseFragment(frag)
		if err == nil || !strings.Contains(err.Error(), c.key) {
			t.Errorf("%s: the fragment %q gave %v, want an error naming %s", c.frag, frag, err, c.key)
		}
		if rc.String() != "" {
			t.Errorf("%s: recipe %q, want the default", c.frag, rc.String())
		}
		if u.Host != "localhost:8000" {
			t.Errorf("%s: host %q", c.frag, u.Host)
		}
	}
	good := "http://localhost:8000/#data=grid25&lrg=0.001&points=1%2C2"
	if s, changed := SafeHref(good); changed || s != good {
		t.Errorf("a good address changed: %q", s)
	}
}
