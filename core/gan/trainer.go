package gan

import (
	"errors"
	"fmt"
	"math"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/optim"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/ganplayground/ganplayground/core/rng"
)

// Stats describe the last updates, for charts.
type Stats struct {
	DLoss, GLoss float64 // mean losses of the last D and G updates
	DReal, DFake float64 // mean σ(D) on the last real and fake batches
}

// ErrDiverged reports a NaN or Inf in a loss or in the weights. The weights
// are then unusable; roll back to a checkpoint.
var ErrDiverged = errors.New("gan: training diverged")

// Trainer owns both networks, their optimisers, the data source and the
// random stream, and advances them one update at a time.
type Trainer struct {
	Recipe     recipe.Recipe
	G, D       *nn.Net
	GAvg       *nn.Net // the average of G's weights samples come from (recipe gema > 0), else nil
	OptG, OptD *optim.Optimizer
	Data       data.Source
	RNG        *rng.RNG
	Loss       Loss
	Step       int // completed iterations (generator updates)
	DSteps     int // discriminator updates done
	Stats      Stats
	iterD      int // D updates StepNext has made in the current iteration (iteration.go)

	dim     int
	zTemp   []float32 // Generate's scaled noise (recipe temp ≠ 1)
	z, both []float32 // noise; real then fake samples for D (2m×dim)
	gd, gg  []float32 // dLoss/dlogit for D's 2m/pack rows; for G's m/pack rows

	sh      *shards // the sharded path's state (recipe shards > 1), made on first use
	workers int     // goroutines for the sharded path (SetWorkers)
	cleanup bool    // a cleanup stops those goroutines once the trainer is dropped
}

// New builds a trainer from a recipe, initialising everything from its seed.
func New(rc recipe.Recipe, src data.Source) (*Trainer, error) {
	t, err := Build(rc)
	if err != nil {
		return nil, err
	}
	if err := t.Attach(src); err != nil {
		return nil, err
	}
	t.initOutputBias()
	t.initKinks()
	t.ResetAverage()
	return t, nil
}

// Build makes a trainer with the recipe's architecture and optimisers but no
// data source, and G's output bias left at zero (New starts it at the data
// mean). It is what a checkpoint fills in: a loaded model can draw samples
// before its data is ready. Attach a source before training.
func Build(rc recipe.Recipe) (*Trainer, error) {
	if err := rc.Check(); err != nil {
		return nil, err
	}
	loss, err := NewLoss(rc.Loss)
	if err != nil {
		return nil, err
	}
	dim := rc.DataDim()
	t := &Trainer{Recipe: rc, RNG: rng.New(rc.Seed), Loss: loss, dim: dim}
	t.G = nn.NewMLP(genSpec(rc), t.RNG)
	t.D = nn.NewMLP(nn.Spec{Name: "D", In: dim * rc.Pack, Hidden: rc.D, Out: 1, Act: rc.DAct, Pieces: rc.Pieces, Drop: rc.DDrop, InDrop: rc.DDropIn}, t.RNG)
	t.newAverage()
	if t.OptG, err = optim.New(optConfig(rc, rc.LRG), t.G.Params()); err != nil {
		return nil, err
	}
	if t.OptD, err = optim.New(optConfig(rc, rc.LRD), t.D.Params()); err != nil {
		return nil, err
	}
	m := rc.Batch
	t.z = make([]float32, m*rc.Z)
	t.both = make([]float32, 2*m*dim)
	np := m / rc.Pack
	t.gd, t.gg = make([]float32, 2*np), make([]float32, np)
	return t, nil
}

// genSpec is G's architecture (and its average's) for a recipe.
func genSpec(rc recipe.Recipe) nn.Spec {
	return nn.Spec{Name: "G", In: rc.Z, Hidden: rc.G, Out: rc.DataDim(), Act: rc.GAct, Pieces: rc.Pieces, Drop: rc.GDrop, OutAct: outAct(rc)}
}

