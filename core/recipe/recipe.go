package recipe

import (
	"errors"
	"fmt"
	"github.com/ganplayground/ganplayground/core/data"
	"net/url"
	"strings"
)

// Recipe is a complete, validated set of training settings. The zero value
// is not valid; start from Default() or Parse.
type Recipe struct {
	Data    string    // a data set of core/data.Sets: ring8 | grid25 | spiral | moons | custom | mnist
	Digits  []int     // MNIST digits to train on, sorted, distinct
	Points  []float32 // custom data: x0,y0,x1,y1,…
	Seed    uint64    // seeds all randomness (init, data, noise, dropout)
	Steps   int       // stop at this step; 0 = no limit
	Batch   int       // minibatch m (per network update)
	Z       int       // noise dimension
	Prior   string    // uniform | gaussian
	G, D    []int     // hidden layer sizes
	GAct    string    // hidden activation of G
	DAct    string    // hidden activation of D
	Pieces  int       // maxout pieces
	GDrop   float64   // dropout probability on G's hidden layers
	DDrop   float64   // dropout probability on D's hidden layers
	DDropIn float64   // dropout probability on D's input
	Loss    string    // minimax | nonsat | lsgan | hinge | wgan
	Clip    float64   // WGAN weight clipping bound
	Opt     string    // adam | sgd
	LRG     float64   // generator learning rate
	LRD     float64   // discriminator learning rate
	Mom     float64   // SGD momentum, or Adam β1
	MomEnd  float64   // SGD: momentum reached at the end of the ramp
	MomRamp int       // SGD: steps over which momentum rises Mom→MomEnd (0 = no ramp)
	Decay   float64   // learning rates are divided by this every step (the paper: 1.000004)
	LRMin   float64   // floor for decayed learning rates
	B2      float64   // Adam β2
	K       int       // discriminator steps per generator step
	Pack    int       // PacGAN packing: D judges Pack samples at once
	GEMA    float64   // samples come from an exponential moving average of G's weights with this decay (0 = G itself)
	GAvg    int       // from this step on, samples come from the uniform average of G's weights since (0 = off)
	Bias    string    // first hidden layers' initial biases: zero | kinks (each unit's kink through an input)
	Temp    float64   // sampling temperature: samples are G(Temp·z); training is unaffected
	Shards  int       // the batch's shards, whose gradients are summed in a fixed tree (1 = the whole batch at once)
}

// SamplingKey reports whether a key only changes how samples are drawn
// from G, not how it trains: a run may change it at any time — when it
// continues from a checkpoint, live in the page, or when the gallery
// adopts a checkpoint. (The "live" column of the key table.)
func SamplingKey(name string) bool {
	k := lookup(name)
	return k != nil && k.live == liveSample
}

// Live reports whether a running trainer may take a new value of the key
// (the "live" column of the key table): the learning rates, k, the step
// limit and the sampling keys. Any other change starts a new run.
func Live(name string) bool {
	k := lookup(name)
	return k != nil && k.live != liveNo
}

// Number returns a numeric key's value as a number (ok false for other
// keys): what a live change sends, with no text in between.
func (r Recipe) Number(name string) (v float64, ok bool) {
	k := lookup(name)
	if k == nil || k.numGet == nil {
		return 0, false
	}
	return k.numGet(&r), true
}

// SetNumber changes one numeric key to v, validated as Set validates
// text, the whole recipe included.
func (r *Recipe) SetNumber(name string, v float64) error {
	k := lookup(name)
	if k == nil {
		return &Error{Key: name, Msg: "unknown key"}
	}
	if k.num == nil {
		return &Error{Key: name, Msg: "not a number"}
	}
	c := *r
	if err := k.num(&c, v); err != nil {
		return &Error{Key: name, Msg: err.Error()}
	}
	if err := c.Check(); err != nil {
		return err
	}
	*r = c
	return nil
}

// Error is a recipe problem tied to one key.
type Error struct {
	Key string
	Msg string
}

func (e *Error) Error() string {
	if e.Key == "" {
		return "recipe: " + e.Msg
	}
	return fmt.Sprintf("recipe: %s: %s", showKey(e.Key), e.Msg)
}

// showKey prints a key name as typed when it is a plain word, as every
// real key is, and otherwise quoted with escapes (and cut short): a key
// from a file or a link may carry terminal escape sequences or be huge.
func showKey(k string) string {
	for _, c := range k {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			if len(k) > 64 {
				return fmt.Sprintf("%.64q…", k)
			}
			return fmt.Sprintf("%q", k)
		}
	}
	if len(k) > 64 {
		return k[:64] + "…"
	}
	return k
}

// ErrRecipe matches every *Error with errors.Is.
var ErrRecipe = errors.New("recipe error")

func (e *Error) Is(target error) bool { return target == ErrRecipe }

// Default returns the documented defaults (see keys.go): the ring8 demo.
func Default() Recipe {
	var r Recipe
	for _, k := range keys {
		if err := k.set(&r, k.def); err != nil {
			panic("recipe: bad default for " + k.name + ": " + err.Error())
		}
	}
	return r
}

// MaxLen caps the text of a recipe (custom point lists are the long part).
const MaxLen = 64 << 10

// Parse reads a recipe, starting from the defaults. A leading '#' or '?' is
// ignored, as are empty parts ("a=1&&b=2"). Values may be percent-encoded.
func Parse(s string) (Recipe, error) { return parseOnto(Default(), s) }

