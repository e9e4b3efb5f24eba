package ui

// plain is how the page names a recipe key for someone who has not read
// the paper: a label, a one-line explanation (shown on hover, or when the
// field is tapped), and the group of settings it belongs to. The key
// itself stays visible beside the label: the URL speaks in keys.
type plain struct {
	Label, Explain string
	Group          string
}

// Setting groups, in the order the page shows them.
const (
	groupData     = "Data"
	groupNetworks = "Networks"
	groupTraining = "Training"
	groupSampling = "Sampling"
)

var settingGroups = []string{groupData, groupNetworks, groupTraining, groupSampling}

// plainKeys covers every key the settings panel shows (a test checks that
// none is missing, so a new recipe key cannot arrive unexplained).
var plainKeys = map[string]plain{
	"seed":  {"Random seed", "Fixes the starting weights, the noise and the data drawn: the same seed gives the same run.", groupData},
	"batch": {"Batch size", "How many real and generated samples each update looks at.", groupData},
	"pack":  {"Samples per D verdict", "D judges this many samples together (PacGAN); 2 or more lets D notice when G repeats itself.", groupData},

	"z":       {"Noise size", "How many random numbers G turns into one sample.", groupNetworks},
	"prior":   {"Noise shape", "Where G's random input comes from: a bell curve (gaussian) or a flat box (uniform).", groupNetworks},
	"g":       {"G's hidden layers", "Widths of the generator's hidden layers, e.g. 128,128 for two layers of 128 units.", groupNetworks},
	"d":       {"D's hidden layers", "Widths of the discriminator's hidden layers.", groupNetworks},
	"gact":    {"G's activation", "The bend each generator unit applies to its input.", groupNetworks},
	"dact":    {"D's activation", "The bend each discriminator unit applies to its input.", groupNetworks},
	"pieces":  {"Maxout pieces", "How many straight pieces a maxout unit takes the largest of.", groupNetworks},
	"gdrop":   {"G dropout", "Chance that each generator hidden unit is switched off during an update.", groupNetworks},
	"ddrop":   {"D dropout", "Chance that each discriminator hidden unit is switched off during an update.", groupNetworks},
	"ddropin": {"D input dropout", "Chance that each input value is hidden from D during an update.", groupNetworks},
	"bias":    {"Starting biases", "zero, or kinks: each first-layer unit starts with its bend somewhere inside the data.", groupNetworks},

	"loss":    {"Loss", "How D's verdicts are scored: nonsat is the paper's practical choice, minimax its equation.", groupTraining},
	"clip":    {"WGAN weight clip", "With the wgan loss, D's weights are kept within ± this.", groupTraining},
	"opt":     {"Optimiser", "How steps are taken: adam sizes each weight's step itself; sgd is the paper's.", groupTraining},
	"lrg":     {"G learning rate", "How big a step the generator takes at each update.", groupTraining},
	"lrd":     {"D learning rate", "How big a step the discriminator takes at each update.", groupTraining},
	"mom":     {"Momentum", "How much of the last step carries into the next (Adam's β1).", groupTraining},
	"momend":  {"Final momentum", "The SGD momentum reached at the end of the ramp.", groupTraining},
	"momramp": {"Momentum ramp", "Steps over which SGD momentum grows to its final value; 0 for none.", groupTraining},
	"decay":   {"Rate decay", "Both learning rates are divided by this at every step.", groupTraining},
	"lrmin":   {"Smallest rate", "Decay never takes a learning rate below this.", groupTraining},
	"b2":      {"Adam β2", "How long Adam remembers the size of past gradients.", groupTraining},
	"k":       {"D steps per G step", "Discriminator updates before each generator update (the paper's k).", groupTraining},
	"steps":   {"Stop at step", "Training pauses at this step; 0 means no limit.", groupTraining},

	"gema":   {"Smooth G (moving average)", "Samples come from a running average of G's weights, this decay per step; 0 is off.", groupSampling},
	"gavg":   {"Average G from step", "From this step on, samples come from the plain average of G's weights; 0 is off.", groupSampling},
	"shards": {"Batch shards", "The batch is cut into this many equal parts whose gradients are added in a fixed order, so several workers (the URL key workers) can share the training and still give the same result. 1 is the whole batch at once.", groupTraining},
	"temp":   {"Sampling temperature", "Samples are G(temp·z): below 1 they are more typical and less varied. Training is unaffected.", groupSampling},
}

// plainOf is the plain wording of a key; an unknown key keeps its name.
func plainOf(key string) plain {
	if p, ok := plainKeys[key]; ok {
		return p
	}
	return plain{Label: key, Group: groupTraining}
}
