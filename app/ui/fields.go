package ui

import (
	"strings"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// field is one editable setting of the settings panel, taken from the
// recipe's own table so the panel can never disagree with the format.
type field struct {
	Name, Doc, Default string
	Options            []string // an enum's allowed values; nil for free text
	Live               bool     // applied to the running trainer without a reset
}

// liveKeys change while training (the optimisers read them every step;
// temp only changes how samples are drawn).
var liveKeys = map[string]bool{"lrg": true, "lrd": true, "k": true, "steps": true, "temp": true}

// hiddenKeys have their own controls (data picker, digit toggles, drawing).
var hiddenKeys = map[string]bool{"data": true, "digits": true, "points": true}

// fields lists the settings panel's rows, in the recipe's order.
func fields() []field {
	var out []field
	for _, d := range recipe.Docs() {
		if hiddenKeys[d.Name] {
			continue
		}
		f := field{Name: d.Name, Doc: d.Doc, Default: d.Default, Live: liveKeys[d.Name]}
		// Enum docs end in "(a|b|c)": that list is the whitelist.
		if i := strings.LastIndex(d.Doc, "("); i >= 0 && strings.HasSuffix(d.Doc, ")") && strings.Contains(d.Doc[i:], "|") {
			f.Options = strings.Split(d.Doc[i+1:len(d.Doc)-1], "|")
			f.Doc = strings.TrimSpace(d.Doc[:i])
		}
		out = append(out, f)
	}
	return out
}

// dataSets are the data picker's choices: core/data's table.
var dataSets = data.Names()

// dataSet is the named set's row of core/data's table (a row with no
// features for an unknown name).
func dataSet(name string) *data.Set {
	if s := data.Lookup(name); s != nil {
		return s
	}
	return &data.Set{Name: name, Dim: 2}
}

// drawnSet is the set the user draws (the table's row with NeedsPoints).
func drawnSet() string {
	for _, s := range data.Sets {
		if s.NeedsPoints {
			return s.Name
		}
	}
	return ""
}
