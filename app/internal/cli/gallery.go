//go:build !(js && wasm)

package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/ganplayground/ganplayground/assets"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/share"
)

func init() {
	register(&command{
		name:  "gallery",
		usage: "[-o DIR] [-mnist DIR] [-quiet] [-rescore] [-from FILE -seconds S] [ID…]   train each gallery model from DIR/ID.recipe; write ID.link and ID.json (default: every .recipe)",
		run:   runGallery,
	})
}

// galleryText is the title and blurb of the shipped models. A model not
// listed keeps the title and blurb of its existing .json (edited by hand),
// or is titled by its id.
var galleryText = map[string][2]string{
	"ring8":     {"Ring of 8", "Eight Gaussians on a circle, the mode-collapse benchmark: with PacGAN pairs (pack=2) every mode is covered."},
	"grid25":    {"Grid of 25", "25 Gaussians on a 5×5 grid, the harder benchmark (published vanilla GANs find about 17): with each first-layer unit's kink started at a random input (bias=kinks) instead of the origin, every mode is covered and most samples land on one."},
	"spiral":    {"Spiral", "A continuous curve rather than separate modes: the generator bends its 2-D noise along it."},
	"mnist-all": {"MNIST, all digits", "A small multilayer-perceptron GAN (SGD with momentum, as the paper) on the 50,000 training digits, scored by the paper's Parzen protocol (the paper's GAN: 225 ± 2). Samples come from the plain average of G's weights over training steps 40,000–60,000, the window the validation images chose. Mind the paper's caveat: that average draws softer, less varied digits than the run's own G — the same run through a short moving average scores Parzen 210 but a Fréchet distance of 7.9, not 22.6."},
	"mnist-one": {"MNIST, one digit", "The same small multilayer-perceptron GAN (SGD with momentum, an average of G's weights) trained on the threes only, scored against the test set's threes."},
}

// galleryEntry is ID.json. Metrics are eval's numbers for the model decoded
// from ID.link, so that they describe exactly what the page opens.
type galleryEntry = assets.GalleryEntry

func runGallery(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("gallery", stderr)
	dir := fs.String("o", "assets/gallery", "gallery folder: reads ID.recipe, writes ID.link and ID.json")
	mnist := fs.String("mnist", "", "folder of the MNIST .gz files (default: the GoMNIST module's)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	rescore := fs.Bool("rescore", false, "keep ID.link, measure it again and rewrite ID.json (after a change to eval)")
	from := fs.String("from", "", "one ID: take the model from this checkpoint (app train's, to ID.recipe's step) instead of training it")
	seconds := fs.Float64("seconds", 0, "with -from: the training time the checkpoint took, for ID.json")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	ids := fs.Args()
	if *from != "" {
		if len(ids) != 1 || *rescore {
			return errors.New("-from takes exactly one gallery ID (and no -rescore)")
		}
		rc, err := readGalleryRecipe(*dir, ids[0])
		if err != nil {
			return err
		}
		e, err := adoptGalleryModel(*dir, ids[0], rc, *from, *seconds, *mnist)
		if err != nil {
			return fmt.Errorf("%s: %w", ids[0], err)
		}
		return printJSON(stdout, e)
	}
	if len(ids) == 0 {
		found, err := filepath.Glob(filepath.Join(*dir, "*.recipe"))
		if err != nil {
			return err
		}
		for _, f := range found {
			ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".recipe"))
		}
		if len(ids) == 0 {
			return fmt.Errorf("no .recipe files in %s", *dir)
		}
	}
	// Every recipe is read before anything trains: a typo fails at once,
	// not after an hour.
	rcs := make([]recipe.Recipe, len(ids))
	for i, id := range ids {
		rc, err := readGalleryRecipe(*dir, id)
		if err != nil {
			return err
		}
		rcs[i] = rc
	}
	for i, id := range ids {
		build := buildGalleryModel
		if *rescore {
			build = rescoreGalleryModel
		}
		e, err := build(*dir, id, rcs[i], *mnist, *quiet, stderr)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		if err := printJSON(stdout, e); err != nil {
			return err
		}
	}
	return nil
}

// readGalleryRecipe reads DIR/ID.recipe: one recipe line, which must name
// its seed and a step limit (the run is reproduced from it).
func readGalleryRecipe(dir, id string) (recipe.Recipe, error) {
	if id == "" || strings.ContainsAny(id, `/\.`) {
		return recipe.Recipe{}, fmt.Errorf("bad gallery id %q", id)
	}
	path := filepath.Join(dir, id+".recipe")
	b, err := readCapped(path, capRecipe)
	if err != nil {
		return recipe.Recipe{}, err
	}
	text := strings.TrimSpace(string(b))
	rc, err := recipe.Parse(text)
	if err != nil {
		return rc, fmt.Errorf("%s: %w", path, err)
	}
	keys := explicitKeys(text)
	if !slices.Contains(keys, "seed") || !slices.Contains(keys, "steps") || rc.Steps == 0 {
		return rc, fmt.Errorf("%s: a gallery recipe names its seed and a step limit (steps > 0)", path)
	}
	return rc, nil
}

// buildGalleryModel trains one model, writes its link, and scores the
// model decoded from that link.
func buildGalleryModel(dir, id string, rc recipe.Recipe, mnist string, quiet bool, stderr io.Writer) (galleryEntry, error) {
	src, err := dataSource(rc, mnist)
	if err != nil {
		return galleryEntry{}, err
	}
	t, err := gan.New(rc, src)
	if err != nil {
		return galleryEntry{}, err
	}
	if !quiet {
		fmt.Fprintf(stderr, "%s: %s\n", id, rc.String())
	}
	bar := newProgress(stderr, quiet, 0, rc.Steps)
	start := time.Now()
	for !t.Done() {
		if err := t.StepOnce(); err != nil {
			bar.done()
			return galleryEntry{}, err
		}
		bar.update(t)
	}
	bar.done()
	return writeGalleryModel(dir, id, t, time.Since(start).Seconds(), mnist)
}

