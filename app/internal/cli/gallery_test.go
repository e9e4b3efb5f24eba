//go:build !(js && wasm)

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/share"
)

// gallery trains a tiny model from its recipe file and writes a link that
// opens to the trained step, and a JSON whose metrics are eval's numbers
// for that link.
func TestGalleryBuildsLinkAndMetrics(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "tiny.recipe"), []byte(small+"&steps=40\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var e assets.GalleryEntry
	mustRun(t, &e, "gallery", "-quiet", "-o", dir, "tiny")
	b, err := os.ReadFile(filepath.Join(dir, "tiny.json"))
	if err != nil {
		t.Fatal(err)
	}
	var onDisk assets.GalleryEntry
	if err := json.Unmarshal(b, &onDisk); err != nil {
		t.Fatal(err)
	}
	if onDisk.ID != "tiny" || onDisk.Title != "tiny" || onDisk.Data != "ring8" || onDisk.Steps != 40 || onDisk.Quant != "float16" || onDisk.TrainSeconds < 0 {
		t.Fatalf("entry %+v", onDisk)
	}
	link, err := os.ReadFile(filepath.Join(dir, "tiny.link"))
	if err != nil {
		t.Fatal(err)
	}
	if len(link) != onDisk.LinkBytes || strings.TrimSpace(string(link)) != string(link) {
		t.Fatalf("link of %d bytes, entry says %d", len(link), onDisk.LinkBytes)
	}
	m, info, err := share.DecodeBundle(string(link))
	if err != nil || info.Step != 40 || m.Recipe.Seed != 3 {
		t.Fatalf("link: %v, %+v", err, info)
	}
	var ev evalResult
	mustRun(t, &ev, "eval", filepath.Join(dir, "tiny.link"))
	if ev.Step != 40 || ev.Modes == nil || ev.JSD == nil {
		t.Fatalf("eval of the link: %+v", ev)
	}
	want := map[string]float64{"modes": float64(ev.Hit), "modes_total": 8, "hq": ev.HQ, "mode_kl": ev.KL, "jsd": *ev.JSD}
	if len(onDisk.Metrics) != len(want) {
		t.Errorf("metrics %v, want %v", onDisk.Metrics, want)
	}
	for k, v := range want {
		if got, ok := onDisk.Metrics[k]; !ok || got != v {
			t.Errorf("metric %s = %v, eval of the link says %v", k, got, v)
		}
	}
	// -rescore measures the link again: the same numbers, the same link.
	var re assets.GalleryEntry
	mustRun(t, &re, "gallery", "-rescore", "-o", dir, "tiny")
	if re.Metrics["hq"] != onDisk.Metrics["hq"] || re.LinkBytes != onDisk.LinkBytes || re.Steps != 40 {
		t.Errorf("rescored %+v, built %+v", re, onDisk)
	}
	// Training is reproducible: a second build writes the same link.
	mustRun(t, nil, "gallery", "-quiet", "-o", dir)
	again, _ := os.ReadFile(filepath.Join(dir, "tiny.link"))
	if string(again) != string(link) {
		t.Error("rebuilding from the same recipe changed the link")
	}
}

// A recipe without its seed or step limit cannot be reproduced, and is
// refused before anything trains; so are a missing recipe and a bad id.
func TestGalleryRefusesBadRecipes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"noseed": "steps=10", "nosteps": "seed=2", "forever": "seed=2&steps=0", "typo": "seed=2&steps=10&bath=3"}
	for id, text := range files {
		os.WriteFile(filepath.Join(dir, id+".recipe"), []byte(text), 0o644)
	}
	for _, args := range [][]string{{"noseed"}, {"nosteps"}, {"forever"}, {"typo"}, {"missing"}, {"../x"}} {
		code, _, errs := cli(append([]string{"gallery", "-quiet", "-o", dir}, args...)...)
		if code == 0 || errs == "" {
			t.Errorf("gallery %v: exit %d, %q; want an error", args, code, errs)
		}
	}
	if code, _, _ := cli("gallery", "-o", t.TempDir()); code == 0 {
		t.Error("an empty gallery folder: want an error")
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*.link")); len(left) != 0 {
		t.Errorf("refused runs wrote %v", left)
	}
}

// eval reads .link files; a damaged one is a clear error.
func TestEvalRefusesABadLink(t *testing.T) {
	f := tmp(t, "bad.link")
	os.WriteFile(f, []byte("R0FOAbogus"), 0o644)
	code, _, errs := cli("eval", f)
	if code == 0 || !strings.Contains(errs, "bad.link") {
		t.Fatalf("exit %d, %q", code, errs)
	}
}
