package ui

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// mount renders a component through go-app's test engine (as the server
// pre-renders it) and returns its HTML.
func mount(t *testing.T, c app.Composer) string {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return app.HTMLString(c)
}

// The data-test hooks are an interface for tests and scripts: these names
// and formats must not change.
func TestStatusBarHooks(t *testing.T) {
	html := mount(t, &StatusBar{Status: "training", Step: 1234, StepsPerSec: 37.25, Error: "boom"}) +
		mount(t, &RunDetails{Fingerprint: "0123456789abcdef", Recipe: "pack=1", Samples: "abcd"})
	// go-app renders attributes in map order: match the hook anywhere in
	// its element's opening tag, then the element's text.
	for hook, text := range map[string]string{
		"status": "training", "step": "1234", "steps-per-sec": "37.2",
		"fingerprint": "0123456789abcdef", "error": "boom", "run-recipe": "pack=1", "samples-sum": "abcd",
	} {
		re := regexp.MustCompile(`<[a-z]+ [^>]*data-test="` + hook + `"[^>]*>` + regexp.QuoteMeta(text) + `<`)
		if !re.MatchString(html) {
			t.Errorf("missing data-test=%q with text %q in\n%s", hook, text, html)
		}
	}
	if html := mount(t, &StatusBar{Status: "idle"}); !strings.Contains(html, `hidden`) {
		t.Errorf("an empty error must be hidden:\n%s", html)
	}
}

func TestControlsHooks(t *testing.T) {
	html := mount(t, &Controls{Status: protocol.Training.String()})
	for _, hook := range []string{"play", "pause", "step-once", "step-d", "step-g", "reset"} {
		if !strings.Contains(html, `data-test="`+hook+`"`) {
			t.Errorf("no %s button", hook)
		}
	}
}

func TestSettingsShowRecipe(t *testing.T) {
	html := mount(t, &Settings{Recipe: "loss=lsgan&lrg=0.0005"})
	if !strings.Contains(html, `value="0.0005"`) {
		t.Error("lrg not shown")
	}
	if !strings.Contains(html, `<option value="lsgan" selected`) && !strings.Contains(html, `selected value="lsgan"`) {
		t.Errorf("loss not selected:\n%s", html[:min(len(html), 3000)])
	}
}

func TestPlaygroundPrerenders(t *testing.T) {
	html := mount(t, &Playground{})
	for _, hook := range []string{"status", "step", "fingerprint", "steps-per-sec", "error", "play", "pause", "step-once", "view"} {
		if !strings.Contains(html, `data-test="`+hook+`"`) {
			t.Errorf("the pre-rendered page lacks the %s hook", hook)
		}
	}
}

func TestNewComponentsHooks(t *testing.T) {
	html := mount(t, &PresetPicker{Selected: 2})
	if !strings.Contains(html, `data-test="preset"`) || !strings.Contains(html, "Paper MNIST") {
		t.Errorf("preset picker:\n%s", html)
	}
	html = mount(t, &SlowMo{On: true, Phase: protocol.PhaseD.String()})
	if !strings.Contains(html, `data-test="slowmo"`) || !regexp.MustCompile(`data-test="phase"[^>]*>D update<`).MatchString(html) {
		t.Errorf("slow motion:\n%s", html)
	}
	html = mount(t, &MNISTViews{Layers: uint32(protocol.LayerInterp | protocol.LayerNearest)})
	for _, hook := range []string{"interp", "nearest", "layer-interp", "layer-nearest"} {
		if !strings.Contains(html, `data-test="`+hook+`"`) {
			t.Errorf("no %s in\n%s", hook, html)
		}
	}
	if html := mount(t, &MNISTViews{}); strings.Contains(html, `data-test="interp"`) {
		t.Error("interpolation shown while off")
	}
}

