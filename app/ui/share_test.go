package ui

import (
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/share"
)

func TestFragmentWithModel(t *testing.T) {
	if modelKey != share.Key {
		t.Fatalf("modelKey %q, core/share writes %q", modelKey, share.Key)
	}
	for frag, want := range map[string]string{
		"#model=R0FOAQ-x_y":        "R0FOAQ-x_y",
		"seed=3&model=abc&run=1":   "abc",
		"#model=":                  "",
		"model=a%20b&model=second": "a%20b",
	} {
		rc, _, err := ParseFragment(frag)
		if err != nil {
			t.Errorf("%q: a model key must not make the recipe fail: %v", frag, err)
		}
		if strings.Contains(frag, "seed=3") && rc.Seed != 3 {
			t.Errorf("%q: seed %d", frag, rc.Seed)
		}
		if v, ok := ModelLink(frag); !ok || v != want {
			t.Errorf("ModelLink(%q) = %q, %v; want %q", frag, v, ok, want)
		}
	}
	if _, ok := ModelLink("#seed=3&models=x"); ok {
		t.Error("models= is not model=")
	}
}

func TestSharePanelHooks(t *testing.T) {
	made := protocol.LinkInfo{Op: protocol.OpShare, Value: "R0FOAQ", Bytes: 40487, Fits: true, Quant: "int8", Params: 33666, Step: 500, Fingerprint: "fp0123", Samples: "s0123"}
	html := mount(t, &SharePanel{Made: made, URL: "http://h/#model=R0FOAQ"})
	for _, want := range []string{`data-test="share"`, `data-test="share-url"`, `value="http://h/#model=R0FOAQ"`, `readonly`,
		`data-test="share-copy"`, "39.5 KB link, weights as int8", `data-test="export-png"`, `data-test="export-safetensors"`, ">fp0123<", ">s0123<"} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in\n%s", want, html)
		}
	}
	if strings.Contains(html, "share-too-large") {
		t.Error("a link that fits is not too large")
	}
	big := protocol.LinkInfo{Op: protocol.OpShare, Bytes: 621498, Quant: "int8", Params: 550416}
	html = mount(t, &SharePanel{Made: big})
	if !strings.Contains(html, `data-test="share-too-large"`) || !strings.Contains(html, "607 KB") || !strings.Contains(html, "safetensors") || strings.Contains(html, `data-test="share-url"`) {
		t.Errorf("too large:\n%s", html)
	}
	html = mount(t, &SharePanel{Opened: protocol.LinkInfo{Op: protocol.OpOpen, Bytes: 2048, Quant: "float16", Step: 9}})
	if !strings.Contains(html, "Opened a shared model: 2.0 KB link, float16 weights, trained 9 steps") || !strings.Contains(html, "without its discriminator") {
		t.Errorf("opened:\n%s", html)
	}
	html = mount(t, &SharePanel{Opened: protocol.LinkInfo{Op: protocol.OpOpen, Bytes: 2048, Quant: "float16", Step: 9, WithD: true}})
	if !strings.Contains(html, "press play to train on from there") {
		t.Errorf("opened with D:\n%s", html)
	}
}