// adoptGalleryModel makes the entry from a checkpoint that `app train`
// wrote for exactly ID.recipe — the way to build a model whose training
// takes hours: train stops and continues (-from) bit-identically, so the
// checkpoint equals what buildGalleryModel would train in one go.
func adoptGalleryModel(dir, id string, rc recipe.Recipe, from string, seconds float64, mnist string) (galleryEntry, error) {
	t, err := loadCheckpoint(from)
	if err != nil {
		return galleryEntry{}, err
	}
	if t.Step != rc.Steps {
		return galleryEntry{}, fmt.Errorf("%s is at step %d, %s.recipe trains to %d", from, t.Step, id, rc.Steps)
	}
	// The step limit a staged run was started with does not matter, nor
	// does the sampling temperature (training never reads it); every other
	// setting must be the recipe's.
	got := t.Recipe
	for _, k := range got.Diff(rc) {
		if k == "steps" || recipe.SamplingKey(k) {
			if err := got.Set(k, rc.Get(k)); err != nil {
				return galleryEntry{}, err
			}
		}
	}
	if g, w := got.String(), rc.String(); g != w {
		return galleryEntry{}, fmt.Errorf("%s was trained with %q, %s.recipe says %q", from, g, id, w)
	}
	t.Recipe = got // the link carries ID.recipe, as a one-go build's does
	return writeGalleryModel(dir, id, t, seconds, mnist)
}

// writeGalleryModel writes ID.link for a trained model and ID.json with
// the scores of the model decoded from that link.
func writeGalleryModel(dir, id string, t *gan.Trainer, secs float64, mnist string) (galleryEntry, error) {
	link, _, err := share.EncodeBundle(t)
	if err != nil {
		return galleryEntry{}, err
	}
	e, err := scoreGalleryLink(dir, id, link, mnist)
	if err != nil {
		return e, err
	}
	e.TrainSeconds = float64(int(secs*10+0.5)) / 10
	if err := writeFile(filepath.Join(dir, id+linkExt), func(w io.Writer) error {
		_, err := io.WriteString(w, link)
		return err
	}); err != nil {
		return e, err
	}
	return e, writeGalleryEntry(dir, e)
}

// rescoreGalleryModel measures an existing ID.link again and rewrites
// ID.json, keeping the training time it records.
func rescoreGalleryModel(dir, id string, rc recipe.Recipe, mnist string, quiet bool, stderr io.Writer) (galleryEntry, error) {
	b, err := readCapped(filepath.Join(dir, id+linkExt), capLink)
	if err != nil {
		return galleryEntry{}, err
	}
	e, err := scoreGalleryLink(dir, id, strings.TrimSpace(string(b)), mnist)
	if err != nil {
		return e, err
	}
	if e.Steps != rc.Steps {
		return e, fmt.Errorf("%s%s holds step %d, its recipe trains to %d: rebuild it", id, linkExt, e.Steps, rc.Steps)
	}
	if b, err := readCapped(filepath.Join(dir, id+".json"), capJSON); err == nil {
		var old galleryEntry
		if err := json.Unmarshal(b, &old); err == nil {
			e.TrainSeconds = old.TrainSeconds
		}
	}
	return e, writeGalleryEntry(dir, e)
}

// scoreGalleryLink opens a link as the page will and measures it.
func scoreGalleryLink(dir, id, link, mnist string) (galleryEntry, error) {
	opened, info, err := share.DecodeBundle(link)
	if err != nil {
		return galleryEntry{}, fmt.Errorf("the link does not open: %w", err)
	}
	opened.Step = info.Step
	res, err := evaluate(opened, mnist, "")
	if err != nil {
		return galleryEntry{}, err
	}
	m, err := galleryMetrics(res)
	if err != nil {
		return galleryEntry{}, err
	}
	e := galleryEntry{
		ID: id, Data: opened.Recipe.Data, Metrics: m, LinkBytes: len(link), Quant: info.Quant.String(),
		Steps: info.Step, Command: "app gallery " + id,
	}
	e.Title, e.Blurb = galleryTitle(dir, id)
	return e, nil
}

func writeGalleryEntry(dir string, e galleryEntry) error {
	js, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(dir, e.ID+".json"), func(w io.Writer) error {
		_, err := w.Write(append(js, '\n'))
		return err
	})
}

// galleryMetrics keeps eval's numeric scores, by their JSON names: the
// bookkeeping (step, sample counts and seed, the temperature the recipe
// already names) and lists are left out.
func galleryMetrics(res evalResult) (map[string]float64, error) {
	b, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	var all map[string]any
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	m := map[string]float64{}
	for k, v := range all {
		if f, ok := v.(float64); ok && k != "step" && k != "samples" && k != "sample_seed" && k != "temp" {
			m[k] = f
		}
	}
	if len(m) == 0 {
		return nil, errors.New("eval measured nothing")
	}
	return m, nil
}

func galleryTitle(dir, id string) (title, blurb string) {
	if tb, ok := galleryText[id]; ok {
		return tb[0], tb[1]
	}
	if b, err := readCapped(filepath.Join(dir, id+".json"), capJSON); err == nil {
		var old galleryEntry
		if json.Unmarshal(b, &old) == nil && old.Title != "" {
			return old.Title, old.Blurb
		}
	}
	return id, ""
}
