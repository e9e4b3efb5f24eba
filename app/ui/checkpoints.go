package ui

import (
	"encoding/base64"
	"fmt"
	"math"
	"strconv"

	"github.com/ganplayground/ganplayground/app/store"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CheckpointsPanel saves the run into the browser's storage, lists what is
// there, and loads, renames, deletes and exports it; it also imports and
// exports checkpoint files. It only raises actions: the Playground owns
// the store and the worker (keep.go). Its data-test hooks (save,
// checkpoints, one child per checkpoint) are an interface for tests.
type CheckpointsPanel struct {
	app.Compo
	Items    []store.Meta
	Editing  string // the ID being renamed
	Error    string // the last failure, until the next action
	Info     string // the last success
	Warning  string // storage not durable, records skipped
	Damaged  int    // records List skipped: offered for removal
	Storage  string // where checkpoints live (persistent or not)
	Autosave int    // seconds between autosaves while training; 0 = off
	// Thumbs are the items' thumbnails as data: URLs, by ID (thumbURLs).
	Thumbs map[string]string
}

// Actions the panel raises.
const (
	actKeepSave     = "gan/keep/save"      // value: the name typed
	actKeepLoad     = "gan/keep/load"      // value: ID
	actKeepEdit     = "gan/keep/edit"      // value: ID to rename, "" to stop
	actKeepRename   = "gan/keep/rename"    // value: [2]string{ID, name}
	actKeepDelete   = "gan/keep/delete"    // value: ID
	actKeepExportID = "gan/keep/export-id" // value: ID: download a stored checkpoint
	actKeepExport   = "gan/keep/export"    // download the current run
	actKeepImport   = "gan/keep/import"    // a file was chosen in the import field
	actKeepAutosave = "gan/keep/autosave"  // value: the seconds typed
	actKeepPurge    = "gan/keep/purge"     // remove the damaged records List skipped
	idKeepName      = "ckpt-name"
	idKeepRename    = "ckpt-rename-name"
	idKeepImport    = "ckpt-import"
	idKeepAutosave  = "ckpt-autosave"
	defaultAutosave = 30
	fileExt         = ".gan"
)

func (c *CheckpointsPanel) Render() app.UI {
	return app.Details().Class("checkpoints").Open(true).Body(
		app.Summary().Text("Checkpoints"),
		app.Div().Style("display", "flex").Style("gap", "6px").Style("margin", "6px 0").Body(
			app.Input().ID(idKeepName).Attr("data-test", "save-name").Placeholder("name (optional)").
				Style("flex", "1").Style("min-width", "0").MaxLength(store.MaxName),
			app.Button().Class("primary").Attr("data-test", "save").Text("Save").
				Title("save the whole run (weights, optimiser, random state) in this browser").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actKeepSave, inputValue(idKeepName)) }),
		),
		app.Label().Class("muted").Title("a rolling record named “autosave”, replaced each time; 0 turns it off").Body(
			app.Text("autosave every "),
			app.Input().Type("number").ID(idKeepAutosave).Min(0).Step(5).Attr("data-test", "autosave").Style("width", "4.5em").
				Value(strconv.Itoa(c.Autosave)).
				OnChange(func(ctx app.Context, e app.Event) {
					ctx.NewActionWithValue(actKeepAutosave, ctx.JSSrc().Get("value").String())
				}),
			app.Text(" s while training"),
		),
		app.Div().Class("buttons").Style("margin", "6px 0").Body(
			app.Button().Attr("data-test", "export").Text("Export file").
				Title("download the current run as a "+fileExt+" checkpoint file").
				OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actKeepExport) }),
			// The native file field's own text ("No file chosen") is cut
			// short in a narrow panel: it is hidden, and its label is the
			// button.
			app.Label().Class("button").Title("load a "+fileExt+" checkpoint file").Body(
				app.Text("Import file…"),
				app.Input().Type("file").ID(idKeepImport).Attr("data-test", "import").Accept(fileExt+",.ckpt,application/octet-stream").
					Class("visually-hidden").
					OnChange(func(ctx app.Context, e app.Event) { ctx.NewAction(actKeepImport) }),
			),
		),
		app.Div().Class("error").Attr("data-test", "keep-error").Attr("role", "alert").Hidden(c.Error == "").Text(c.Error),
		app.P().Class("note").Attr("data-test", "keep-warning").Hidden(c.Warning == "").Body(
			app.Text(c.Warning),
			app.If(c.Damaged > 0, func() app.UI {
				return app.Button().Attr("data-test", "keep-remove-damaged").Style("margin-left", "6px").
					Text(fmt.Sprintf("Remove %s", plural(c.Damaged, "damaged checkpoint"))).
					Title("delete from this browser the records that cannot be read; the others stay").
					OnClick(func(ctx app.Context, e app.Event) { ctx.NewAction(actKeepPurge) })
			}),
		),
		app.P().Class("muted").Attr("data-test", "keep-info").Hidden(c.Info == "").Text(c.Info),
		app.Ul().Attr("data-test", "checkpoints").Style("list-style", "none").Style("padding", "0").Style("margin", "6px 0").Body(
			app.Range(c.Items).Slice(func(i int) app.UI { return c.item(c.Items[i]) }),
		),
		app.P().Class("muted").Attr("data-test", "storage").Text(c.Storage),
	)
}