func TestEvalPanelStates(t *testing.T) {
	hook := func(html, name, text string) bool {
		return regexp.MustCompile(`<[a-z]+ [^>]*data-test="` + name + `"[^>]*>[^<]*` + regexp.QuoteMeta(text)).MatchString(html)
	}
	html := mount(t, &EvalPanel{})
	if !strings.Contains(html, `data-test="evaluate"`) || !strings.Contains(html, "225 ± 2") || strings.Contains(html, `data-test="eval-progress"`) {
		t.Errorf("before an estimate:\n%s", html)
	}
	if strings.Contains(html, `data-test="eval-shipped"`) {
		t.Errorf("a shipped row without a shipped model:\n%s", html)
	}
	html = mount(t, &EvalPanel{Shipped: &assets.GalleryEntry{Title: "MNIST, all digits", Steps: 16000,
		Metrics: map[string]float64{"parzen_ll": 179.04, "parzen_se": 2.31}}})
	if !hook(html, "eval-shipped", "179.0 ± 2.3") || !strings.Contains(html, "“MNIST, all digits” as shipped") {
		t.Errorf("shipped row:\n%s", html)
	}
	html = mount(t, &EvalPanel{Eval: protocol.Eval{State: protocol.EvalRunning, Progress: 0.4}})
	if !strings.Contains(html, `data-test="eval-progress"`) || !strings.Contains(html, "40%") || !strings.Contains(html, "disabled") {
		t.Errorf("running:\n%s", html)
	}
	shares := make([]float32, 10)
	shares[3] = 1
	html = mount(t, &EvalPanel{Step: 500, Eval: protocol.Eval{State: protocol.EvalDone, Step: 400, Samples: 2000, Tests: 1000,
		ParzenLL: 212.34, ParzenSE: 2.06, Sigma: 0.1668, FD: 3.21, Shares: shares}})
	for name, text := range map[string]string{
		"eval-parzen": "212.3 ± 2.1 nats (σ = 0.167; 2000 samples, 1000 test images), at step 400 (now 500",
		"eval-fd":     "3.21", "eval-ours": "212.3 ± 2.1",
	} {
		if !hook(html, name, text) {
			t.Errorf("no %s with %q in\n%s", name, text, html)
		}
	}
	if strings.Count(html, `class="digit-share"`) != 10 {
		t.Errorf("want 10 digit bars:\n%s", html)
	}
	html = mount(t, &EvalPanel{Eval: protocol.Eval{State: protocol.EvalFailed, Error: "no files"}})
	if !hook(html, "eval-error", "no files") {
		t.Errorf("failed:\n%s", html)
	}
}

func TestGalleryListsEveryModel(t *testing.T) {
	es, err := galleryEntries()
	if err != nil || len(es) < 5 {
		t.Fatalf("%d gallery entries: %v", len(es), err)
	}
	html := mount(t, &Gallery{Open: "ring8"})
	for _, e := range es {
		if !strings.Contains(html, `data-test="gallery-open-`+e.ID+`"`) || !strings.Contains(html, `data-test="gallery-metrics-`+e.ID+`"`) {
			t.Errorf("no button or figures for %s", e.ID)
		}
	}
	if !regexp.MustCompile(`data-test="gallery-metrics-ring8"[^>]*>[^<]*8/8 modes`).MatchString(html) {
		t.Errorf("ring8's figures:\n%s", html)
	}
	if !regexp.MustCompile(`data-test="gallery-metrics-mnist-all"[^>]*>Parzen -?[0-9.]+ ± [0-9.]+ \(paper 225 ± 2\)`).MatchString(html) {
		t.Errorf("no Parzen figure beside the paper's:\n%s", html)
	}
	if !regexp.MustCompile(`data-test="gallery-metrics-mnist-one"[^>]*>Parzen -?[0-9.]+ ± [0-9.]+ \(test images of its digits\)`).MatchString(html) {
		t.Errorf("the one-digit model's Parzen is set beside the paper's all-digit figure:\n%s", html)
	}
	if _, err := galleryEntry("nope"); err == nil || !strings.Contains(err.Error(), "no gallery model") {
		t.Errorf("unknown id: %v", err)
	}
	for _, frag := range []string{"#gallery=ring8", "seed=3&gallery=ring8&run=1"} {
		if id, ok := GalleryID(frag); !ok || id != "ring8" {
			t.Errorf("GalleryID(%q) = %q, %v", frag, id, ok)
		}
		if _, _, err := ParseFragment(frag); err != nil {
			t.Errorf("ParseFragment(%q): %v", frag, err)
		}
	}
}

