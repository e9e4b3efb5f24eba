package recipe

import (
	"fmt"
	"github.com/ganplayground/ganplayground/core/data"
	"math"
	"slices"
	"strconv"
	"strings"
)

// key is one row of the settings table: its name, default (as text), and
// how to read and write it.
type key struct {
	name string
	def  string
	doc  string
	get  func(*Recipe) string
	set  func(*Recipe, string) error
	// late marks a key added after checkpoints and links of format 1 were
	// first written: Full leaves it out at its default, which is the
	// behaviour from before the key existed, so a file or link that does
	// not use it is byte for byte what it was (and the committed golden
	// files still are).
	late bool
	// live says whether a running trainer may take a new value (the page's
	// sliders, core/session's Set): liveTrain keys change how it trains
	// from the next update on, liveSample keys only how samples are drawn.
	live liveness
	// num sets a numeric key from a number, validated as set validates
	// text (nil for other keys): live values never go through text.
	num    func(*Recipe, float64) error
	numGet func(*Recipe) float64
}

// liveness is the "live" column of the table.
type liveness uint8

const (
	liveNo     liveness = iota // fixed for a run: changing it starts a new one
	liveTrain                  // changes training from the next update on
	liveSample                 // changes only how samples are drawn
)

// The table. Order is the canonical encoding order. Defaults are the ring8
// demo and are documented in docs/recipes.md (keep them in step: a test checks).
//
// Why these defaults (measured on ring8, seeds 21/22/31/32/33, 8000 steps):
// a vanilla GAN here covered 4–8 of 8 modes with 30–45% of samples within
// 3 std of a mode. PacGAN packing (pack=2) made coverage 8/8 on every seed;
// a 2-D latent (z=2) made the mapping easier to sharpen (and G's manifold
// view readable); and since Adam's normalised steps move G's outputs by
// more than the 0.06 tolerance at lr 1e-3, the rate starts high (0.002) and
// decays (÷1.0004 per step, ≈ 25× by step 8000) so samples settle onto the
// modes: hq 0.89–0.95 with mode_kl ≤ 0.015. A third hidden layer in G
// lets it cut sharper borders between modes (seed 32: hq 0.891 → 0.976).
// pack=1 is the vanilla GAN.
var keys = []key{
	enumKey("data", "ring8", "data set", func(r *Recipe) *string { return &r.Data }, data.Names()...),
	{name: "digits", def: "0123456789", doc: "MNIST digits to use, e.g. 358",
		get: func(r *Recipe) string {
			var b strings.Builder
			for _, d := range r.Digits {
				b.WriteByte(byte('0' + d))
			}
			return b.String()
		},
		set: func(r *Recipe, v string) error {
			seen := [10]bool{}
			var ds []int
			for _, c := range strings.ReplaceAll(v, ",", "") {
				if c < '0' || c > '9' {
					return fmt.Errorf("want digits 0-9 such as 358, got %q", v)
				}
				if !seen[c-'0'] {
					seen[c-'0'] = true
					ds = append(ds, int(c-'0'))
				}
			}
			if len(ds) == 0 {
				return fmt.Errorf("pick at least one digit")
			}
			slices.Sort(ds)
			r.Digits = ds
			return nil
		}},
	{name: "points", def: "", doc: "custom data: x,y;x,y;… (at most 2000 points, |v| ≤ 10)",
		get: func(r *Recipe) string {
			parts := make([]string, 0, len(r.Points)/2)
			for i := 0; i+1 < len(r.Points); i += 2 {
				parts = append(parts, fmtF32(r.Points[i])+","+fmtF32(r.Points[i+1]))
			}
			return strings.Join(parts, ";")
		},
		set: func(r *Recipe, v string) error {
			r.Points = nil
			if v == "" {
				return nil
			}
			pts := strings.Split(v, ";")
			if len(pts) > MaxPoints {
				return fmt.Errorf("%d points, max %d", len(pts), MaxPoints)
			}
			out := make([]float32, 0, 2*len(pts))
			for _, p := range pts {
				xs, ys, ok := strings.Cut(p, ",")
				if !ok {
					return fmt.Errorf("point %q is not x,y", p)
				}
				for _, s := range []string{xs, ys} {
					f, err := strconv.ParseFloat(s, 32)
					if err != nil || math.IsNaN(f) || math.Abs(f) > 10 {
						return fmt.Errorf("coordinate %q must be a number in [-10, 10]", s)
					}
					// Round to the 3 decimals that the encoding keeps, so a
					// recipe and its text are the same thing.
					f, _ = strconv.ParseFloat(fmtF32(float32(f)), 32)
					out = append(out, float32(noNegZero(f)))
				}
			}
			r.Points = out
			return nil
		}},
	uintKey("seed", "1", "random seed", func(r *Recipe) *uint64 { return &r.Seed }, 1<<53),
	live(liveTrain, intKey("steps", "8000", "stop at this step (0 = no limit)", func(r *Recipe) *int { return &r.Steps }, 0, 100_000_000)),
	intKey("batch", "256", "minibatch size m", func(r *Recipe) *int { return &r.Batch }, 1, 4096),
	intKey("z", "2", "noise dimension", func(r *Recipe) *int { return &r.Z }, 1, 1024),
	enumKey("prior", "gaussian", "noise prior", func(r *Recipe) *string { return &r.Prior }, "gaussian", "uniform"),
	sizesKey("g", "128,128,128", "generator hidden sizes", func(r *Recipe) *[]int { return &r.G }),
	sizesKey("d", "128,128", "discriminator hidden sizes", func(r *Recipe) *[]int { return &r.D }),
	enumKey("gact", "relu", "generator hidden activation", func(r *Recipe) *string { return &r.GAct }, activations...),
	enumKey("dact", "leaky", "discriminator hidden activation", func(r *Recipe) *string { return &r.DAct }, activations...),
	intKey("pieces", "5", "maxout pieces", func(r *Recipe) *int { return &r.Pieces }, 2, 16),
	floatKey("gdrop", "0", "dropout probability on G's hidden layers", func(r *Recipe) *float64 { return &r.GDrop }, 0, 0.9),
	floatKey("ddrop", "0", "dropout probability on D's hidden layers", func(r *Recipe) *float64 { return &r.DDrop }, 0, 0.9),
	floatKey("ddropin", "0", "dropout probability on D's input", func(r *Recipe) *float64 { return &r.DDropIn }, 0, 0.9),
	enumKey("loss", "nonsat", "GAN loss", func(r *Recipe) *string { return &r.Loss }, "nonsat", "minimax", "lsgan", "hinge", "wgan"),
	floatKey("clip", "0.01", "WGAN weight clip", func(r *Recipe) *float64 { return &r.Clip }, 1e-4, 10),
	enumKey("opt", "adam", "optimiser for both networks", func(r *Recipe) *string { return &r.Opt }, "adam", "sgd"),
	live(liveTrain, floatKey("lrg", "0.002", "generator learning rate", func(r *Recipe) *float64 { return &r.LRG }, 1e-7, 10)),
	live(liveTrain, floatKey("lrd", "0.002", "discriminator learning rate", func(r *Recipe) *float64 { return &r.LRD }, 1e-7, 10)),
	floatKey("mom", "0.5", "SGD momentum / Adam beta1", func(r *Recipe) *float64 { return &r.Mom }, 0, 0.999),
	floatKey("momend", "0.7", "SGD momentum at the end of the ramp", func(r *Recipe) *float64 { return &r.MomEnd }, 0, 0.999),
	intKey("momramp", "0", "SGD momentum ramp length in steps (0 = none)", func(r *Recipe) *int { return &r.MomRamp }, 0, 100_000_000),
	floatKey("decay", "1.0004", "learning-rate divisor per step", func(r *Recipe) *float64 { return &r.Decay }, 1, 1.1),
	floatKey("lrmin", "1e-06", "learning-rate floor under decay", func(r *Recipe) *float64 { return &r.LRMin }, 0, 1),
	floatKey("b2", "0.999", "Adam beta2", func(r *Recipe) *float64 { return &r.B2 }, 0, 0.99999),
	live(liveTrain, intKey("k", "1", "D steps per G step", func(r *Recipe) *int { return &r.K }, 1, 100)),
	intKey("pack", "2", "PacGAN packing degree", func(r *Recipe) *int { return &r.Pack }, 1, 8),
	late(enumKey("bias", "zero", "first hidden layers' initial biases: zero, or kinks (each unit's kink through a random input)", func(r *Recipe) *string { return &r.Bias }, "zero", "kinks")),
	late(floatKey("gema", "0", "draw samples from an average of G's weights, this decay per step (0 = off)", func(r *Recipe) *float64 { return &r.GEMA }, 0, 0.99999)),
	late(intKey("gavg", "0", "from this step on, draw samples from the plain average of G's weights over every step since (0 = off)", func(r *Recipe) *int { return &r.GAvg }, 0, 100_000_000)),
	live(liveSample, late(floatKey("temp", "1", "sampling temperature: samples are G(temp·z), training is unaffected", func(r *Recipe) *float64 { return &r.Temp }, 0.05, 2))),
	late(intKey("shards", "1", "the batch is cut into this many shards, whose gradients are summed in one fixed order, so that any number of workers trains the same bits (a power of two dividing batch/pack; 1 = one whole batch)", func(r *Recipe) *int { return &r.Shards }, 1, MaxShards)),
}

