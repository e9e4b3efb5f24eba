package ui

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/app/store"
)

func TestCheckpointsPanelHooks(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\nrest")
	items := []store.Meta{
		{ID: "ck1", Name: "ring8 good", Data: "ring8", Step: 1200, Created: time.Date(2026, 11, 27, 3, 4, 5, 0, time.UTC), Size: 9410,
			Metrics: map[string]float64{"modes": 7, "modes_total": 8, "hq": 0.91, "jsd": 0.0123}, Thumbnail: png},
		{ID: "autosave", Name: "autosave", Data: "mnist", Step: 40, Size: 3 << 20},
	}
	html := mount(t, &CheckpointsPanel{Items: items, Error: "Not saved: full", Warning: "1 damaged checkpoint skipped", Damaged: 1, Autosave: 30})
	for _, hook := range []string{"save", "save-name", "checkpoints", "autosave", "export", "import", "keep-error", "keep-warning"} {
		if !strings.Contains(html, `data-test="`+hook+`"`) {
			t.Errorf("no %s hook", hook)
		}
	}
	// One child per checkpoint, each with its own buttons.
	if n := strings.Count(html, `data-test="checkpoint"`); n != 2 {
		t.Errorf("%d checkpoint items, want 2", n)
	}
	for _, hook := range []string{"ckpt-load", "ckpt-rename", "ckpt-delete", "ckpt-export"} {
		if n := strings.Count(html, `data-test="`+hook+`"`); n != 2 {
			t.Errorf("%d %s buttons, want 2", n, hook)
		}
	}
	for _, want := range []string{"ring8 good", "ring8 · step 1200", "9.2 KB", "3.0 MB", "7/8 modes · HQ 91% · JSD 0.012", "data:image/png;base64,", "Not saved: full", "1 damaged checkpoint skipped", "Remove 1 damaged checkpoint<"} {
		if !strings.Contains(html, want) {
			t.Errorf("%q not shown", want)
		}
	}
	if !regexp.MustCompile(`<ul [^>]*data-test="checkpoints"[^>]*>\s*<li `).MatchString(html) {
		t.Errorf("the checkpoints list's children are not its items:\n%s", html)
	}
	// Empty messages are hidden; renaming shows a field with the name.
	html = mount(t, &CheckpointsPanel{Items: items[:1], Editing: "ck1"})
	if strings.Contains(html, `data-test="keep-remove-damaged"`) {
		t.Error("Remove damaged offered with nothing damaged")
	}
	if !regexp.MustCompile(`<div [^>]*data-test="keep-error"[^>]*hidden|<div [^>]*hidden[^>]*data-test="keep-error"`).MatchString(html) {
		t.Error("an empty error is not hidden")
	}
	if !strings.Contains(html, `data-test="ckpt-rename-name"`) || !strings.Contains(html, `value="ring8 good"`) {
		t.Errorf("rename field missing:\n%s", html)
	}
}

func TestPlaygroundHasCheckpointsPanel(t *testing.T) {
	html := mount(t, &Playground{})
	for _, hook := range []string{"save", "checkpoints"} {
		if !strings.Contains(html, `data-test="`+hook+`"`) {
			t.Errorf("the pre-rendered page lacks the %s hook", hook)
		}
	}
}

func TestKeepWording(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{fmt.Errorf("%w: QuotaExceededError", store.ErrQuota), "no room left"},
		{fmt.Errorf("%w: took 5s", store.ErrTimeout), "did not answer"},
		{&store.RecordError{ID: "x", Err: fmt.Errorf("%w: bad", store.ErrCorrupt)}, "damaged"},
		{fmt.Errorf("%w: x", store.ErrNotFound), "gone"},
		{errors.New("odd"), "odd."},
	} {
		if got := storeProblem(c.err); !strings.Contains(got, c.want) {
			t.Errorf("%v → %q, want %q in it", c.err, got, c.want)
		}
	}
	for in, want := range map[[2]string]string{
		{"", "ring8"}:            "ring8-step200.gan",
		{"my run: 1/2", "ring8"}: "my-run--1-2.gan",
		{"Überlauf", "mnist"}:    "berlauf.gan",
		{"***", "grid25"}:        "grid25-step200.gan",
	} {
		if got := fileName(in[0], in[1], 200); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in[0], got, want)
		}
	}
	if got := metricsText(map[string]float64{"jsd": 0.5}); got != "JSD 0.500" {
		t.Errorf("metrics %q", got)
	}
}
