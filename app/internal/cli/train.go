//go:build !(js && wasm)

package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/mat"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/session"
)

func init() {
	register(&command{
		name:  "train",
		usage: "-recipe R -o FILE [-from FILE] [-every N] [-mnist DIR] [-workers N] [-quiet]   train headless, save a checkpoint",
		run:   runTrain,
	})
}

// trainResult is the last line train prints: what a script needs to check
// a run (the fingerprint identifies the weights) and how fast it went.
type trainResult struct {
	Step        int     `json:"step"`
	DSteps      int     `json:"dsteps"`
	Fingerprint string  `json:"fingerprint"`
	Seconds     float64 `json:"seconds"`
	StepsPerSec float64 `json:"steps_per_sec"`
	DLoss       float64 `json:"dloss"`
	GLoss       float64 `json:"gloss"`
	Out         string  `json:"out"`
	Recipe      string  `json:"recipe"` // as train -recipe reads it (recipe.Compact): it reproduces the run
}

func runTrain(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("train", stderr)
	text := fs.String("recipe", "", "recipe, e.g. \"data=grid25&steps=2000\" (keys: see docs/recipes.md)")
	out := fs.String("o", "", "checkpoint file to write")
	from := fs.String("from", "", "checkpoint to continue from; steps counts from the start of the run")
	every := fs.Int("every", 0, "also save every N steps (0 = only at the end)")
	quiet := fs.Bool("quiet", false, "no progress bar")
	mnist := fs.String("mnist", "", "folder of the MNIST .gz files (default: the GoMNIST module's)")
	workers := fs.Int("workers", runtime.NumCPU(), "cores to train on: a recipe with shards > 1 deals its shards to them, else its matrix products are split over them; any count trains the same bits")
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *out == "" {
		return errors.New("-o FILE is required")
	}
	if *every < 0 {
		return fmt.Errorf("-every %d: want 0 or more", *every)
	}
	if *workers < 1 {
		return fmt.Errorf("-workers %d: want 1 or more", *workers)
	}
	if err := checkWritable(*out); err != nil {
		return err
	}
	t, err := startRun(*text, *from, *mnist)
	if err != nil {
		return err
	}
	// Data-parallel over the shards, or parallel inside each product: the
	// two would only compete for the same cores.
	if t.Recipe.Shards > 1 {
		mat.SetWorkers(1)
		t.SetWorkers(*workers)
		defer t.SetWorkers(1)
	} else {
		mat.SetWorkers(*workers)
	}
	if t.Recipe.Steps == 0 {
		return errors.New("steps=0 trains forever; give the recipe a step limit")
	}

	// Ctrl-C saves where the run is, so a long run can be stopped and
	// continued with -from.
	var stop atomic.Bool
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt)
	defer func() {
		signal.Stop(sig)
		close(sig) // no sends after Stop: this ends the goroutine below
	}()
	go func() {
		if _, ok := <-sig; ok {
			stop.Store(true)
		}
	}()

	run := session.New() // the run controller the page's worker drives too
	run.Adopt(t)
	bar := newProgress(stderr, *quiet, t.Step, t.Recipe.Steps)
	start, first, saved := time.Now(), t.Step, -1
	// kept says what the output file holds when the run fails: a diverged
	// or refused state is never written over a good one.
	kept := func() string {
		if saved < 0 {
			if _, err := os.Stat(*out); err == nil {
				return *out + " not written (the file there is left as it was)"
			}
			return *out + " not written"
		}
		return fmt.Sprintf("%s keeps step %d", *out, saved)
	}
	for !t.Done() && !stop.Load() {
		if err := run.Iterate(); err != nil {
			bar.done()
			return fmt.Errorf("%w; %s", err, kept())
		}
		if *every > 0 && t.Step%*every == 0 && !t.Done() {
			if err := saveCheckpoint(*out, t); err != nil {
				bar.done()
				return fmt.Errorf("step %d: %w; %s", t.Step, err, kept())
			}
			saved = t.Step
		}
		bar.update(t)
	}
	bar.done()
	secs := time.Since(start).Seconds()
	if err := saveCheckpoint(*out, t); err != nil {
		return fmt.Errorf("step %d: %w; %s", t.Step, err, kept())
	}
	if stop.Load() {
		return fmt.Errorf("interrupted at step %d; saved to %s (continue with -from)", t.Step, *out)
	}
	res := trainResult{
		Step: t.Step, DSteps: t.DSteps, Fingerprint: t.Fingerprint(), Seconds: secs,
		DLoss: t.Stats.DLoss, GLoss: t.Stats.GLoss, Out: *out, Recipe: t.Recipe.Compact(),
	}
	if secs > 0 {
		res.StepsPerSec = float64(t.Step-first) / secs
	}
	return printJSON(stdout, res)
}

// startRun makes the trainer: fresh from the recipe, or from a checkpoint.
// Continuing keeps the checkpoint's recipe; the -recipe text may only
// restate it, except for steps, which moves the finish line, the sampling
// keys, and gavg, whose averaging window may be opened at or after the
// checkpoint's step (the run is then what training with it from the
// start gives).
func startRun(text, from, mnist string) (*gan.Trainer, error) {
	if from == "" {
		// A new run: the data set's own default recipe under the text.
		rc, err := recipe.ParseNew(text)
		if err != nil {
			return nil, err
		}
		src, err := dataSource(rc, mnist)
		if err != nil {
			return nil, err
		}
		return gan.New(rc, src)
	}
	// Continuing: the text is compared with the checkpoint's complete
	// recipe key by key, so no data-set default may fill it in.
	rc, err := recipe.Parse(text)
	if err != nil {
		return nil, err
	}
	t, err := loadCheckpoint(from)
	if err != nil {
		return nil, err
	}
	var clash []string
	for _, k := range explicitKeys(text) {
		if k != "steps" && k != "gavg" && !recipe.SamplingKey(k) && rc.Get(k) != t.Recipe.Get(k) {
			clash = append(clash, fmt.Sprintf("%s=%s (checkpoint has %s=%s)", k, rc.Get(k), k, t.Recipe.Get(k)))
		}
	}
	if len(clash) > 0 {
		return nil, fmt.Errorf("-recipe differs from %s: %s; only steps, temp and gavg (before its window opens) may change when continuing", from, strings.Join(clash, ", "))
	}
	for _, k := range explicitKeys(text) {
		if k == "gavg" {
			if err := t.StartAverageAt(rc.GAvg); err != nil {
				return nil, fmt.Errorf("-recipe: %w", err)
			}
		}
		if k == "steps" || recipe.SamplingKey(k) {
			if err := t.Recipe.Set(k, rc.Get(k)); err != nil {
				return nil, err
			}
		}
	}
	if t.Recipe.Steps > 0 && t.Recipe.Steps < t.Step {
		return nil, fmt.Errorf("-recipe steps=%d is below %s's step %d: steps counts from the start of the run, so nothing would be trained", t.Recipe.Steps, from, t.Step)
	}
	src, err := dataSource(t.Recipe, mnist)
	if err != nil {
		return nil, err
	}
	return t, t.Attach(src)
}

// explicitKeys lists the keys a recipe text sets, in order: the requests
// that a continued run must honour or refuse. The text has already passed
// recipe.Parse, which uses the same splitting.
func explicitKeys(text string) []string {
	var names []string
	for _, part := range recipe.Parts(text) {
		if part.HasValue {
			names = append(names, part.Key)
		}
	}
	return names
}