// parseOnto reads the keys of s over base and checks the result.
func parseOnto(r Recipe, s string) (Recipe, error) {
	r, err := setKeys(r, s)
	if err != nil {
		return r, err
	}
	return r, r.Check()
}

// setKeys reads the keys of s over r, each checked on its own.
func setKeys(r Recipe, s string) (Recipe, error) {
	if len(s) > MaxLen {
		return r, &Error{Msg: fmt.Sprintf("too long (%d bytes, max %d)", len(s), MaxLen)}
	}
	seen := map[string]bool{}
	for _, part := range Parts(s) {
		name, val := part.Key, part.Value
		if !part.HasValue {
			return r, &Error{Key: name, Msg: "missing '=value'"}
		}
		if v, err := url.QueryUnescape(val); err == nil {
			val = v
		}
		k := lookup(name)
		if k == nil {
			return r, &Error{Key: name, Msg: "unknown key (known: " + KeyNames() + ")"}
		}
		if seen[name] {
			return r, &Error{Key: name, Msg: "given twice"}
		}
		seen[name] = true
		if err := k.set(&r, val); err != nil {
			return r, &Error{Key: name, Msg: err.Error()}
		}
	}
	return r, nil
}

// Check validates the relations between keys that no single key can check.
func (r *Recipe) Check() error {
	if r.Batch%r.Pack != 0 {
		return &Error{Key: "pack", Msg: fmt.Sprintf("batch %d is not a multiple of pack %d", r.Batch, r.Pack)}
	}
	if err := r.checkShards(); err != nil {
		return err
	}
	set := r.DataSet()
	if set.NeedsPoints && len(r.Points) == 0 {
		return &Error{Key: "points", Msg: "data=" + r.Data + " needs at least one point"}
	}
	if set.NeedsDigits && len(r.Digits) == 0 {
		return &Error{Key: "digits", Msg: "pick at least one digit"}
	}
	if n := r.ParamCount(); n > MaxParams {
		return &Error{Key: "g", Msg: fmt.Sprintf("networks too large: %d parameters (max %d)", n, MaxParams)}
	}
	return nil
}

// String encodes the recipe canonically: keys in table order, only those
// that differ from the default. Parse(r.String()) == r.
func (r Recipe) String() string {
	def := Default()
	var b strings.Builder
	for _, k := range keys {
		v := k.get(&r)
		if v == k.get(&def) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k.name)
		b.WriteByte('=')
		b.WriteString(v)
	}
	return b.String()
}

// Full encodes every key, defaults included: what a checkpoint stores, so
// that a later change of defaults cannot change a saved model's meaning.
// The exception is a key added later (key.late) at its default, which
// means what a file without it always meant.
func (r Recipe) Full() string {
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		v := k.get(&r)
		if k.late && v == k.def {
			continue
		}
		parts = append(parts, k.name+"="+v)
	}
	return strings.Join(parts, "&")
}

// Get returns one key's encoded value ("" for an unknown key).
func (r Recipe) Get(name string) string {
	if k := lookup(name); k != nil {
		return k.get(&r)
	}
	return ""
}

// Set changes one key, validating the value and the whole recipe.
func (r *Recipe) Set(name, val string) error {
	k := lookup(name)
	if k == nil {
		return &Error{Key: name, Msg: "unknown key"}
	}
	c := *r
	if err := k.set(&c, val); err != nil {
		return &Error{Key: name, Msg: err.Error()}
	}
	if err := c.Check(); err != nil {
		return err
	}
	*r = c
	return nil
}

// Diff lists the keys whose values differ between r and o, skipping the
// named ones.
func (r Recipe) Diff(o Recipe, skip ...string) []string {
	var out []string
next:
	for _, k := range keys {
		for _, s := range skip {
			if s == k.name {
				continue next
			}
		}
		if k.get(&r) != k.get(&o) {
			out = append(out, k.name)
		}
	}
	return out
}

// DataDim is the dimension of one data sample.
func (r Recipe) DataDim() int { return r.DataSet().Dim }

// DataSet is the data set's row of the descriptor table (core/data.Sets).
// The "data" key only takes names from the table.
func (r Recipe) DataSet() *data.Set {
	if s := data.Lookup(r.Data); s != nil {
		return s
	}
	return &unknownSet // only a zero Recipe gets here: key "data" takes table names alone
}

// unknownSet stands for the data of a zero Recipe: 2-D points with no
// source, so that a Recipe never built by Default or Parse still answers.
var unknownSet = data.Set{Dim: 2, Extent: 3}

// DataSpec is what data.New needs: the set's name, digits and points.
func (r Recipe) DataSpec() (name string, digits []int, points []float32) {
	return r.Data, r.Digits, r.Points
}

// MaxParams caps the total parameter count of G and D (≈ 80 MB of float32
// with Adam state): enough for the paper's MNIST nets (≈ 3.7 M), small
// enough that a mistyped size cannot exhaust a browser tab.
const MaxParams = 5_000_000

// ParamCount is the number of trainable parameters of G and D together.
func (r Recipe) ParamCount() int {
	count := func(in int, hidden []int, out int, pieces int) int {
		n := 0
		for _, h := range hidden {
			n += (in*h + h) * pieces
			in = h
		}
		return n + in*out + out
	}
	gp, dp := 1, 1
	if r.GAct == "maxout" {
		gp = r.Pieces
	}
	if r.DAct == "maxout" {
		dp = r.Pieces
	}
	return count(r.Z, r.G, r.DataDim(), gp) + count(r.DataDim()*r.Pack, r.D, 1, dp)
}
