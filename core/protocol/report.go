package protocol

import "fmt"

// Kind says what a Report is.
type Kind uint8

const (
	KindReady      Kind = iota + 1 // the worker's Go program is running and listening
	KindSnapshot                   // state, metrics and views
	KindError                      // a command failed (bad recipe, missing asset); Error says why
	KindLink                       // the answer to OpShare or OpOpen: Link (Error when it failed)
	KindFile                       // a file for the user to download: FileName, File
	KindCheckpoint                 // the answer to OpCheckpoint or OpLoad: Checkpoint (Error when it failed)
	kindEnd
)

// Status of the trainer, as the page shows it (data-test="status").
type Status uint8

const (
	Idle Status = iota
	Training
	Paused
	Failed // diverged or could not start: see Report.Error
)

var statusNames = [...]string{"idle", "training", "paused", "error"}

func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("Status(%d)", uint8(s))
}

// Phase says which update slow motion has just made (Report.Phase).
type Phase uint8

const (
	PhaseNone Phase = iota // not in slow motion
	PhaseD                 // a discriminator update
	PhaseG                 // a generator update (the end of an iteration)
)

var phaseNames = [...]string{"", "D update", "G update"}

func (p Phase) String() string {
	if int(p) < len(phaseNames) {
		return phaseNames[p]
	}
	return fmt.Sprintf("Phase(%d)", uint8(p))
}

// Point is one row of the metric history.
type Point struct {
	Step         int
	DLoss, GLoss float64
	DReal, DFake float64
}

// Report is one worker → page message. A snapshot carries the views the
// page asked for (Layers); empty arrays mean "not computed".
type Report struct {
	Kind        Kind
	Light       bool // no views in this one (a quick answer to a command): keep the last ones
	Run         int  // incremented by every OpInit: history from an older run is stale
	Status      Status
	Error       string
	Note        string // informational ("stopped at steps=200")
	Step        int
	DSteps      int
	StepsPerSec float64
	Fingerprint string // empty while training large nets (hashing costs time)
	Params      int
	Recipe      string  // the recipe in force, canonical (lr and k follow live changes)
	Workers     int     // workers training the run (more than 1 only for recipes with shards > 1)
	ExchangeMS  float64 // with Workers > 1: ms per step the training worker spends exchanging gradients (core/team)
	History     []Point // new points since the previous snapshot

	// 2-D views. The square [-Extent, Extent]² is shown; grids are
	// row-major, row 0 at the top (y = +Extent), cell centres.
	Extent   float32
	Real     []float32 // n×2
	Fake     []float32 // n×2
	Arrows   []float32 // per fake point: the step direction G's loss gives it (dx, dy)
	GridN    int
	D        []float32 // GridN² of D(x) ∈ (0, 1)
	DStar    []float32 // GridN² of D*(x)
	CG       float64   // C(G) estimated on the grid; its minimum is −log 4
	ManN     int
	Manifold []float32 // ManN²×2: G(z) for z on a ManN×ManN grid of (z0, z1)

	// Mode coverage of Fake, for the mixture data sets.
	ModesHit, ModesTotal int
	HQ, ModeKL           float64

	// MNIST: ImgN images of 28×28 from fixed noise, pixels 0–255.
	ImgN   int
	Images []byte

	// Slow motion: the update just made (the worker waits after each one).
	Phase Phase

	// MNIST views, 28×28 images with pixels 0–255, when asked for:
	// InterpN images of G along a line in noise space (LayerInterp), and
	// NearN pairs of a sample and its nearest training image (LayerNearest),
	// sample first.
	InterpN int
	Interp  []byte
	NearN   int
	Near    []byte

	// JSD of Fake against p_data on the JSD grid (2-D data), NaN if not
	// computed.
	JSD float64

	// The MNIST evaluation asked for by OpEvaluate: its progress (0–1)
	// while it runs, then its result (see Eval).
	Eval Eval

	// KindLink and KindFile only.
	Link     LinkInfo
	FileName string
	File     []byte

	// KindCheckpoint only.
	Checkpoint CheckpointInfo
}

// EvalState says where an OpEvaluate job is.
type EvalState uint8

const (
	EvalNone    EvalState = iota // never asked for in this run
	EvalRunning                  // Progress is the fraction done
	EvalDone                     // the figures below are filled
	EvalFailed                   // Error says why
)

// Eval is the in-page MNIST quality estimate: the paper's Parzen window on
// a small held-out set, and the classifier's view of the samples.
type Eval struct {
	State    EvalState
	Progress float64
	Step     int    // the generator step evaluated
	Error    string // EvalFailed: why
	Samples  int    // generated samples
	Tests    int    // held-out images scored
	ParzenLL float64
	ParzenSE float64
	Sigma    float64
	FD       float64   // Fréchet distance in the classifier's feature space
	Shares   []float32 // share of each digit 0–9 among the samples
}

