package protocol

import "fmt"

// version is the first byte of every message.
const version = 7 // 2: slow motion (OpSlowMo, Phase) and the MNIST views; 3: JSD, OpEvaluate, model links and files (OpShare, OpOpen, OpExportG), checkpoints (OpCheckpoint, OpLoad); 4: LinkInfo.WithD; 5: OpSetSampling; 6: one OpSet (Key, Value) for every live setting; 7: OpWorkers

// Op is what a Command asks the worker to do.
type Op uint8

const (
	OpInit       Op = iota + 1 // build a fresh trainer from Recipe; start it if Play
	OpPlay                     // train continuously (until paused, done or diverged)
	OpPause                    // stop training after the current slice
	OpStepD                    // one discriminator update
	OpStepG                    // one generator update
	OpStep                     // one full iteration: K D updates, one G update
	OpSet                      // change the live setting Key (recipe.Live) to Value mid-run
	OpLayers                   // which views to compute (Layers)
	OpSnapshot                 // send a snapshot now
	OpMNIST                    // the MNIST asset (Data), as fetched by the page
	OpSlowMo                   // slow motion on (N=1) or off (N=0): see Phase
	OpEvaluate                 // MNIST: estimate quality from N samples (Report.Eval), between training slices
	OpShare                    // encode the current G as a model link: a KindLink report
	OpOpen                     // open the model link in Link (paused; N=1: a bundled gallery link, longer caps): a KindLink report, then a snapshot
	OpExportG                  // G's weights as safetensors: a KindFile report
	OpCheckpoint               // encode the trainer as a checkpoint (N: a tag echoed back): a KindCheckpoint report
	OpLoad                     // replace the run by the checkpoint in Data (N: tag), paused: a KindCheckpoint report
	OpWorkers                  // train sharded recipes on N workers (recipe.WorkersFor caps it per recipe)
	opEnd
)

var opNames = [...]string{"", "init", "play", "pause", "stepD", "stepG", "step", "set", "layers", "snapshot", "mnist", "slowmo", "evaluate", "share", "open", "exportG", "checkpoint", "load", "workers"}

func (o Op) String() string {
	if o > 0 && o < opEnd {
		return opNames[o]
	}
	return fmt.Sprintf("Op(%d)", uint8(o))
}

// Layers is a bit set of the 2-D views the page shows; the worker computes
// only those (the heat maps cost as much as a training step).
type Layers uint32

const (
	LayerReal Layers = 1 << iota
	LayerFake
	LayerD        // learned D(x) on a grid
	LayerDStar    // optimal D*(x) = p_data/(p_data+p_g), p_g by KDE
	LayerManifold // G applied to a 2-D grid in latent space
	LayerArrows   // the gradient G's loss puts on fake points
	AllLayers     = LayerReal | LayerFake | LayerD | LayerDStar | LayerManifold | LayerArrows

	// MNIST views.
	LayerInterp  // G along a line between two fixed noise vectors
	LayerNearest // a few samples, each with its nearest training image
)

// Command is one page → worker message.
type Command struct {
	Op     Op
	Recipe string  // OpInit: the recipe text (recipe.Parse syntax)
	Play   bool    // OpInit: start training at once
	Key    string  // OpSet: a live recipe key, e.g. "lrg"
	Value  float64 // OpSet: its new value
	N      int     // OpSlowMo, OpEvaluate; the tag of OpCheckpoint and OpLoad
	Layers Layers  // OpLayers
	Data   []byte  // OpMNIST: the asset's bytes; OpLoad: a checkpoint file (untrusted)
	Link   string  // OpOpen: a model link's fragment value (untrusted)
}

// AppendCommand encodes c after dst and returns the extended slice.
func AppendCommand(dst []byte, c *Command) []byte {
	w := writer{dst}
	w.u8(version)
	w.u8('C')
	w.u8(uint8(c.Op))
	w.str(c.Recipe)
	w.bool(c.Play)
	w.str(c.Key)
	w.f64(c.Value)
	w.int(c.N)
	w.u32(uint32(c.Layers))
	w.bytes(c.Data)
	w.str(c.Link)
	return w.b
}

// DecodeCommand decodes b into c, reusing c's buffers.
func DecodeCommand(b []byte, c *Command) error {
	r := reader{b: b}
	if err := header(&r, 'C'); err != nil {
		return err
	}
	c.Op = Op(r.u8())
	c.Recipe = r.str()
	c.Play = r.bool()
	c.Key = r.str()
	c.Value = r.f64()
	c.N = r.int()
	c.Layers = Layers(r.u32())
	c.Data = r.bytesInto(c.Data)
	c.Link = r.str()
	if err := r.done(); err != nil {
		return err
	}
	if c.Op == 0 || c.Op >= opEnd {
		return fmt.Errorf("%w: unknown op %d", ErrMalformed, c.Op)
	}
	return nil
}

func header(r *reader, kind byte) error {
	v, k := r.u8(), r.u8()
	if r.err != nil {
		return r.err
	}
	if v != version {
		return fmt.Errorf("%w: version %d, want %d", ErrMalformed, v, version)
	}
	if k != kind {
		return fmt.Errorf("%w: kind %q, want %q", ErrMalformed, k, kind)
	}
	return nil
}
