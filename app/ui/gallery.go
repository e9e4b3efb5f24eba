package ui

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// galleryEntries are the pretrained models shipped inside the page
// (assets/gallery): they open at once, offline too, through the worker's
// link decoder like any shared model.
var galleryEntries = sync.OnceValues(assets.GalleryEntries)

// galleryEntry finds a gallery model by id.
func galleryEntry(id string) (assets.GalleryEntry, error) {
	es, err := galleryEntries()
	if err != nil {
		return assets.GalleryEntry{}, fmt.Errorf("the gallery cannot be read: %w", err)
	}
	for _, e := range es {
		if e.ID == id {
			return e, nil
		}
	}
	return assets.GalleryEntry{}, fmt.Errorf("there is no gallery model %q", id)
}

// actGallery asks the Playground to open a gallery model: value is its id.
const actGallery = "gan/gallery"

// Gallery lists the pretrained models with what they measured.
type Gallery struct {
	app.Compo
	Open string // the id of the gallery model on the page, if any
}

func (g *Gallery) Render() app.UI {
	es, err := galleryEntries()
	if err != nil {
		return app.Div().Class("gallery error").Attr("data-test", "gallery").Text("The gallery cannot be read: " + err.Error())
	}
	return app.Details().Class("gallery").Attr("data-test", "gallery").Open(true).Body(
		app.Summary().Text("Gallery: trained models to open"),
		app.Div().Class("gallery-items").Body(app.Range(es).Slice(func(i int) app.UI {
			e := es[i]
			item := app.Div().Class("gallery-item").Attr("data-test", "gallery-item").Attr("data-id", e.ID).Title(e.Blurb)
			if e.ID == g.Open {
				item = item.Class("open")
			}
			return item.Body(
				app.Button().Text(e.Title).Attr("data-test", "gallery-open-"+e.ID).Title("open it, paused: "+e.Blurb).
					OnClick(func(ctx app.Context, _ app.Event) { ctx.NewActionWithValue(actGallery, e.ID) }),
				app.Div().Class("muted small").Attr("data-test", "gallery-metrics-"+e.ID).Text(galleryFigures(e)),
			)
		})),
		app.Details().Class("muted small").Body(
			app.Summary().Text("how these were measured"),
			app.Text("Each model was trained from its recipe in this project and measured on the very weights shown "+
				"here, with the full protocol: 2,500 points for 2-D data; for MNIST the paper's Parzen estimate with "+
				"10,000 samples (the command line's `bin/app eval`)."),
		),
	)
}

// shippedMNIST is the gallery model on the page when it is an all-digit
// MNIST model with a Parzen score, for the paper's table; else nil.
func (p *Playground) shippedMNIST() *assets.GalleryEntry {
	id := p.galleryOpen()
	if id == "" {
		return nil
	}
	e, err := galleryEntry(id)
	if err != nil || !dataSet(e.Data).NeedsDigits || !allDigits(e) {
		return nil
	}
	if _, ok := e.Metrics["parzen_ll"]; !ok {
		return nil
	}
	return &e
}

// allDigits reports whether e models all ten digits: the only models the
// paper's all-digit Parzen figure compares with.
func allDigits(e assets.GalleryEntry) bool { return e.Metrics["digits_total"] == 10 }

// galleryFigures is one line of what eval measured, in the order a reader
// compares them; unknown metrics are left out.
func galleryFigures(e assets.GalleryEntry) string {
	m := e.Metrics
	has := func(k string) bool { v, ok := m[k]; return ok && !math.IsNaN(v) }
	var parts []string
	if has("modes") && has("modes_total") {
		parts = append(parts, fmt.Sprintf("%.0f/%.0f modes", m["modes"], m["modes_total"]))
	}
	if has("hq") {
		parts = append(parts, fmt.Sprintf("%.0f%% high quality", 100*m["hq"]))
	}
	if has("jsd") {
		parts = append(parts, fmt.Sprintf("JSD %.3f", m["jsd"]))
	}
	if has("parzen_ll") {
		p := fmt.Sprintf("Parzen %.1f", m["parzen_ll"])
		if has("parzen_se") {
			p += fmt.Sprintf(" ± %.1f", m["parzen_se"])
		}
		// The paper's figure is for all ten digits; a model of fewer
		// is scored against its own digits' test images.
		if allDigits(e) {
			p += " (paper 225 ± 2)"
		} else {
			p += " (test images of its digits)"
		}
		parts = append(parts, p)
	}
	if has("fd_classifier") {
		parts = append(parts, fmt.Sprintf("Fréchet %.2f", m["fd_classifier"]))
	}
	if has("digits_covered") && has("digits_total") {
		parts = append(parts, fmt.Sprintf("%.0f/%.0f digits", m["digits_covered"], m["digits_total"]))
	}
	parts = append(parts, fmt.Sprintf("%d steps", e.Steps))
	return strings.Join(parts, " · ")
}
