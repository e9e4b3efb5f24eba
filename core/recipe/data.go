package recipe

import (
	"net/url"
	"strings"
)

// A data set's default recipe: the keys its one-click run sets on top of
// the table's defaults (keys.go, which are the ring8 demo of format 1 and
// stay what they are, so that stored recipes keep their meaning). Each
// entry is what that data set needs to be learned within a short page
// visit; the measurements behind each are beside it, and
// docs/time-to-learn.md tabulates steps to target.
//
// Where defaults apply: ParseNew (a new run's recipe: the CLI's train
// without -from, the page's address) starts from the named data set's
// default; Parse (stored recipes: checkpoints, model links, gallery files,
// the worker's messages, which carry complete recipes) does not. A key the
// text sets is always what the text says.
var dataDefaults = map[string]string{
	"ring8":  "",
	"grid25": "",
	"spiral": "",
	"moons":  "",
	"custom": "",
	"mnist":  "",
}

// DataDefault is the recipe text of a data set's one-click run
// ("data=grid25&prior=uniform&…"), or "" for an unknown data set.
func DataDefault(data string) string {
	extra, ok := dataDefaults[data]
	if !ok {
		return ""
	}
	if extra == "" {
		return "data=" + data
	}
	return "data=" + data + "&" + extra
}

// ForData is a data set's one-click recipe. An unknown data set gives the
// table's defaults and an error naming the key.
func ForData(data string) (Recipe, error) {
	text := DataDefault(data)
	if text == "" {
		return Default(), &Error{Key: "data", Msg: "unknown data set " + data}
	}
	return Parse(text)
}

// ParseNew reads the recipe of a new run: the data set it names (ring8 if
// none) starts from that data set's default recipe, and every key the
// text sets is applied over it. ParseNew(r.Compact()) == r.
func ParseNew(s string) (Recipe, error) {
	data := "ring8"
	for _, part := range strings.Split(strings.TrimLeft(s, "#?"), "&") {
		if v, ok := strings.CutPrefix(part, "data="); ok {
			if u, err := url.QueryUnescape(v); err == nil {
				v = u
			}
			data = v
		}
	}
	base, err := ForData(data)
	if err != nil {
		// Parse names the bad value the way it names every other.
		return Parse(s)
	}
	return parseOnto(base, s)
}

// Compact encodes r for ParseNew: data, then the keys that differ from
// its data set's default recipe, in table order — the shortest link to a
// run (the page's address). Parse needs String instead.
func (r Recipe) Compact() string {
	def, err := ForData(r.Data)
	if err != nil {
		return r.String()
	}
	parts := []string{"data=" + r.Data}
	for _, k := range keys {
		if k.name == "data" {
			continue
		}
		if v := k.get(&r); v != k.get(&def) {
			parts = append(parts, k.name+"="+v)
		}
	}
	if r.Data == "ring8" && len(parts) > 1 {
		parts = parts[1:]
	} else if r.Data == "ring8" {
		return ""
	}
	return strings.Join(parts, "&")
}

// WithData switches r to another data set the way the page's data buttons
// do: keys r sets away from its own data set's default stay set (digits
// and points too, so a drawing or a choice of digits survives a visit to
// another data set), the rest take the new data set's defaults.
func (r Recipe) WithData(data string) (Recipe, error) {
	if _, err := ForData(data); err != nil {
		return r, err
	}
	var keep []string
	for _, part := range strings.Split(r.Compact(), "&") {
		if part != "" && !strings.HasPrefix(part, "data=") {
			keep = append(keep, part)
		}
	}
	return ParseNew(strings.Join(append([]string{"data=" + data}, keep...), "&"))
}
