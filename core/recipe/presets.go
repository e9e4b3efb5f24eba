package recipe

import (
	"fmt"
	"slices"
	"strings"
)

// Presets are named recipes: the paper's setups and the bundled models'
// runs. Each is an ordinary recipe string, so a preset can be pasted into
// the page's fragment or the CLI's -recipe, and keys after it override it.
var Presets = map[string]string{
	// Goodfellow et al. 2014, MNIST, as in the paper's code
	// (adversarial/mnist.yaml): G 100→1200→1200→784, ReLU then sigmoid,
	// z uniform in [−√3, √3]; D two maxout layers of 240 units × 5 pieces,
	// dropout 0.2 on D's input and 0.5 on its hidden layers; SGD, batch
	// 100, learning rate 0.1 divided by 1.000004 per step down to 1e-6,
	// momentum 0.5 rising linearly to 0.7 over 250 epochs (250 × 500
	// steps of 100 of the 50,000 training images), k = 1, and D judges one
	// sample at a time (pack=1: packing came later). G maximises
	// log D(G(z)) (the non-saturating loss), as the paper says it does in
	// practice.
	"paper-mnist": "data=mnist&z=100&prior=uniform&g=1200,1200&gact=relu&d=240,240&dact=maxout&pieces=5" +
		"&ddropin=0.2&ddrop=0.5&opt=sgd&lrg=0.1&lrd=0.1&decay=1.000004&lrmin=1e-06" +
		"&mom=0.5&momend=0.7&momramp=125000&batch=100&k=1&loss=nonsat&pack=1",
	// The page's "Vanilla GAN (watch it collapse)": the table's ring8
	// nets (G 128×3, D 128×2) with one sample per D input (pack=1), on
	// minibatches of 64, and a D that learns six times slower than G
	// (lrd=0.0005 against lrg=0.003), so that G chases whichever modes D
	// currently rates highest instead of spreading over all of them; the
	// rate, divided by 1.0006 per step (by 6 at step 3,000), then freezes
	// it on a few. The same recipe with pack=2 covers all 8 modes.
	// Batch 64 is a quarter of batch 256's matrix work per step (34.1
	// against 136.4 MFLOP; with pack=2 25.7 against 102.6), so the check
	// of six runs (core/learn's TestVanillaCollapsesAndPackingCures)
	// took 79 CPU-seconds instead of 311. Tuned on seeds 21 and 22
	// (batch and rates) and 5 (decay); modes hit at 3,000 steps (eval's
	// samples), vanilla against pack=2: tuning seeds 3, 3, 4 against
	// 8, 8, 8; the page's seed 1 4 against 8 (hq 0.82); unseen seeds 2,
	// 3, 4 (the test's) and 6–12: 4, 4, 3, 4, 3, 4, 4, 4, 5, 5 against 8
	// on every one (pack=2 hq 0.33–0.81; vanilla hq ≤ 0.05).
	// Tried and dropped: the earlier recipe (batch 256, lrg 0.002, ÷1.0004)
	// collapsed as well (seeds 1–4: 4, 4, 5, 4 against 8/8) at four times
	// the cost; G 64×3 and D 64×2 at batch 256 either left the packed run
	// short of a mode (lrg 0.002, seed 21: 7/8, hq 0.04) or let the
	// vanilla one escape (lrg 0.004, lrd 0.001: 8/8 by step 2,250 on
	// seeds 21 and 22); at batch 64, lrg 0.002 let seed 5 escape (8/8 at
	// 3,000), lrd 0.00075 let seed 21 reach 7/8, and ÷1.0004 let seed 5
	// reach 7/8 (4/8 with ÷1.0006). The table's recipe with pack=1 alone
	// is no collapse to watch: it covers all 8 modes by step 1,321.
	"vanilla": "data=ring8&pack=1&batch=64&lrg=0.003&lrd=0.0005&decay=1.0006&steps=3000",
	// The gallery's grid25 model (assets/gallery/grid25.recipe). Why it
	// is hard: with zero-initialised biases a ReLU net is positively
	// homogeneous, so both nets start cutting the plane only by direction
	// from the origin (the ring's modes lie on distinct rays; the grid's
	// (2,2) and (4,4) share one), and with zero biases D and G stayed near
	// a uniform smear: 19–23/25 modes, hq 0.08–0.13 by 3,000–8,000 steps.
	// bias=kinks starts each first-layer unit's kink at a random input;
	// with it, a slower decay (÷1.0003 per step) lets the grid form before
	// the rate falls. Tuned on seed 21 (8,000 steps: 25/25, hq 0.925,
	// mode_kl 0.004; with ÷1.0004 hq 0.86, ÷1.0006 0.68, ÷1.0002 0.92).
	// Unseen seeds 7 and 1234 at 10,000 steps (the test's samples): 25/25,
	// hq 0.900 and 0.905, mode_kl 0.008 and 0.011, 195 s and 215 s natively on
	// one core of a busy machine (8,000 steps: hq 0.882 and 0.894). The
	// gallery's seed 1 falls short: 25/25, hq 0.835, mode_kl 0.054 (eval's
	// samples; the same for the checkpoint and its float16 link). Tried
	// and worse on seed 21 with kinks: pack=2 (hq 0.37 at 6,000 steps, D
	// sees a 4-D input), a third D layer (25 → 23 modes, mode_kl 0.25),
	// loss=lsgan (hq 0.83, mode_kl 0.15), lrd=0.004 (no change); batch=512
	// reached 0.898 at 8,000 steps but in twice the time.
	"grid25": "data=grid25&seed=1&prior=uniform&pack=1&decay=1.0003&bias=kinks&steps=10000",
	// The gallery's MNIST generator (assets/gallery/mnist-all.recipe):
	// the paper's optimiser — SGD, rate 0.1, momentum 0.5 rising to 0.7 —
	// on a small MLP (G 100→256→512→784 leaky ReLU then sigmoid, D
	// 784→512→256→1 with dropout 0.3). Measured with the paper's Parzen
	// protocol (app eval): Adam at 2e-4 with the same nets left speckled
	// digits (−44 at 3,000 steps); SGD gave −17, 9, 55, 136, 147 at 1,500,
	// 3,000, 6,000, 12,000 and 16,000–19,000 steps, levelling off. Drawing
	// samples from a short moving average of G's weights (gema=0.999)
	// gave 106 at 6,000, 179 at 16,000, 207 at 45,000 and 210.0 ± 2.3 at
	// 65,000, with Fréchet distances 3.1, 4.9, 7.9 at 16,000, 45,000 and
	// 65,000. The plain average over a long window (gavg) is what passes
	// the paper's 225 ± 2: averages of the run's 1,000-step snapshots
	// scored on all 10,000 validation images (temp 1) 217 for steps
	// 20,000–45,000, 242 for 30,000–60,000, 243 for 40,000–60,000, 237
	// for 40,000–65,000, 238 for 50,000–65,000; the window 40,000–60,000,
	// trained (train -from the step-40,000 checkpoint, gavg=40000),
	// scores 238.0 ± 2.3 on the test images (237.8 from its int8 link;
	// 10,000 real training images: 241). Its price is the paper's own
	// caveat about Parzen: the average's digits are softer and less
	// varied — Fréchet distance 22.6, digit shares 5–17%. A sampling
	// temperature below 1 (eval -temps) was chosen against: 0.9 and 0.8
	// score lower on the validation images.
	// Long: it trains for hours on one core (make gallery); train it in
	// stages with `train -from` and adopt it with `gallery -from`.
	"mnist-all": "seed=1&data=mnist&steps=60000&batch=64&z=100&g=256,512&d=512,256&gact=leaky&ddrop=0.3&opt=sgd&lrg=0.1&lrd=0.1&momramp=20000&decay=1&pack=1&gema=0.999&gavg=40000",
	// The gallery's one-digit model (mnist-one.recipe): mnist-all's recipe
	// on the threes alone, 8,000 steps (15 minutes natively). It replaced
	// an Adam recipe whose threes were speckled (Parzen 97.5 against the
	// test set's threes, Fréchet distance 15.7 at 4,000 steps).
	"mnist-one": "seed=1&data=mnist&digits=3&steps=8000&batch=64&z=100&g=256,512&d=512,256&gact=leaky&ddrop=0.3&opt=sgd&lrg=0.1&lrd=0.1&momramp=20000&decay=1&pack=1&gema=0.999",
}

// PresetNames lists the presets, sorted.
func PresetNames() []string {
	names := make([]string, 0, len(Presets))
	for n := range Presets {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Preset parses the named preset with extra ("key=value&…", may be empty)
// applied on top.
func Preset(name, extra string) (Recipe, error) {
	s, ok := Presets[name]
	if !ok {
		return Default(), &Error{Msg: fmt.Sprintf("unknown preset %q (known: %s)", name, strings.Join(PresetNames(), ", "))}
	}
	r, err := Parse(s)
	if err != nil || extra == "" {
		return r, err
	}
	for _, part := range Parts(extra) {
		if !part.HasValue {
			return r, &Error{Key: part.Key, Msg: "missing '=value'"}
		}
		if err := r.Set(part.Key, part.Value); err != nil {
			return r, err
		}
	}
	return r, r.Check()
}
