package assets

import (
	"testing"
	"testing/fstest"

	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/share"
)

// The shipped gallery: every model it promises, each link opening to
// the model its recipe file trains, at the recorded step, with metrics.
func TestGalleryEntriesOpen(t *testing.T) {
	es, err := GalleryEntries()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"grid25": "grid25", "mnist-all": "mnist", "mnist-one": "mnist", "ring8": "ring8", "spiral": "spiral"}
	got := map[string]bool{}
	for i, e := range es {
		got[e.ID] = true
		if i > 0 && es[i-1].ID >= e.ID {
			t.Errorf("entries not sorted by id: %s before %s", es[i-1].ID, e.ID)
		}
		if d, ok := want[e.ID]; ok && e.Data != d {
			t.Errorf("%s: data %q, want %q", e.ID, e.Data, d)
		}
		if e.Title == "" || len(e.Metrics) == 0 || e.Command == "" {
			t.Errorf("%s: incomplete entry %+v", e.ID, e)
		}
		m, info, err := share.DecodeBundle(e.Link)
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		text, err := GalleryRecipe(e.ID)
		if err != nil {
			t.Errorf("%s: %v", e.ID, err)
			continue
		}
		rc, err := recipe.Parse(text)
		if err != nil || rc.Full() != m.Recipe.Full() {
			t.Errorf("%s: the link's recipe %q is not its recipe file's %q (%v)", e.ID, m.Recipe.String(), text, err)
		}
		if info.Step != e.Steps || info.Step != rc.Steps || info.Quant.String() != e.Quant || m.Recipe.Data != e.Data {
			t.Errorf("%s: link step %d, %s, data %s; entry says step %d, %s, data %s", e.ID, info.Step, info.Quant, m.Recipe.Data, e.Steps, e.Quant, e.Data)
		}
	}
	for id := range want {
		if !got[id] {
			t.Errorf("gallery lacks %s", id)
		}
	}
}

// A half-rebuilt gallery is an error, not a silently shorter list.
func TestGalleryRejectsMismatches(t *testing.T) {
	entry := `{"id":"a","title":"A","data":"ring8","metrics":{"hq":1},"link_bytes":5}`
	cases := map[string]fstest.MapFS{
		"no link":      {"g/a.json": {Data: []byte(entry)}},
		"wrong id":     {"g/b.json": {Data: []byte(entry)}, "g/b.link": {Data: []byte("R0FOA")}},
		"wrong length": {"g/a.json": {Data: []byte(entry)}, "g/a.link": {Data: []byte("R0FOAx")}},
		"bad json":     {"g/a.json": {Data: []byte("{")}, "g/a.link": {Data: []byte("R0FOA")}},
	}
	for name, fsys := range cases {
		if _, err := readGallery(fsys, "g"); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
	es, err := readGallery(fstest.MapFS{"g/a.json": {Data: []byte(entry)}, "g/a.link": {Data: []byte("R0FOA\n")}}, "g")
	if err != nil || len(es) != 1 || es[0].Link != "R0FOA" || es[0].Metrics["hq"] != 1 {
		t.Fatalf("%+v, %v", es, err)
	}
}
