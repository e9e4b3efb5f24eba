package recipe

import (
	"github.com/ganplayground/ganplayground/core/data"
	"net/url"
	"strings"
)

// A data set's default recipe: the keys its one-click run sets on top of
// the table's defaults (keys.go, which are the ring8 demo of format 1 and
// stay what they are, so that stored recipes keep their meaning). The keys
// live in the data-set table (core/data.Sets, column Recipe);
// docs/time-to-learn.md tabulates steps to target.
//
// Where defaults apply: ParseNew (a new run's recipe: the CLI's train
// without -from, the page's address) starts from the named data set's
// default; Parse (stored recipes: checkpoints, model links, gallery files,
// the worker's messages, which carry complete recipes) does not. A key the
// text sets is always what the text says.
//
// Why each default is what it is, measured with core/learn/ttl (scored as
// eval scores):
//
// ring8. Tuned on seeds 21 and 22 (steps to "8/8 modes, hq ≥ 0.95").
// The table's own recipe (G 128×3, D 128×2, Adam 0.002 ÷1.0004 per
// step) jitters: hq 0.31–0.76 between steps 900 and 2,000, 0.90 by
// 2,700. Drawing samples from a short moving average of G (gema=0.99,
// ≈ 100 steps) removes the jitter, which lets the rate start higher
// (0.005); nets of 64 units learn about as fast per step at a quarter
// of the cost, and a uniform prior adds a little. With one D step per
// G step that run still stalls short of the target (seed 21: hq 0.928
// at 3,000 steps; seed 22: 0.834): the missing samples lie where G's
// sectors of the noise plane meet, bridges a continuous G must draw
// between modes, and they only thin out as fast as D's gradient shows
// them up. Two D steps per G step (k=2) is what does it: hq 0.86 by
// step 1,000 instead of 0.73 and 0.19, and the target at 2,400 steps on
// both seeds with the rate divided by 1.0007 per step (÷1.001: 2,400
// and 2,700; ÷1.0005: 2,600; ÷1.0015: hq 0.894 at 3,000). It costs
// 1.42× the matrix work of a k=1 step (37 against 26 MFLOP;
// gan.StepFLOPs). Tried and worse, all with seed 21 at 3,000 steps:
// temperatures 0.7–1.1 (eval's samples from the k=1 run: 0.898–0.928,
// 1 best), batch=512 (0.927), lrd=0.01 (0.929; with k=2 0.907),
// loss=lsgan (0.922), loss=hinge (0.916), gact=leaky (0.830), Adam
// β1=0 (0.914; with k=2 0.892), k=3 (0.944), and the cheaper k=2 runs:
// batch=128 (0.888, seed 22 0.928), batch=192 (0.920), D 32×2
// (0.772), G 48×3 (0.946); a fourth G layer (0.943; with k=2 0.946),
// a Gaussian prior with k=2 (0.920). Earlier, on seed 21: ÷1.002
// (0.77 at 3,000), gema=0.995 (0.26 at 1,500), bias=kinks (0.34 at
// 1,900), z=3 (0.83) and z=4 (0.90 at 3,000).
//
// grid25. Tuned on seeds 21, 22 and 23 (steps to "25/25 modes, hq ≥
// 0.90"). The gallery's recipe (the grid25 preset; why it needs
// bias=kinks and a slow decay is noted there) needs 10,000 steps (hq
// 0.900 and 0.905 on seeds 7 and 1234, 0.835 on seed 1). Its G
// average alone (gema=0.99) meets the target at 5,300 steps on seed
// 21 but stalls on seed 22 (hq 0.70 at 7,500): the grid forms slowly
// there (0.27 at 2,500). Two D steps per G step (k=2), on half the
// batch (128) so that a step costs no more, form it twice as fast
// (seed 22: 0.58 at 2,500), and the rate divided by 1.0002 per step
// instead of 1.0003 keeps it moving (seed 22: 0.81 at 4,000 against
// 0.75). With the table's nets (G 128×3, D 128×2: 102 MFLOP a step,
// gan.StepFLOPs) that recipe met the target at 6,700 steps on seed 22
// and at 9,850, 7,800 and 6,850 on seeds 1, 2, 3.
//
// Smaller nets cost less a step but tend to lose modes: how many of
// the 25 G covers is settled by about step 2,000, and a mode lost then
// seldom came back. G of four layers of 64 units and D of two
// (g=64,64,64,64&d=64,64: 31 MFLOP a step, about a third of the time)
// met the target at 4,200 steps on seed 21 but kept only 22 and 23
// modes on seeds 22 and 23 (hq 0.896 at 10,000 steps, 0.871 at
// 11,000). Adam's second-moment average over about 100 steps instead
// of 1,000 (b2=0.99) is what kept them: all 25 modes by step 2,000 on
// seeds 21, 22 and 23, and the target at 5,600 and 7,750 steps on 21
// and 22 (seed 23: hq 0.874 at 10,000, still rising). On the table's
// seeds 1, 2, 3 it meets the target at 8,100, 5,900 and 9,450 steps,
// hence the limit of 10,000; 0.29×, 0.26× and 0.48× the work to target
// of the table's nets (0.35× their native time per step, timed one
// after the other). Tried and worse (modes and hq; k=2, batch 128,
// ÷1.0002 unless said). G 64×3 and D 64×2 (26 MFLOP) with the rate
// 0.002 (seed 21: 25/25 but hq 0.848 at 15,000 steps), 0.005 (23/25)
// or ÷1.0001 (seed 22: 23/25, hq 0.93 at 14,000; seed 23 met at
// 10,050). G 128×3 with D 64×2 (58 MFLOP; seed 21: 20/25) or D 96×2
// (76 MFLOP, gema=0.995; seed 22: 16/25). G 96×3 and D 96×2 (58
// MFLOP, gema=0.995; seed 23 met at 6,600, seed 22 24/25). The
// table's nets with batch=64 (51 MFLOP; seed 22: 24/25). G 64×4 with
// β2 0.999 and: lrg=lrd=0.003 (seed 21: 24/25), lrd=0.004 (seed 22:
// 20/25), k=3 (41 MFLOP; seed 22: 20/25), Adam β1=0 (seed 22: 20/25
// at 4,000), pack=2 (24 MFLOP; seed 22: hq 0.24 at 5,000), D 96×2 (50
// MFLOP; seed 22: 25/25 but hq 0.854 at 12,000; with ÷1.0001 seed 23
// 20/25; with lrg=0.003 seed 22 19/25), D 128×2 (76 MFLOP; seed 22:
// 20/25). A longer G average changes no training step, only what is
// sampled: gema=0.995 with the table's nets met seed 22's target at
// 6,900 steps (0.99: 6,700); with G 64×4 and D 96×2, 0.998 lagged (hq
// 0.64 against 0.66 at 5,000).
// The ring's recipe never learns the grid (21/25 modes, hq 0.07).
//
// spiral and moons, tuned on seed 21: with the table's recipe the
// spiral stays a smear (jsd 0.42 at 2,000 steps); a curve that winds
// around the origin needs first-layer kinks away from the origin
// (bias=kinks), and one sample per D input (pack=1) and a uniform
// prior: 0.084 at 2,000; the moving average then takes it to 0.065
// at 3,000. The same recipe learns the moons at once (jsd 0.038 at
// 500 steps on seed 21; 650, 650 and 550 steps on seeds 1, 2, 3), so
// their step limit is 1,000. The spiral with it missed on seed 1
// (jsd 0.053 at 5,000 steps). What the ring and the grid gained from
// two D steps per G step on half the batch (k=2&batch=128, 0.75× the
// matrix work of a step, about the same time) the spiral gains most: jsd ≤ 0.05 at 700
// and 1,000 steps on seeds 21 and 22 (before: 0.137 at 1,200 on seed
// 21), so its step limit is 3,000.
//
// custom: the ring's recipe before k=2 (its points are the user's
// drawing, which no target scores; one D step per G step keeps it the
// cheaper run).
//
// mnist. Tuned on seed 21; D's rate on seed 3, the nets' widths on seeds 4
// and 6 (core/learn's MNIST target, scored by `go run ./core/learn/ttl
// -recipe "data=mnist&…" -every 500 -through`: every digit at least half
// its share of eval's samples and the classifier's Fréchet distance at
// most 10, at the step limit). The gallery's recipe (mnist-all: G 256,512,
// D 512,256, SGD 0.1 with momentum ramped over 20,000 steps, gema=0.999)
// scored Fréchet distance 3.1 at 16,000 steps, but its step is 725 MFLOP
// (gan.StepFLOPs): about an hour in the page. This recipe's step is 154
// MFLOP, 0.21× that: narrower nets (G 128,192, D 320,128; first G 128,256
// and D 256,128, 148 MFLOP, below), half the batch (32), Adam with β1 0.5
// and no momentum ramp. Pairs of samples per D input (pack=2) keep the
// digits spread: with batch 64 the smallest digit's share of the unpacked
// run stayed at 1.4–2.0% of the samples from step 500 to 2,500, the packed
// run's was 1.4–5.3%. Batch 32 learns about as fast per step as 64
// (Fréchet distance 24.7 against 24.1 at 1,750 steps) at half the work;
// batch 16 is slower per unit of work (11.2 at 16,000 steps).
//
// The rate, its decay and the average were chosen together, all at 9,000
// steps on seed 21: Adam 0.001 with an average over ~100 steps
// (gema=0.99), the recipe before, 13.8 at 7,000 steps; Adam 0.002, 15.3
// at 5,000; Adam 0.002 with an average over ~1,000 steps (gema=0.999),
// 10.3 at 9,000 (13.8 at 5,000), and with the rate divided by 1.00015 a
// step (to a quarter by step 9,000), 9.45. Tried and no better at 9,000
// steps: 0.003 with ÷1.0002 a step (10.3), 0.003 without decay (13.8 at
// 8,000), lrg 0.003 against lrd 0.002 (10.3), z=32 (10.4), input dropout
// 0.2 on D (11.6), Adam β2 0.99 (12.4), D dropout 0.5 (18.2 at 5,000),
// least squares loss (18.0 at 6,500), G 256,512 (17.4 at 5,500; 1.5× the step),
// and a plain average of G from step 5,000 or 6,000 after gema=0.99 (10.0,
// and on seed 1 one digit fell under its share). The long average draws
// blurred digits for the first ~1,500 steps (Fréchet distance 106 at
// 1,000 and 33 at 2,000, against 27 and 25 with gema=0.99); by the step
// limit it is what gets the distance down to 10. Those nets (G 128,256,
// D 256,128) with both rates 0.002 read 8.96, 8.62, 10.36, 9.63 and
// 9.08 on seeds 1 to 5 at the limit, 10,000 steps: seed 3 missed.
//
// D's rate 1.5× G's (lrd=0.003, both divided alike) is what got seed 3
// under: 8.62 at the limit, the target met at 7,000 steps (every 1,000),
// where lrd=0.004 read 8.97, a uniform prior 9.63 and both changes
// 9.49. Seeds 1 to 8 and 21 then read 9.08, 8.72, 8.62, 9.74, 9.13,
// 9.75, 8.52, 8.07 and 8.21 at the limit: every one under 10, but 4 and
// 6 by a quarter. What helped them was D's width, not G's: at about the
// same work per step, G 128,448 with D 128,128 (150 MFLOP) read 12.14
// and 11.41 on seeds 4 and 6, G 128,192 with D 320,128 (154 MFLOP, yet
// in the page as fast a step as G 128,256 with D 256,128: the kernels
// skip zero inputs, most of a real digit) 8.12 and 9.00, and G 128,128
// with D 384,128 (161 MFLOP) 9.62 and 9.46 (10.18 at 8,000 steps on
// seed 4). With G 128,192 and D 320,128, seeds 1 to 12 and 21 read
// 7.48–9.91 at the limit (9 to 12 first trained with it).
// docs/time-to-learn.md has the tables.
//
// DataDefault is the recipe text of a data set's one-click run
// ("data=grid25&prior=uniform&…"), or "" for an unknown data set.
func DataDefault(name string) string {
	set := data.Lookup(name)
	if set == nil {
		return ""
	}
	extra, data := set.Recipe, name
	if extra == "" {
		return "data=" + data
	}
	return "data=" + data + "&" + extra
}