var activations = []string{"relu", "leaky", "tanh", "sigmoid", "maxout"}

// MaxPoints caps a custom data set.
const MaxPoints = 2000

// MaxLayers caps the hidden layers of either network.
const MaxLayers = 8

func lookup(name string) *key {
	for i := range keys {
		if keys[i].name == name {
			return &keys[i]
		}
	}
	return nil
}

// KeyNames lists every key, comma-separated, in canonical order.
func KeyNames() string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.name
	}
	return strings.Join(names, ",")
}

// KeyDoc describes a key for help texts: its default and meaning.
type KeyDoc struct{ Name, Default, Doc string }

// Docs returns the table's documentation, in order.
func Docs() []KeyDoc {
	out := make([]KeyDoc, len(keys))
	for i, k := range keys {
		out[i] = KeyDoc{k.name, k.def, k.doc}
	}
	return out
}

func fmtF32(f float32) string {
	return strconv.FormatFloat(math.Round(float64(f)*1000)/1000, 'f', -1, 32)
}

func late(k key) key {
	k.late = true
	return k
}

func live(l liveness, k key) key {
	k.live = l
	return k
}

func enumKey(name, def, doc string, field func(*Recipe) *string, allowed ...string) key {
	return key{name: name, def: def, doc: doc + " (" + strings.Join(allowed, "|") + ")",
		get: func(r *Recipe) string { return *field(r) },
		set: func(r *Recipe, v string) error {
			if !slices.Contains(allowed, v) {
				return fmt.Errorf("%q is not one of %s", v, strings.Join(allowed, ", "))
			}
			*field(r) = v
			return nil
		}}
}

