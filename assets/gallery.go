package assets

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// The gallery: pretrained models the page opens at once, offline too. Per
// model ID, gallery/ holds
//
//	ID.recipe  the recipe that trains it (one line, with seed and steps)
//	ID.link    its model link's value (core/share, the text after #model=)
//	ID.json    a GalleryEntry without Link: what eval measured on the
//	           model decoded from ID.link, and how long training took
//
// `make gallery` (app gallery) rebuilds .link and .json from the recipes.
//
//go:embed gallery
var gallery embed.FS

// GalleryEntry is one gallery model.
type GalleryEntry struct {
	ID           string             `json:"id"`
	Title        string             `json:"title"`
	Blurb        string             `json:"blurb"`
	Data         string             `json:"data"`          // the recipe's data set
	Metrics      map[string]float64 `json:"metrics"`       // eval's scores of the decoded link, by eval's JSON names
	LinkBytes    int                `json:"link_bytes"`    // len(Link)
	Quant        string             `json:"quant"`         // float16 or int8
	Steps        int                `json:"steps"`         // training steps
	TrainSeconds float64            `json:"train_seconds"` // native, one run of app gallery
	Command      string             `json:"command"`       // how to rebuild it
	Link         string             `json:"-"`             // ID.link: open with share.DecodeBundle
}

// GalleryEntries reads every model of the gallery, sorted by id. A .json
// without its .link, or whose id or link length disagrees with its files,
// is an error: the gallery was half rebuilt.
func GalleryEntries() ([]GalleryEntry, error) {
	return readGallery(gallery, "gallery")
}

func readGallery(fsys fs.FS, dir string) ([]GalleryEntry, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]GalleryEntry, 0, len(names))
	for _, name := range names {
		id := strings.TrimSuffix(path.Base(name), ".json")
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var e GalleryEntry
		if err := json.Unmarshal(b, &e); err != nil {
			return nil, fmt.Errorf("gallery %s: %w", name, err)
		}
		link, err := fs.ReadFile(fsys, path.Join(dir, id+".link"))
		if err != nil {
			return nil, fmt.Errorf("gallery %s: %w", id, err)
		}
		e.Link = strings.TrimSpace(string(link))
		switch {
		case e.ID != id:
			return nil, fmt.Errorf("gallery %s: the file says id %q", name, e.ID)
		case e.Link == "" || len(e.Link) != e.LinkBytes:
			return nil, fmt.Errorf("gallery %s: link is %d bytes, the entry says %d", id, len(e.Link), e.LinkBytes)
		}
		out = append(out, e)
	}
	return out, nil
}

// GalleryRecipe is the recipe text that trained the model id (ID.recipe).
func GalleryRecipe(id string) (string, error) {
	b, err := fs.ReadFile(gallery, path.Join("gallery", id+".recipe"))
	return strings.TrimSpace(string(b)), err
}