// ErrNoData reports a training step on a trainer that has no data source
// (one made by Build, or loaded from a checkpoint, before Attach).
var ErrNoData = errors.New("gan: no data source attached")

// Attach sets the data source to train on. Its dimension must match the
// recipe's.
func (t *Trainer) Attach(src data.Source) error {
	if src == nil {
		return ErrNoData
	}
	if src.Dim() != t.dim {
		return fmt.Errorf("gan: data has dimension %d, recipe wants %d", src.Dim(), t.dim)
	}
	t.Data = src
	return nil
}

// outAct is G's output activation, from the data set's row: a sigmoid for
// pixels, which live in [0, 1]; linear for 2-D points.
func outAct(rc recipe.Recipe) string { return rc.DataSet().OutAct }

func optConfig(rc recipe.Recipe, lr float64) optim.Config {
	return optim.Config{Kind: rc.Opt, LR: lr, Mom: rc.Mom, MomEnd: rc.MomEnd, MomRamp: rc.MomRamp, Decay: rc.Decay, LRMin: rc.LRMin, B2: rc.B2}
}

// initOutputBias starts G's output at the data's mean (the paper's code set
// G's output bias from the data marginals), so that G begins where the data
// is instead of spending its first steps finding it. It uses its own
// generator, derived from the seed, and leaves the main stream alone.
func (t *Trainer) initOutputBias() {
	const n = 1024
	buf := make([]float32, n*t.dim)
	t.Data.Sample(rng.New(t.Recipe.Seed^0x5eed), buf, n)
	bias := t.G.OutputBias()
	for j := range bias {
		var s float64
		for i := 0; i < n; i++ {
			s += float64(buf[i*t.dim+j])
		}
		mean := s / n
		if outAct(t.Recipe) == "sigmoid" {
			mean = math.Min(math.Max(mean, 1e-3), 1-1e-3)
			mean = math.Log(mean / (1 - mean))
		}
		bias[j] = float32(mean)
	}
}

// SampleNoise fills z (rows×Z) from the prior: N(0, 1) or U(−√3, √3), both
// of unit variance.
func (t *Trainer) SampleNoise(z []float32, rows int) {
	z = z[:rows*t.Recipe.Z]
	if t.Recipe.Prior == "uniform" {
		for i := range z {
			z[i] = float32((2*t.RNG.Float64() - 1) * math.Sqrt(3))
		}
		return
	}
	for i := range z {
		z[i] = float32(t.RNG.Normal())
	}
}

// StepD performs one discriminator update. Real and generated samples go
// through D as one batch of 2m rows — real first — so that one forward and
// one backward pass serve both terms of the value function.
func (t *Trainer) StepD() error {
	if t.Data == nil {
		return ErrNoData
	}
	if t.Recipe.Shards > 1 {
		return t.stepDShards()
	}
	m, np := t.Recipe.Batch, t.Recipe.Batch/t.Recipe.Pack
	t.Data.Sample(t.RNG, t.both[:m*t.dim], m)
	t.SampleNoise(t.z, m)
	copy(t.both[m*t.dim:], t.G.Forward(t.z, m, true))
	t.D.ZeroGrad()
	// PacGAN: m×dim rows reinterpret as (m/pack)×(pack·dim) at no cost.
	logits := t.D.Forward(t.both, 2*np, true)
	real, fake := logits[:np], logits[np:2*np]
	dl := t.Loss.D(real, fake, t.gd[:np], t.gd[np:])
	t.D.Backward(t.gd, 2*np, false)
	t.OptD.Update()
	if t.Recipe.Loss == "wgan" {
		t.clipD()
	}
	t.DSteps++
	t.Stats.DLoss = dl
	t.Stats.DReal, t.Stats.DFake = meanSigmoid(real), meanSigmoid(fake)
	if !finite(dl) {
		return fmt.Errorf("%w: discriminator loss is %v at step %d", ErrDiverged, dl, t.Step)
	}
	if err := t.OptD.Err(); err != nil {
		return fmt.Errorf("%w: D's %v at step %d", ErrDiverged, err, t.Step)
	}
	return nil
}