// item is one checkpoint of the list.
func (c *CheckpointsPanel) item(m store.Meta) app.UI {
	id := m.ID
	var thumb app.UI = app.Div().Style("width", "56px").Style("height", "56px").Style("background", "#eee")
	if len(m.Thumbnail) > 0 {
		u, ok := c.Thumbs[id]
		if !ok {
			u = thumbURL(m.Thumbnail)
		}
		thumb = app.Img().Src("%s", u).
			Alt("samples").Width(56).Height(56).Style("image-rendering", "pixelated").Style("border", "1px solid #ddd")
	}
	var name app.UI = app.B().Attr("data-test", "ckpt-name").Text(m.Name)
	if c.Editing == id {
		name = app.Span().Style("display", "flex").Style("gap", "4px").Body(
			app.Input().ID(idKeepRename).Attr("data-test", "ckpt-rename-name").Value(m.Name).MaxLength(store.MaxName).Style("min-width", "0").Style("flex", "1"),
			app.Button().Attr("data-test", "ckpt-rename-ok").Attr("data-id", id).Text("OK").OnClick(func(ctx app.Context, e app.Event) {
				ctx.NewActionWithValue(actKeepRename, [2]string{sourceID(ctx), inputValue(idKeepRename)})
			}),
			app.Button().Text("Cancel").OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(actKeepEdit, "") }),
		)
	}
	btn := func(label, hook, act, title string) app.UI {
		return app.Button().Text(label).Attr("data-test", hook).Attr("data-id", id).Title(title).Style("padding", "1px 6px").
			OnClick(func(ctx app.Context, e app.Event) { ctx.NewActionWithValue(act, sourceID(ctx)) })
	}
	return app.Li().Attr("data-test", "checkpoint").Attr("data-id", id).
		Style("display", "flex").Style("gap", "8px").Style("padding", "6px 0").Style("border-top", "1px solid #ddd").Body(
		thumb,
		app.Div().Style("flex", "1").Style("min-width", "0").Body(
			name,
			app.Div().Class("muted").Attr("data-test", "ckpt-info").Text(fmt.Sprintf("%s · step %d · %s · %s",
				m.Data, m.Step, m.Created.Local().Format("2 Jan 15:04:05"), sizeText(m.Size))),
			app.If(len(m.Metrics) > 0, func() app.UI {
				return app.Div().Class("muted").Attr("data-test", "ckpt-metrics").Text(metricsText(m.Metrics))
			}),
			app.Div().Class("buttons").Style("margin-top", "3px").Body(
				btn("Load", "ckpt-load", actKeepLoad, "replace the run on the page by this one (paused)"),
				btn("Rename", "ckpt-rename", actKeepEdit, "change its name"),
				btn("Export", "ckpt-export", actKeepExportID, "download it as a "+fileExt+" file"),
				btn("Delete", "ckpt-delete", actKeepDelete, "remove it from this browser"),
			),
		),
	)
}

// thumbURL is a PNG thumbnail as a data: URL.
func thumbURL(png []byte) string {
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(png)
}

// thumbURLs encodes the listed items' thumbnails once per listing: the
// page re-renders every second while training, and encoding tens of
// kilobytes per item each time (then comparing them in go-app's diff)
// took a visible share of the main thread's render with a few autosaves
// listed.
func thumbURLs(items []store.Meta) map[string]string {
	out := make(map[string]string, len(items))
	for _, m := range items {
		if len(m.Thumbnail) > 0 {
			out[m.ID] = thumbURL(m.Thumbnail)
		}
	}
	return out
}

// sourceID is the checkpoint ID of the button that raised an event. It is
// read from the element, not captured by the handler: go-app keeps an
// element's first handler when a re-render brings one from the same
// function literal, so a captured ID would belong to whichever checkpoint
// sat at that place in the list before (Delete would remove the wrong one).
func sourceID(ctx app.Context) string {
	return ctx.JSSrc().Call("getAttribute", "data-id").String()
}

// plural is "1 thing" or "n things".
func plural(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}

// sizeText is a byte count as people read it.
func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// metricsText shows the scores the worker computed at save time (named as
// `app eval` names them).
func metricsText(ms map[string]float64) string {
	s := ""
	add := func(t string) {
		if s != "" {
			s += " · "
		}
		s += t
	}
	if hit, ok := ms["modes"]; ok {
		add(fmt.Sprintf("%.0f/%.0f modes", hit, ms["modes_total"]))
	}
	if hq, ok := ms["hq"]; ok {
		add(fmt.Sprintf("HQ %.0f%%", 100*hq))
	}
	if jsd, ok := ms["jsd"]; ok && !math.IsNaN(jsd) {
		add(fmt.Sprintf("JSD %.3f", jsd))
	}
	return s
}
