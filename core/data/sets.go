package data

import "fmt"

// Set describes one data set: everything the rest of the tree needs to
// know about it, so that nothing else compares data-set names. (TF
// Playground keeps such a table too.) The recipe key "data" names a row.
type Set struct {
	Name string
	Dim  int // dimension of one sample
	// Extent is the half-width of the square [-Extent, Extent]² the views
	// show (2-D sets; 0 for images).
	Extent float32
	// Modes says whether the set is a mixture of separate modes that
	// samples can be counted against (mode coverage, high-quality share);
	// continuous sets are judged by the JSD alone.
	Modes bool
	// OutAct is G's output activation: "sigmoid" for pixels in [0, 1],
	// "" (linear) for points.
	OutAct string
	// Asset is the file the set's samples come from ("" when they are
	// computed): what a worker must fetch before it can train.
	Asset string
	// NeedsPoints: the user draws the set (recipe key points).
	NeedsPoints bool
	// NeedsDigits: the set is a subset of classes (recipe key digits).
	NeedsDigits bool
	// Recipe holds the keys of the set's one-click recipe, over the
	// recipe table's defaults ("key=value&…"): what a new run on the set
	// starts from (recipe.DataDefault, recipe.ParseNew), keys the user
	// sets staying set. Stored recipes (checkpoints, links) never read
	// it. Why each is what it is: core/recipe/data.go.
	Recipe string

	source func(spec Spec, mnist *MNIST) (Source, error)
}

// MNISTAsset is the file the MNIST training images travel in (written by
// `app mnist-assets`, read by DecodeAsset).
const MNISTAsset = "mnist-train.bin"

// Sets is the table, in the order the page offers them.
var Sets = []Set{
	{Name: "ring8", Dim: 2, Extent: 3, Modes: true,
		Recipe: "prior=uniform&g=64,64,64&d=64,64&lrg=0.005&lrd=0.005&decay=1.0007&k=2&gema=0.99&steps=3000",
		source: func(Spec, *MNIST) (Source, error) { return Ring8(), nil }},
	{Name: "grid25", Dim: 2, Extent: 6, Modes: true,
		Recipe: "prior=uniform&g=64,64,64,64&d=64,64&b2=0.99&pack=1&bias=kinks&k=2&batch=128&decay=1.0002&gema=0.99&steps=10000",
		source: func(Spec, *MNIST) (Source, error) { return Grid25(), nil }},
	{Name: "spiral", Dim: 2, Extent: 5,
		Recipe: "prior=uniform&pack=1&bias=kinks&k=2&batch=128&decay=1.001&gema=0.99&steps=3000",
		source: func(Spec, *MNIST) (Source, error) { return Spiral{}, nil }},
	{Name: "moons", Dim: 2, Extent: 4, // x spans ±3 before noise (σ 0.1): 3.5 left the tips on the edge
		Recipe: "prior=uniform&pack=1&bias=kinks&decay=1.001&gema=0.99&steps=1000",
		source: func(Spec, *MNIST) (Source, error) { return Moons{}, nil }},
	{Name: "custom", Dim: 2, Extent: 5, Modes: true, NeedsPoints: true, // a Gaussian around each drawn point
		Recipe: "prior=uniform&g=64,64,64&d=64,64&lrg=0.005&lrd=0.005&decay=1.001&gema=0.99&steps=3000",
		source: func(s Spec, _ *MNIST) (Source, error) {
			_, _, points := s.DataSpec()
			return Custom(points), nil
		}},
	{Name: "mnist", Dim: Pixels, OutAct: "sigmoid", Asset: MNISTAsset, NeedsDigits: true,
		Recipe: "batch=32&z=100&g=128,192&d=320,128&gact=leaky&ddrop=0.3&lrg=0.002&lrd=0.003&decay=1.00015&pack=2&gema=0.999&steps=10000",
		source: func(s Spec, mnist *MNIST) (Source, error) {
			if mnist == nil {
				return nil, fmt.Errorf("data: MNIST is not loaded")
			}
			_, digits, _ := s.DataSpec()
			return mnist.Subset(digits)
		}},
}

// Lookup returns the row of the named set, or nil.
func Lookup(name string) *Set {
	for i := range Sets {
		if Sets[i].Name == name {
			return &Sets[i]
		}
	}
	return nil
}

// Names lists the sets' names in table order.
func Names() []string {
	out := make([]string, len(Sets))
	for i, s := range Sets {
		out[i] = s.Name
	}
	return out
}

// Image reports whether the set's samples are images (not 2-D points).
func (s *Set) Image() bool { return s.Dim != 2 }