// StepG performs one generator update through D.
func (t *Trainer) StepG() error {
	if t.Recipe.Shards > 1 {
		return t.stepGShards()
	}
	m, np := t.Recipe.Batch, t.Recipe.Batch/t.Recipe.Pack
	t.SampleNoise(t.z, m)
	fake := t.G.Forward(t.z, m, true)
	lf := t.D.Forward(fake, np, true)
	gl := t.Loss.G(lf, t.gg)
	t.Stats.DFake = meanSigmoid(lf)
	// Only dL/dx is needed from D: its parameter gradients would be
	// discarded (D is zeroed before its next update), so they are skipped.
	dx := t.D.InputGrad(t.gg, np)
	t.G.ZeroGrad()
	t.G.Backward(dx, m, false)
	t.OptG.Update()
	t.updateAverage()
	t.Step++
	t.iterD = 0 // a G update ends the iteration
	t.Stats.GLoss = gl
	if !finite(gl) {
		return fmt.Errorf("%w: generator loss is %v at step %d", ErrDiverged, gl, t.Step)
	}
	if err := t.OptG.Err(); err != nil {
		return fmt.Errorf("%w: G's %v at step %d", ErrDiverged, err, t.Step)
	}
	return nil
}

// Done reports whether the recipe's step limit is reached.
func (t *Trainer) Done() bool { return t.Recipe.Steps > 0 && t.Step >= t.Recipe.Steps }

// Set changes a live setting mid-run (recipe.Live: the learning rates, k,
// the step limit, the sampling temperature). The recipe follows, so that a
// checkpoint or link records what is in force; the optimisers take a new
// rate from their next update.
func (t *Trainer) Set(key string, v float64) error {
	if !recipe.Live(key) {
		return &recipe.Error{Key: key, Msg: "cannot change during a run: start a new one"}
	}
	c := t.Recipe
	if err := c.SetNumber(key, v); err != nil {
		return err
	}
	t.Recipe = c
	t.OptG.Cfg.LR, t.OptD.Cfg.LR = c.LRG, c.LRD
	return nil
}

// CheckFinite reports the first parameter, or optimiser moment, holding
// NaN or Inf (or a negative second moment): a state training cannot go on
// from and a checkpoint cannot hold.
func (t *Trainer) CheckFinite() error {
	for _, net := range t.Nets() {
		for _, p := range net.Params() {
			for i, v := range p.W {
				if optim.BadValue(v, false) {
					return fmt.Errorf("%w: %s[%d] is %v at step %d", ErrDiverged, p.Name, i, v, t.Step)
				}
			}
		}
	}
	for _, o := range []struct {
		name string
		opt  *optim.Optimizer
	}{{"G", t.OptG}, {"D", t.OptD}} {
		if err := optim.CheckState(o.opt); err != nil {
			return fmt.Errorf("%w: %s's %v at step %d", ErrDiverged, o.name, err, t.Step)
		}
	}
	return nil
}

// Nets are the networks a trainer holds, in the order checkpoints store
// them: G, D, and G's average when the recipe keeps one.
func (t *Trainer) Nets() []*nn.Net {
	if t.GAvg != nil {
		return []*nn.Net{t.G, t.D, t.GAvg}
	}
	return []*nn.Net{t.G, t.D}
}

func (t *Trainer) clipD() {
	c := float32(t.Recipe.Clip)
	for _, p := range t.D.Params() {
		for i, v := range p.W {
			p.W[i] = min(max(v, -c), c)
		}
	}
}

func meanSigmoid(logits []float32) float64 {
	var s float64
	for _, v := range logits {
		s += 1 / (1 + math.Exp(-float64(v))) // display only: never feeds back into training
	}
	return s / float64(len(logits))
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