// AppendReport encodes r after dst.
func AppendReport(dst []byte, r *Report) []byte {
	w := writer{dst}
	w.u8(version)
	w.u8('R')
	w.u8(uint8(r.Kind))
	w.bool(r.Light)
	w.int(r.Run)
	w.u8(uint8(r.Status))
	w.str(r.Error)
	w.str(r.Note)
	w.int(r.Step)
	w.int(r.DSteps)
	w.f64(r.StepsPerSec)
	w.str(r.Fingerprint)
	w.int(r.Params)
	w.str(r.Recipe)
	w.int(r.Workers)
	w.f64(r.ExchangeMS)
	w.u32(uint32(len(r.History)))
	for _, p := range r.History {
		w.int(p.Step)
		w.f64(p.DLoss)
		w.f64(p.GLoss)
		w.f64(p.DReal)
		w.f64(p.DFake)
	}
	w.f64(float64(r.Extent))
	w.f32s(r.Real)
	w.f32s(r.Fake)
	w.f32s(r.Arrows)
	w.int(r.GridN)
	w.f32s(r.D)
	w.f32s(r.DStar)
	w.f64(r.CG)
	w.int(r.ManN)
	w.f32s(r.Manifold)
	w.int(r.ModesHit)
	w.int(r.ModesTotal)
	w.f64(r.HQ)
	w.f64(r.ModeKL)
	w.int(r.ImgN)
	w.bytes(r.Images)
	w.u8(uint8(r.Phase))
	w.int(r.InterpN)
	w.bytes(r.Interp)
	w.int(r.NearN)
	w.bytes(r.Near)
	w.f64(r.JSD)
	e := &r.Eval
	w.u8(uint8(e.State))
	w.f64(e.Progress)
	w.int(e.Step)
	w.str(e.Error)
	w.int(e.Samples)
	w.int(e.Tests)
	w.f64(e.ParzenLL)
	w.f64(e.ParzenSE)
	w.f64(e.Sigma)
	w.f64(e.FD)
	w.f32s(e.Shares)
	r.Link.append(&w)
	w.str(r.FileName)
	w.bytes(r.File)
	r.Checkpoint.append(&w)
	return w.b
}

// DecodeReport decodes b into r, reusing r's slices.
func DecodeReport(b []byte, r *Report) error {
	rd := reader{b: b}
	if err := header(&rd, 'R'); err != nil {
		return err
	}
	r.Kind = Kind(rd.u8())
	r.Light = rd.bool()
	r.Run = rd.int()
	r.Status = Status(rd.u8())
	r.Error = rd.str()
	r.Note = rd.str()
	r.Step = rd.int()
	r.DSteps = rd.int()
	r.StepsPerSec = rd.f64()
	r.Fingerprint = rd.str()
	r.Params = rd.int()
	r.Recipe = rd.str()
	r.Workers = rd.int()
	r.ExchangeMS = rd.f64()
	n := rd.length()
	if n > len(b)/40 { // each point takes 40 bytes: a lie here is corruption
		n = 0
		rd.fail("history")
	}
	r.History = r.History[:0]
	for i := 0; i < n; i++ {
		r.History = append(r.History, Point{Step: rd.int(), DLoss: rd.f64(), GLoss: rd.f64(), DReal: rd.f64(), DFake: rd.f64()})
	}
	r.Extent = float32(rd.f64())
	r.Real = rd.f32sInto(r.Real)
	r.Fake = rd.f32sInto(r.Fake)
	r.Arrows = rd.f32sInto(r.Arrows)
	r.GridN = rd.int()
	r.D = rd.f32sInto(r.D)
	r.DStar = rd.f32sInto(r.DStar)
	r.CG = rd.f64()
	r.ManN = rd.int()
	r.Manifold = rd.f32sInto(r.Manifold)
	r.ModesHit = rd.int()
	r.ModesTotal = rd.int()
	r.HQ = rd.f64()
	r.ModeKL = rd.f64()
	r.ImgN = rd.int()
	r.Images = rd.bytesInto(r.Images)
	r.Phase = Phase(rd.u8())
	r.InterpN = rd.int()
	r.Interp = rd.bytesInto(r.Interp)
	r.NearN = rd.int()
	r.Near = rd.bytesInto(r.Near)
	r.JSD = rd.f64()
	e := &r.Eval
	e.State = EvalState(rd.u8())
	e.Progress = rd.f64()
	e.Step = rd.int()
	e.Error = rd.str()
	e.Samples = rd.int()
	e.Tests = rd.int()
	e.ParzenLL = rd.f64()
	e.ParzenSE = rd.f64()
	e.Sigma = rd.f64()
	e.FD = rd.f64()
	e.Shares = rd.f32sInto(e.Shares)
	r.Link.decode(&rd)
	r.FileName = rd.str()
	r.File = rd.bytesInto(r.File)
	r.Checkpoint.decode(&rd)
	if err := rd.done(); err != nil {
		return err
	}
	if r.Kind == 0 || r.Kind >= kindEnd || r.Status > Failed {
		return fmt.Errorf("%w: kind %d status %d", ErrMalformed, r.Kind, r.Status)
	}
	if len(r.D) != 0 && len(r.D) != r.GridN*r.GridN || len(r.DStar) != 0 && len(r.DStar) != r.GridN*r.GridN ||
		len(r.Manifold) != 0 && len(r.Manifold) != 2*r.ManN*r.ManN || len(r.Images) != r.ImgN*784 ||
		len(r.Interp) != r.InterpN*784 || len(r.Near) != 2*r.NearN*784 || r.Phase > PhaseG ||
		r.Eval.State > EvalFailed || len(r.Eval.Shares) != 0 && len(r.Eval.Shares) != 10 {
		return fmt.Errorf("%w: array sizes disagree with their dimensions", ErrMalformed)
	}
	return nil
}
