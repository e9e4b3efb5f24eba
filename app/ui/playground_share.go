package ui

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareState is the Playground's part of model links and downloads.
type shareState struct {
	pending    bool
	pendingRun int // a crash (a new run) drops a pending share
	made       protocol.LinkInfo
	url        string
	err        string
	opened     protocol.LinkInfo
	// The runs the link was made in and opened as: the panel shows them
	// only while that run lasts (a reset or a new recipe starts another).
	madeRun, openedRun int
	onLoad             bool // the link being opened came with the page: a failure leaves the default demo
}

// handleShare registers the share panel's actions (called from OnMount).
func (p *Playground) handleShare(ctx app.Context) {
	ctx.Handle(actShare, func(ctx app.Context, a app.Action) {
		p.share.pending, p.share.err, p.share.made, p.share.url = true, "", protocol.LinkInfo{}, ""
		p.share.pendingRun = p.rep.Run
		p.br.send(&protocol.Command{Op: protocol.OpShare})
		ctx.Update()
	})
	ctx.Handle(actExportG, func(ctx app.Context, a app.Action) {
		p.share.err = ""
		p.br.send(&protocol.Command{Op: protocol.OpExportG})
	})
	ctx.Handle(actExportPNG, func(ctx app.Context, a app.Action) {
		id := "samples"
		if p.rc.DataDim() == 2 {
			// G's samples alone, not the whole view with D and the data.
			id = "export"
			p.paint.view(canvasByID(id), &p.rep, protocol.LayerFake, nil, nil)
		}
		name := fmt.Sprintf("samples-%s-step%d.png", p.rc.Data, p.rep.Step)
		if err := downloadCanvas(id, name); err != nil {
			p.share.err = "Cannot export the samples: " + err.Error()
			ctx.Update()
		}
	})
}

// OpenLink opens a shared model from its link value (the part after
// "#model="), as the page does for a link in the URL. The worker decodes
// it; a bad link leaves the current model running and says why. A gallery
// of pretrained models opens its entries through here too.
func (p *Playground) OpenLink(value string) { p.openLink(value, false) }

// openLink opens a link value; bundled marks the gallery's own models,
// whose links may exceed what a URL carries (share.DecodeBundle).
func (p *Playground) openLink(value string, bundled bool) {
	p.share.made, p.share.url, p.share.err = protocol.LinkInfo{}, "", ""
	p.br.send(&protocol.Command{Op: protocol.OpOpen, Link: value, N: b2i(bundled)})
}

// onLinkReport takes a KindLink or KindFile report.
func (p *Playground) onLinkReport(ctx app.Context, in *protocol.Report) {
	switch {
	case in.Kind == protocol.KindFile:
		if in.Error != "" {
			p.share.err = in.Error
			return
		}
		downloadBytes(in.FileName, "application/octet-stream", in.File)
		ctx.PreventUpdate()
	case in.Link.Op == protocol.OpShare:
		p.share.pending = false
		p.share.made, p.share.err, p.share.url, p.share.madeRun = in.Link, in.Error, "", in.Run
		if in.Error == "" && in.Link.Fits {
			p.share.url = pageURL() + "#" + modelKey + "=" + in.Link.Value
		}
	case in.Link.Op == protocol.OpOpen:
		onLoad := p.share.onLoad
		p.share.onLoad = false
		if in.Error != "" {
			kept := "The model on the page was kept."
			if onLoad {
				kept = "The default demo was loaded instead."
			}
			p.formErr = in.Error + " " + kept
			p.crashed = true // cleared with the next button press, like a crash notice
			return
		}
		rc, err := recipe.Parse(in.Link.Recipe)
		if err != nil { // the worker parsed it already: only a version skew gets here
			p.formErr = "The shared model's recipe: " + err.Error()
			return
		}
		p.rc, p.drawing, p.formErr = rc, nil, ""
		p.share.opened, p.share.openedRun = in.Link, in.Run
	}
}

// sharePanel is the panel for the current state.
func (p *Playground) sharePanel() *SharePanel {
	sp := &SharePanel{Pending: p.share.pending && p.share.pendingRun == p.rep.Run, Err: p.share.err}
	if p.share.madeRun == p.rep.Run {
		sp.Made, sp.URL = p.share.made, p.share.url
	}
	if p.share.openedRun == p.rep.Run {
		sp.Opened = p.share.opened
	}
	return sp
}

// openGallery opens a pretrained model of the gallery through the worker's
// link decoder, with the bundled caps (its links are longer than a URL's).
func (p *Playground) openGallery(id string) {
	e, err := galleryEntry(id)
	if err != nil {
		p.formErr = err.Error() + "."
		p.share.onLoad = false
		return
	}
	p.gallery = id
	p.openLink(e.Link, true)
}

// galleryOpen is the id of the gallery model on the page: set when one
// is opened, forgotten when the run changes to anything else.
func (p *Playground) galleryOpen() string {
	if p.gallery != "" && p.share.openedRun == p.rep.Run && p.share.openedRun != 0 {
		return p.gallery
	}
	return ""
}
