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
	// steps of 100 of the 50,000 training images), k = 1. G maximises
	// log D(G(z)) (the non-saturating loss), as the paper says it does in
	// practice.
	"paper-mnist": "data=mnist&z=100&prior=uniform&g=1200,1200&gact=relu&d=240,240&dact=maxout&pieces=5" +
		"&ddropin=0.2&ddrop=0.5&opt=sgd&lrg=0.1&lrd=0.1&decay=1.000004&lrmin=1e-06" +
		"&mom=0.5&momend=0.7&momramp=125000&batch=100&k=1&loss=nonsat",
	// The gallery's grid25 model (assets/gallery/grid25.recipe). Measured
	// on seed 21 (tuning) at 6,000 steps: uniform noise 24/25 modes, hq
	// 0.17 against Gaussian noise's 16–21/25; pairs (pack=2) kept hq
	// lower (0.03–0.08 by step 4,000–5,000), as did tanh or sigmoid hidden
	// units in G and higher rates. Why it is hard: with zero-initialised
	// biases a ReLU net is positively homogeneous, so G starts by laying
	// samples along rays from the origin (the ring's modes lie on rays;
	// the grid's (2,2) and (4,4) share one) until its biases have moved.
	"grid25": "data=grid25&seed=1&prior=uniform&pack=1&steps=8000",
	// The gallery's MNIST generators (assets/gallery/mnist-all.recipe and
	// mnist-one.recipe, make gallery): a modest MLP GAN with PacGAN pairs
	// and D dropout against mode collapse. The rate decays gently
	// (÷1.0002 per step, ≈ 3× over the run): the default decay, tuned for
	// 8,000-step 2-D runs, would stop an MNIST run by step 12,000.
	"mnist-all": "data=mnist&seed=1&z=64&g=256,256&d=256,128&gact=leaky&dact=leaky&ddrop=0.2&opt=adam&lrg=0.0002&lrd=0.0002&mom=0.5&decay=1.0002&batch=64&loss=nonsat&pack=2&steps=6000",
	"mnist-one": "data=mnist&digits=3&seed=1&z=64&g=256,256&d=256,128&gact=leaky&dact=leaky&ddrop=0.2&opt=adam&lrg=0.0002&lrd=0.0002&mom=0.5&decay=1.0002&batch=64&loss=nonsat&pack=2&steps=4000",
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
	for _, part := range strings.Split(strings.TrimLeft(extra, "#?"), "&") {
		if part == "" {
			continue
		}
		k, v, ok := strings.Cut(part, "=")
		if !ok {
			return r, &Error{Key: k, Msg: "missing '=value'"}
		}
		if err := r.Set(k, v); err != nil {
			return r, err
		}
	}
	return r, r.Check()
}