// Every setting the panel shows has a plain label, an explanation and a
// group: a new recipe key cannot arrive as a bare key.
func TestSettingsSpeakPlainly(t *testing.T) {
	groups := map[string]bool{}
	for _, g := range settingGroups {
		groups[g] = true
	}
	for _, f := range fields() {
		pl, ok := plainKeys[f.Name]
		if !ok || pl.Label == "" || pl.Explain == "" || !groups[pl.Group] {
			t.Errorf("recipe key %q has no plain label, explanation or group: %+v", f.Name, pl)
		}
	}
	html := mount(t, &Settings{Recipe: "lrg=0.0005"})
	for _, want := range []string{"G learning rate", `class="key"`, ">lrg<", `data-test="explain-lrg"`, `data-test="group-Networks"`, `data-test="reset-defaults"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the settings lack %s", want)
		}
	}
}

// Space and → belong to the page unless a field takes typed text.
func TestTextInputs(t *testing.T) {
	for typ, want := range map[string]bool{"": true, "text": true, "number": true, "search": true, "checkbox": false, "radio": false, "file": false, "range": false, "button": false} {
		if got := isTextInput(typ); got != want {
			t.Errorf("isTextInput(%q) = %v, want %v", typ, got, want)
		}
	}
}

// The preset menu names the recipe in force: a preset, a data set's
// one-click recipe, or custom keys; and exactly one option is selected in
// the pre-rendered page (selected="false" would select too).
func TestPresetPickerNamesTheRecipe(t *testing.T) {
	parse := func(frag string) recipe.Recipe {
		rc, _, err := ParseFragment(frag)
		if err != nil {
			t.Fatal(err)
		}
		return rc
	}
	shown := regexp.MustCompile(`<option[^>]*\bselected\b[^>]*>([^<]*)<`)
	for _, c := range []struct{ frag, want string }{
		{"", "Fast defaults"}, // `/`: ring8's one-click recipe, a preset
		{"data=grid25", "grid25 defaults"},
		{"data=moons", "moons defaults"},
		{"data=mnist", "mnist defaults"},
		{"data=mnist&digits=73", "MNIST 3 and 7 (quick)"},
		{"data=grid25&g=32,32", "— custom —"},
		{"seed=7", "— custom —"},
	} {
		p := &Playground{rc: parse(c.frag), started: true}
		html := mount(t, p.presetPicker())
		got := shown.FindAllStringSubmatch(html, -1)
		if len(got) != 1 || got[0][1] != c.want {
			t.Errorf("#%s: the menu shows %q, want %q alone:\n%s", c.frag, got, c.want, html)
		}
	}
	// Before the page starts (the server's pre-render) it is `/`'s demo.
	if html := mount(t, (&Playground{}).presetPicker()); !strings.Contains(html, `selected value="Fast defaults"`) && !strings.Contains(html, `value="Fast defaults" selected`) {
		t.Errorf("pre-rendered menu:\n%s", html)
	}
}

// The guide explains the picture on screen: dots and D's background on the
// plane, the sample grid and its rows for images.
func TestGuideExplainsThePictureShown(t *testing.T) {
	plane := mount(t, &Guide{})
	images := mount(t, &Guide{Images: true})
	if !strings.Contains(plane, "orange dots") || strings.Contains(plane, `data-test="guide-images"`) {
		t.Errorf("the 2-D guide must explain the dots, not the image grid:\n%s", plane)
	}
	if strings.Contains(images, "orange dots") || !strings.Contains(images, `data-test="guide-images"`) || !strings.Contains(images, "nearest") {
		t.Errorf("the images guide must explain the grid and the nearest training images, not dots:\n%s", images)
	}
	for _, html := range []string{plane, images} {
		if !strings.Contains(html, "1406.2661") {
			t.Error("the guide must link the paper")
		}
	}
}
