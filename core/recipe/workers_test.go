package recipe

import (
	"strings"
	"testing"
)

func TestWorkers(t *testing.T) {
	for _, c := range []struct {
		value string
		cores int
		want  int
	}{
		{"", 2, 1}, {"", 4, 3}, {"", 16, MaxWorkers}, {"", 0, 1}, {"", 1, 1}, {"3", 2, 3}, {"8", 1, 8},
	} {
		if got, err := WorkersAsked(c.value, c.cores); err != nil || got != c.want {
			t.Errorf("WorkersAsked(%q, %d) = %d, %v; want %d", c.value, c.cores, got, err, c.want)
		}
	}
	for _, bad := range []string{"0", "9", "two", "-1", "2.5"} {
		if _, err := WorkersAsked(bad, 4); err == nil || !strings.Contains(err.Error(), "workers") {
			t.Errorf("WorkersAsked(%q): error %v, want one naming the key", bad, err)
		}
	}
	for _, c := range []struct {
		asked  int
		recipe string
		want   int
	}{
		{4, "batch=64", 1}, {4, "batch=64&shards=8", 4}, {8, "batch=64&shards=2", 2}, {1, "batch=64&shards=8", 1},
	} {
		rc, err := Parse(c.recipe)
		if err != nil {
			t.Fatal(err)
		}
		if got := WorkersFor(c.asked, rc); got != c.want {
			t.Errorf("WorkersFor(%d, %s) = %d, want %d", c.asked, c.recipe, got, c.want)
		}
	}
	_, url := SplitFragment("data=mnist&workers=2&run=1")
	if url[URLWorkers] != "2" {
		t.Errorf("workers is not a URL key: %v", url)
	}
}
