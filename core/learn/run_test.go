package learn

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// StepsTo scores every `every` steps up to the limit and reports the
// last score when the target is not met.
func TestStepsToScoresUpToTheLimit(t *testing.T) {
	rc, err := recipe.Parse("batch=16&g=8&d=8&steps=1000")
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	res, err := StepsTo(rc, 10, 25, func(s Score) { seen = append(seen, s.Step) })
	if err != nil {
		t.Fatal(err)
	}
	if res.Reached || res.Steps != 25 || res.Last.Step != 25 || res.Last.ModesTotal != 8 {
		t.Errorf("result %+v", res)
	}
	if !reflect.DeepEqual(seen, []int{10, 20, 25}) {
		t.Errorf("scored at %v, want [10 20 25]", seen)
	}
	if _, err := StepsTo(rc, 0, 25, nil); err == nil {
		t.Error("every=0: want an error")
	}
	mn, _ := recipe.Parse("data=mnist")
	if _, err := StepsTo(mn, 10, 20, nil); err == nil {
		t.Error("mnist has no 2-D target: want an error")
	}
}

// Through trains on past the first score that meets the target, keeps
// that first score in Steps and Last, and reports the last in AtLimit;
// StepsTo stops at the first.
func TestThroughGoesOnToTheLimit(t *testing.T) {
	rc, err := recipe.Parse("batch=16&g=8&d=8&steps=1000")
	if err != nil {
		t.Fatal(err)
	}
	kept := Targets["ring8"]
	defer func() { Targets["ring8"] = kept }()
	Targets["ring8"] = Target{"ring8", "scored at step 20 or later", func(s Score) bool { return s.Step >= 20 }}
	var seen []int
	res, err := Through(rc, nil, 10, 45, func(s Score) { seen = append(seen, s.Step) })
	if err != nil {
		t.Fatal(err)
	}
	if !res.Reached || res.Steps != 20 || res.Last.Step != 20 || res.AtLimit == nil || res.AtLimit.Step != 45 {
		t.Errorf("result %+v, at limit %+v", res, res.AtLimit)
	}
	if !reflect.DeepEqual(seen, []int{10, 20, 30, 40, 45}) {
		t.Errorf("scored at %v, want [10 20 30 40 45]", seen)
	}
	first, err := StepsTo(rc, 10, 45, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !first.Reached || first.Steps != 20 || first.AtLimit != nil {
		t.Errorf("StepsTo: %+v", first)
	}
}

// The table names a missed target with the score it stopped at.
func TestWriteTable(t *testing.T) {
	var b strings.Builder
	WriteTable(&b, []Row{{Data: "moons", Target: "jsd ≤ 0.05", Limit: 2000, Results: []Result{
		{Reached: true, Steps: 500, Seconds: 1},
		{Reached: true, Steps: 450, Seconds: 1},
		{Steps: 2000, Last: Score{Step: 2000, JSD: 0.07}, Seconds: 4},
	}}})
	want := "| moons | jsd ≤ 0.05 | 2000 | 500 | 450 | not by 2000 (step 2000: jsd 0.0700) | 2.0 |"
	if !strings.Contains(b.String(), want) {
		t.Errorf("table\n%s\nwant the row\n%s", b.String(), want)
	}
}