func intKey(name, def, doc string, field func(*Recipe) *int, lo, hi int) key {
	return key{name: name, def: def, doc: doc,
		num: func(r *Recipe, v float64) error {
			if v != math.Trunc(v) || v < float64(lo) || v > float64(hi) {
				return fmt.Errorf("want a whole number in [%d, %d], got %v", lo, hi, v)
			}
			*field(r) = int(v)
			return nil
		},
		numGet: func(r *Recipe) float64 { return float64(*field(r)) },
		get:    func(r *Recipe) string { return strconv.Itoa(*field(r)) },
		set: func(r *Recipe, v string) error {
			n, err := strconv.Atoi(v)
			if err != nil || n < lo || n > hi {
				return fmt.Errorf("want a whole number in [%d, %d], got %q", lo, hi, v)
			}
			*field(r) = n
			return nil
		}}
}

func uintKey(name, def, doc string, field func(*Recipe) *uint64, hi uint64) key {
	return key{name: name, def: def, doc: doc,
		get: func(r *Recipe) string { return strconv.FormatUint(*field(r), 10) },
		set: func(r *Recipe, v string) error {
			n, err := strconv.ParseUint(v, 10, 64)
			if err != nil || n > hi {
				return fmt.Errorf("want a whole number in [0, %d], got %q", hi, v)
			}
			*field(r) = n
			return nil
		}}
}

// noNegZero turns −0 into 0: the two are the same setting, and a −0 kept
// would print as "-0" and differ from "0" when a continued run restates it.
func noNegZero(f float64) float64 {
	if f == 0 {
		return 0
	}
	return f
}

func floatKey(name, def, doc string, field func(*Recipe) *float64, lo, hi float64) key {
	return key{name: name, def: def, doc: doc,
		num: func(r *Recipe, v float64) error {
			if math.IsNaN(v) || v < lo || v > hi {
				return fmt.Errorf("want a number in [%g, %g], got %v", lo, hi, v)
			}
			*field(r) = v
			return nil
		},
		numGet: func(r *Recipe) float64 { return *field(r) },
		get:    func(r *Recipe) string { return strconv.FormatFloat(*field(r), 'g', -1, 64) },
		set: func(r *Recipe, v string) error {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || math.IsNaN(f) || f < lo || f > hi {
				return fmt.Errorf("want a number in [%g, %g], got %q", lo, hi, v)
			}
			*field(r) = noNegZero(f)
			return nil
		}}
}

func sizesKey(name, def, doc string, field func(*Recipe) *[]int) key {
	return key{name: name, def: def, doc: doc + fmt.Sprintf(" (comma list, 1 to %d layers of 1 to 4096)", MaxLayers),
		get: func(r *Recipe) string {
			s := make([]string, len(*field(r)))
			for i, n := range *field(r) {
				s[i] = strconv.Itoa(n)
			}
			return strings.Join(s, ",")
		},
		set: func(r *Recipe, v string) error {
			parts := strings.Split(v, ",")
			if v == "" || len(parts) > MaxLayers {
				return fmt.Errorf("want 1 to %d comma-separated sizes, got %q", MaxLayers, v)
			}
			out := make([]int, len(parts))
			for i, p := range parts {
				n, err := strconv.Atoi(p)
				if err != nil || n < 1 || n > 4096 {
					return fmt.Errorf("layer size %q must be a whole number in [1, 4096]", p)
				}
				out[i] = n
			}
			*field(r) = out
			return nil
		}}
}