// ForData is a data set's one-click recipe. An unknown data set gives the
// table's defaults and an error naming the key; custom data gives its
// recipe with the error that it needs points.
func ForData(data string) (Recipe, error) {
	r, err := base(data)
	if err != nil {
		return r, err
	}
	return r, r.Check()
}

// base is a data set's default before the checks between keys (custom
// data is only complete with the text's points).
func base(data string) (Recipe, error) {
	text := DataDefault(data)
	if text == "" {
		return Default(), &Error{Key: "data", Msg: "unknown data set " + data}
	}
	return setKeys(Default(), text)
}

// ParseNew reads the recipe of a new run: the data set it names (ring8 if
// none) starts from that data set's default recipe, and every key the
// text sets is applied over it. ParseNew(r.Compact()) == r.
func ParseNew(s string) (Recipe, error) {
	data := lookup("data").def
	for _, part := range Parts(s) {
		if part.Key == "data" && part.HasValue {
			data = part.Value
			if u, err := url.QueryUnescape(data); err == nil {
				data = u
			}
		}
	}
	b, err := base(data)
	if err != nil {
		// Parse names the bad value the way it names every other.
		return Parse(s)
	}
	return parseOnto(b, s)
}

// Compact encodes r for ParseNew: data, then the keys that differ from
// its data set's default recipe, in table order — the shortest link to a
// run (the page's address). Parse needs String instead.
func (r Recipe) Compact() string {
	def, err := base(r.Data)
	if err != nil {
		return r.String()
	}
	parts := []string{"data=" + r.Data}
	for _, k := range keys {
		if k.name == "data" {
			continue
		}
		if v := k.get(&r); v != k.get(&def) {
			parts = append(parts, k.name+"="+v)
		}
	}
	if r.Data == lookup("data").def { // the default data set goes unsaid
		parts = parts[1:]
	}
	return strings.Join(parts, "&")
}

// WithData switches r to another data set the way the page's data buttons
// do: keys r sets away from its own data set's default stay set (digits
// and points too, so a drawing or a choice of digits survives a visit to
// another data set), the rest take the new data set's defaults.
func (r Recipe) WithData(data string) (Recipe, error) {
	if _, err := base(data); err != nil {
		return r, err
	}
	var keep []string
	for _, part := range Parts(r.Compact()) {
		if part.Key != "data" {
			keep = append(keep, part.Key+"="+part.Value)
		}
	}
	return ParseNew(strings.Join(append([]string{"data=" + data}, keep...), "&"))
}
