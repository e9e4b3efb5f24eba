//go:build !(js && wasm)

package cli

import (
	"github.com/ganplayground/ganplayground/core/recipe"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A long gallery model is trained with `train` in stages (-from) and
// adopted with `gallery -from`: the link equals the one `gallery` trains
// in one go, and a checkpoint of another recipe or step is refused with
// the gallery left as it was.
func TestGalleryAdoptsTrainedCheckpoint(t *testing.T) {
	dir := t.TempDir()
	rc := small + "&steps=40"
	if err := os.WriteFile(filepath.Join(dir, "tiny.recipe"), []byte(rc+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustRun(t, nil, "gallery", "-quiet", "-o", dir, "tiny")
	built, err := os.ReadFile(filepath.Join(dir, "tiny.link"))
	if err != nil {
		t.Fatal(err)
	}

	// Staged, and started with a larger step limit (as a long run is,
	// stopped with Ctrl-C at the step the recipe names).
	ck := filepath.Join(dir, "run.ckpt")
	// The gallery file is a stored recipe (recipe.Parse); train -recipe
	// reads a new run's (recipe.ParseNew), so it is given the file's
	// recipe in that form.
	staged, err := recipe.Parse(small + "&steps=25")
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, nil, "train", "-quiet", "-recipe", staged.Compact(), "-o", ck)
	mustRun(t, nil, "train", "-quiet", "-from", ck, "-recipe", "steps=40", "-o", ck)
	tr, err := loadCheckpoint(ck)
	if err != nil {
		t.Fatal(err)
	}
	tr.Recipe.Steps = 100000
	if err := saveCheckpoint(ck, tr); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dir, "tiny.link")); err != nil {
		t.Fatal(err)
	}
	mustRun(t, nil, "gallery", "-o", dir, "-from", ck, "-seconds", "12.5", "tiny")
	adopted, err := os.ReadFile(filepath.Join(dir, "tiny.link"))
	if err != nil {
		t.Fatal(err)
	}
	if string(adopted) != string(built) {
		t.Error("the link adopted from a staged run differs from the one gallery trains")
	}
	js, _ := os.ReadFile(filepath.Join(dir, "tiny.json"))
	if !strings.Contains(string(js), `"train_seconds": 12.5`) {
		t.Errorf("tiny.json does not keep -seconds:\n%s", js)
	}

	short := filepath.Join(dir, "short.ckpt")
	staged.Steps = 30
	mustRun(t, nil, "train", "-quiet", "-recipe", staged.Compact(), "-o", short)
	other := filepath.Join(dir, "other.ckpt")
	mustRun(t, nil, "train", "-quiet", "-recipe", small+"&steps=40&lrd=0.001", "-o", other)
	for _, c := range []struct{ file, want string }{
		{short, "at step 30"},
		{other, "was trained with"},
	} {
		code, _, errs := cli("gallery", "-o", dir, "-from", c.file, "tiny")
		if code == 0 || !strings.Contains(errs, c.want) {
			t.Errorf("gallery -from %s: exit %d, %q; want an error containing %q", filepath.Base(c.file), code, errs, c.want)
		}
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "tiny.link")); string(again) != string(built) {
		t.Error("a refused -from changed tiny.link")
	}
}
