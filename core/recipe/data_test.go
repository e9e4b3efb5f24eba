package recipe

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

var dataSets = []string{"ring8", "grid25", "spiral", "moons", "custom", "mnist"}

// Every data set has a default recipe, and it parses.
func TestDataDefaultsParse(t *testing.T) {
	for _, d := range dataSets {
		text := DataDefault(d)
		if !strings.HasPrefix(text, "data="+d) {
			t.Errorf("DataDefault(%s) = %q", d, text)
		}
		r, err := ForData(d)
		if d == "custom" {
			// custom data needs its points; the page's drawing supplies them.
			if err == nil {
				t.Errorf("custom without points parsed")
			}
			continue
		}
		if err != nil || r.Data != d {
			t.Errorf("ForData(%s) = %+v, %v", d, r.Data, err)
		}
	}
	if DataDefault("cifar") != "" {
		t.Error("unknown data set has a default")
	}
	if _, err := ParseNew("data=cifar"); err == nil || !strings.Contains(err.Error(), "data") {
		t.Errorf("ParseNew(data=cifar): %v", err)
	}
}

// A new run's recipe starts from its data set's default; keys the text
// sets stay set, even at the table's default value.
func TestParseNewKeepsExplicitKeys(t *testing.T) {
	for _, d := range dataSets {
		if d == "custom" {
			continue
		}
		def, _ := ForData(d)
		got, err := ParseNew("data=" + d + "&seed=9")
		if err != nil {
			t.Fatal(err)
		}
		def.Seed = 9
		if !reflect.DeepEqual(got, def) {
			t.Errorf("%s: ParseNew = %q, want %q", d, got.Full(), def.Full())
		}
		// Every key set explicitly to the table's default stays there.
		table := Default()
		for _, k := range keys {
			if k.name == "data" || k.name == "points" || k.name == "digits" {
				continue
			}
			v := k.get(&table)
			r, err := ParseNew("data=" + d + "&" + k.name + "=" + v)
			if err != nil {
				// e.g. pack=2 against a batch the data set's default made odd
				continue
			}
			if r.Get(k.name) != v {
				t.Errorf("%s: %s=%s became %s", d, k.name, v, r.Get(k.name))
			}
			back, err := ParseNew(r.Compact())
			if err != nil || !reflect.DeepEqual(back, r) {
				t.Errorf("%s: ParseNew(Compact()) of %q = %q, %v", d, r.Full(), back.Full(), err)
			}
		}
	}
	// No data key: ring8's default.
	r, err := ParseNew("")
	want, _ := ForData("ring8")
	if err != nil || !reflect.DeepEqual(r, want) || r.Compact() != "" {
		t.Errorf("ParseNew(\"\") = %q (compact %q), %v", r.Full(), r.Compact(), err)
	}
}

// Parse, which reads stored recipes, never applies a data set's default:
// "data=X" means the table's defaults with data X, as it did when the
// file was written.
func TestParseIgnoresDataDefaults(t *testing.T) {
	for _, d := range dataSets {
		if d == "custom" {
			continue
		}
		r, err := Parse("data=" + d)
		if err != nil {
			t.Fatal(err)
		}
		want := Default()
		want.Data = d
		if !reflect.DeepEqual(r, want) {
			t.Errorf("Parse(data=%s) = %q", d, r.Full())
		}
	}
}

// Switching data sets keeps what the user changed and takes the rest
// from the new data set.
func TestWithData(t *testing.T) {
	r, err := ParseNew("data=ring8&seed=5&digits=37")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{"grid25", "mnist", "moons", "spiral", "ring8"} {
		got, err := r.WithData(d)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := ParseNew("data=" + d + "&seed=5&digits=37")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("WithData(%s) = %q, want %q", d, got.Full(), want.Full())
		}
		r = got
	}
	if _, err := r.WithData("cifar"); err == nil {
		t.Error("WithData(cifar): want an error")
	}
}

// Custom data takes its data set's default under the user's points.
func TestParseNewCustom(t *testing.T) {
	r, err := ParseNew("data=custom&points=1,1;-1,-1")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := base("custom")
	want.Points = []float32{1, 1, -1, -1}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("ParseNew(custom) = %q, want %q", r.Full(), want.Full())
	}
	if back, err := ParseNew(r.Compact()); err != nil || !reflect.DeepEqual(back, r) {
		t.Errorf("round trip %q: %v", r.Compact(), err)
	}
}

// docs/recipes.md lists every data set's default as it is.
func TestDocsListDataDefaults(t *testing.T) {
	b, err := os.ReadFile("../../docs/recipes.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dataSets {
		extra := strings.TrimPrefix(strings.TrimPrefix(DataDefault(d), "data="+d), "&")
		row := "| " + d + " | `" + extra + "`"
		if d == "custom" && extra == strings.TrimPrefix(DataDefault("ring8"), "data=ring8&") {
			row = "| custom | as ring8 |"
		}
		if !strings.Contains(string(b), row) {
			t.Errorf("docs/recipes.md has no row %q", row)
		}
	}
}
