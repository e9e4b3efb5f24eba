package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/recipe"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Playground is the page: it owns the worker connection and the settings,
// and draws what the worker reports.
type Playground struct {
	app.Compo

	rc       recipe.Recipe // settings as edited; the URL fragment shows them
	layers   protocol.Layers
	status   string
	formErr  string // a bad fragment or setting: shown until the next good one
	drawing  []float32
	restarts int
	slow     bool // slow motion asked for
	crashed  bool // formErr holds a crash notice

	rep      protocol.Report // the latest snapshot (buffers reused)
	in       protocol.Report // the report being decoded
	shown    time.Time       // when the page last re-rendered for a report
	trailing bool            // a render is scheduled for the end of renderEvery
	budget   budget          // what to draw when (budget.go)
	hist     history
	paint    painter
	br       *bridge
	started  bool
	share    shareState // model links and downloads (playground_share.go)
	gallery  string     // the gallery model last opened (gallery.go)
	keep     keepState  // checkpoints (keep.go)

	repRecipe, repData string    // the report's recipe and its data set (reportCurrent)
	viewRun            int       // the run of the latest full report: a light one keeps older views
	savedPoints        []float32 // drawn points, kept while another data set is picked
	pageNote           string    // the page's own note for the status line, for run pageNoteRun
	pageNoteRun        int
	guideOpen          bool // the first-visit guide is shown (guide.go)
	speed              int  // steps per second; 0 = full speed (pace.go)
	pacing             bool // the page is stepping the run at speed
	paceSent           int  // the step the paced run has been asked to reach
	askFreshD          bool // Play waits for "train against a fresh D?" (freshd.go)
	freshDRun          int  // the run for which that was answered yes
}

// maxRestarts bounds crash recovery: a worker that dies at once every time
// is not restarted forever.
const maxRestarts = 5

func (p *Playground) OnMount(ctx app.Context) {
	if p.started || app.IsServer {
		return
	}
	p.started = true
	mark("gan-mounted")
	p.layers = protocol.AllLayers | protocol.LayerInterp | protocol.LayerNearest
	p.status = protocol.Idle.String()
	frag := fragmentNow()
	rc, run, err := ParseFragment(frag)
	if frag == "" {
		run = true // the default page is a demo that plays
	}
	p.rc = rc
	if err != nil {
		p.formErr = "Bad settings in the URL: " + err.Error() + ". Loaded the default demo instead."
	}
	link, hasLink := ModelLink(frag)
	p.br = newBridge(workerURL(ctx),
		func(b []byte) { ctx.Dispatch(func(ctx app.Context) { p.onReport(ctx, b) }) },
		func(msg string) { ctx.Dispatch(func(ctx app.Context) { p.onCrash(ctx, msg) }) })
	p.br.exposeKill()
	p.setWorkers(frag)
	p.br.send(&protocol.Command{Op: protocol.OpLayers, Layers: p.layers})
	p.br.send(&protocol.Command{Op: protocol.OpInit, Recipe: p.rc.String(), Play: run})
	if hasLink { // the demo above stays if the link is bad
		p.share.onLoad = true
		p.OpenLink(link)
	} else if id, ok := GalleryID(frag); ok {
		p.share.onLoad = true
		p.openGallery(id)
	}
	p.handleShare(ctx)
	p.startKeep(ctx)
	p.watchWorker(ctx)
	p.handlePageActions(ctx)

	ctx.Handle(actOp, func(ctx app.Context, a app.Action) { p.op(ctx, a.Value.(protocol.Op)) })
	ctx.Handle(actSet, func(ctx app.Context, a app.Action) {
		kv := a.Value.([2]string)
		p.set(ctx, kv[0], kv[1])
	})
	ctx.Handle(actSlowMo, func(ctx app.Context, a app.Action) {
		p.slow = !p.slow
		p.br.send(&protocol.Command{Op: protocol.OpSlowMo, N: b2i(p.slow)})
		ctx.Update()
	})
	ctx.Handle(actPreset, func(ctx app.Context, a app.Action) { p.preset(ctx, a.Value.(int)) })
	ctx.Handle(actGallery, func(ctx app.Context, a app.Action) {
		id := a.Value.(string)
		setFragment(galleryKey + "=" + id)
		p.openGallery(id)
	})
	ctx.Handle(actEvaluate, func(ctx app.Context, a app.Action) {
		p.br.send(&protocol.Command{Op: protocol.OpEvaluate, N: evalSamples(len(p.rc.Digits))})
	})
	ctx.Handle(actLayer, func(ctx app.Context, a app.Action) {
		p.layers ^= a.Value.(protocol.Layers)
		p.br.send(&protocol.Command{Op: protocol.OpLayers, Layers: p.layers})
		p.br.send(&protocol.Command{Op: protocol.OpSnapshot})
		ctx.Update()
	})
	ctx.Handle(actDraw, func(ctx app.Context, a app.Action) {
		pt := a.Value.([2]float32)
		if len(p.drawing)/2 >= recipe.MaxPoints {
			return
		}
		// Skip points closer than a dot to the last one while dragging.
		if n := len(p.drawing); n >= 2 && math.Hypot(float64(p.drawing[n-2]-pt[0]), float64(p.drawing[n-1]-pt[1])) < 0.1 {
			return
		}
		p.drawing = append(p.drawing, pt[0], pt[1])
		p.repaint()
		ctx.Update()
	})
	ctx.Handle(actDrawEnd, func(ctx app.Context, a app.Action) { p.commitDrawing(ctx) })
	ctx.Handle(actClearPoints, func(ctx app.Context, a app.Action) {
		p.drawing = nil
		p.rc.Points = nil
		p.repaint()
		ctx.Update()
	})
	listenKeys(func(key string) bool {
		switch key {
		case " ", "Spacebar":
			ctx.Dispatch(func(ctx app.Context) {
				if p.shownStatus() == protocol.Training.String() {
					p.op(ctx, protocol.OpPause)
				} else {
					p.op(ctx, protocol.OpPlay)
				}
			})
			return true
		case "ArrowRight":
			ctx.Dispatch(func(ctx app.Context) { p.op(ctx, protocol.OpStep) })
			return true
		}
		return false
	})
	onHashChange(func() {
		ctx.Dispatch(func(ctx app.Context) {
			if link, ok := ModelLink(fragmentNow()); ok {
				p.OpenLink(link)
				return
			}
			if id, ok := GalleryID(fragmentNow()); ok {
				p.openGallery(id)
				return
			}
			rc, run, err := ParseFragment(fragmentNow())
			if err != nil {
				p.formErr = "Bad settings in the URL: " + err.Error()
				return
			}
			p.formErr = ""
			p.setWorkers(fragmentNow())
			p.rc = rc
			p.drawing = nil
			p.br.send(&protocol.Command{Op: protocol.OpInit, Recipe: rc.String(), Play: run})
		})
	})
}

// op runs a transport button.
func (p *Playground) op(ctx app.Context, op protocol.Op) {
	if p.crashed {
		p.formErr, p.crashed = "", false // the user has read it and goes on
	}
	p.keep.err = "" // a checkpoint message belongs to the action that caused it
	if op != protocol.OpPlay {
		p.askFreshD = false
		p.stopPacing()
	}
	switch op {
	case opReset:
		p.pageNote = ""
		p.br.send(&protocol.Command{Op: protocol.OpInit, Recipe: p.rc.String()})
	case protocol.OpPlay:
		if p.needFreshDConfirm() {
			p.askFreshD = true
			break
		}
		p.askFreshD = false
		p.liftStepLimit(ctx)
		// Optimistic: the worker confirms within a slice.
		if p.status != protocol.Failed.String() {
			p.status = protocol.Training.String()
		}
		if p.speed > 0 {
			p.startPacing(ctx)
			break
		}
		p.br.send(&protocol.Command{Op: op})
	default:
		p.br.send(&protocol.Command{Op: op})
	}
	ctx.Update()
}

// set changes one setting: live ones go to the running trainer, the others
// restart it from the new recipe, playing if it was.
func (p *Playground) set(ctx app.Context, key, val string) {
	defer ctx.Update()
	c := p.rc
	p.keep.err = ""
	if key != "steps" {
		p.pageNote = ""
	}
	if key == "data" {
		// Drawn points belong to the data set drawn on: they leave the
		// URL with it, and come back when it is picked again.
		if !dataSet(val).NeedsPoints && len(c.Points) > 0 {
			p.savedPoints, c.Points = c.Points, nil
		} else if dataSet(val).NeedsPoints && len(c.Points) == 0 && len(p.savedPoints) > 0 {
			c.Points = p.savedPoints
		}
	}
	if key == "data" && dataSet(val).NeedsPoints && len(c.Points) == 0 {
		// Nothing drawn yet: show an empty view to draw on.
		c.Data = val
		p.rc = c
		p.drawing = nil
		p.formErr = ""
		p.stopPacing()
		p.br.send(&protocol.Command{Op: protocol.OpPause})
		p.repaint()
		return
	}
	var err error
	if key == "data" && !dataSet(val).NeedsPoints {
		// A data button: keys moved off the old data set's defaults stay,
		// the rest take the new data set's (points were handled above).
		// The drawn set has no default recipe of its own (no points).
		pts := c.Points
		c, err = c.WithData(strings.TrimSpace(val))
		c.Points = pts
	} else {
		err = c.Set(key, strings.TrimSpace(val))
	}
	if err != nil {
		p.formErr = "Setting not applied: " + err.Error()
		resetInput("set-"+key, p.rc.Get(key))
		return
	}
	p.formErr = ""
	p.rc = c
	if key == "data" || key == "points" {
		p.drawing = nil
	}
	setFragment(Fragment(c))
	if v, ok := c.Number(key); ok && recipe.Live(key) {
		p.br.send(&protocol.Command{Op: protocol.OpSet, Key: key, Value: v})
		return
	}
	p.br.send(&protocol.Command{Op: protocol.OpInit, Recipe: c.String(), Play: p.playsFullSpeed()})
}

// preset loads preset i: its recipe, in the URL too, from step 0 (playing
// if the run was).
func (p *Playground) preset(ctx app.Context, i int) {
	defer ctx.Update()
	if i < 0 || i >= len(Presets) {
		return
	}
	rc, err := recipe.Parse(Presets[i].Recipe)
	if err != nil {
		p.formErr = "Preset not applied: " + err.Error()
		return
	}
	p.rc, p.drawing, p.formErr, p.pageNote = rc, nil, "", ""
	setFragment(Fragment(rc))
	p.br.send(&protocol.Command{Op: protocol.OpInit, Recipe: rc.String(), Play: p.playsFullSpeed()})
}

// commitDrawing turns the drawn points into the custom data set.
func (p *Playground) commitDrawing(ctx app.Context) {
	pts := append(append([]float32(nil), p.rc.Points...), p.drawing...)
	if len(pts) == 0 {
		return
	}
	var b strings.Builder
	for i := 0; i+1 < len(pts) && i/2 < recipe.MaxPoints; i += 2 {
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(strconv.FormatFloat(float64(pts[i]), 'f', 3, 32) + "," + strconv.FormatFloat(float64(pts[i+1]), 'f', 3, 32))
	}
	c := p.rc
	err := c.Set("points", b.String())
	if err == nil {
		err = c.Set("data", drawnSet())
	}
	if err != nil {
		p.formErr = "Points not applied: " + err.Error()
		ctx.Update()
		return
	}
	p.rc, p.drawing, p.formErr = c, nil, ""
	setFragment(Fragment(c))
	p.br.send(&protocol.Command{Op: protocol.OpInit, Recipe: c.String(), Play: p.playsFullSpeed()})
	ctx.Update()
}

func (p *Playground) onReport(ctx app.Context, b []byte) {
	if len(b) > bigReport && !p.decodeBig(ctx, b) {
		ctx.PreventUpdate() // decoded once its buffer is ready
		return
	}
	err := protocol.DecodeReport(b, &p.in) // copies out of b
	p.br.release(b)
	if err != nil {
		p.formErr = "Bad message from the worker: " + err.Error()
		return
	}
	in := &p.in
	if in.Kind == protocol.KindLink || in.Kind == protocol.KindFile {
		p.onLinkReport(ctx, in)
		return
	}
	if in.Kind == protocol.KindCheckpoint {
		p.onCheckpoint(ctx, in)
		return
	}
	if in.Kind == protocol.KindReady {
		ctx.PreventUpdate()
		return
	}
	if in.Status == protocol.Training && p.status != protocol.Training.String() {
		mark("gan-training")
	}
	p.hist.add(in)
	// The text (status, errors, figures) changes the DOM: re-render for
	// any change of state, otherwise at most every renderEvery while
	// training — go-app's diff costs main-thread time the worker could
	// use. A page that is not training shows each report at once (a step
	// taken by hand, say). The counters, canvases and charts are drawn on
	// their own budget (drawDue).
	r := &p.rep
	// in points at p.in, which holds the previous report once a full one
	// is swapped into p.rep below: read what it says first.
	light := in.Light
	changed := in.Status != r.Status || in.Run != r.Run || in.Error != r.Error || in.Note != r.Note || in.Kind != r.Kind || in.Phase != r.Phase ||
		in.Eval.State != r.Eval.State ||
		!in.Light && (in.NearN == 0) != (r.NearN == 0) // the nearest view's caption goes with its first pairs
	if light {
		// Keep the views; take the rest.
		r.Kind, r.Light, r.Run, r.Status, r.Error, r.Note = in.Kind, true, in.Run, in.Status, in.Error, in.Note
		r.Step, r.DSteps, r.StepsPerSec, r.Params, r.Recipe = in.Step, in.DSteps, in.StepsPerSec, in.Params, in.Recipe
		r.Phase = in.Phase
		shares := append(r.Eval.Shares[:0], in.Eval.Shares...)
		r.Eval = in.Eval
		r.Eval.Shares = shares
		r.Fingerprint = in.Fingerprint // "" for big nets: shown as "—" until the full report
	} else {
		p.rep, p.in = p.in, p.rep
		p.viewRun = p.rep.Run // the views and figures now are this run's
	}
	p.status = r.Status.String()
	p.autosaveTick()
	p.budget.mark(partCounters)
	p.budget.mark(partCharts)
	if !light {
		p.budget.mark(partViews)
	}
	if !changed && r.Status == protocol.Training && time.Since(p.shown) < renderEvery {
		ctx.PreventUpdate()
		p.drawDue(ctx)
		// The last report of a burst (a step while paused) must still
		// reach the DOM: render once renderEvery has passed, unless a
		// render has happened meanwhile.
		if !p.trailing {
			p.trailing = true
			p.renderTrailing(ctx, renderEvery)
		}
		return
	}
	p.shown = time.Now()
	ctx.Defer(p.afterRender)
}

// renderEvery is how often the whole page re-renders while only figures
// change (a change of state re-renders at once): go-app rebuilds and diffs
// every component, costing main-thread time and garbage. The step and
// steps/s in the status bar are kept live in between (writeCounters).
const renderEvery = time.Second

// afterRender runs once a render has reached the DOM: the counters it
// wrote are the latest, and the canvases it may have added get drawn.
func (p *Playground) afterRender(ctx app.Context) {
	p.writeCounters()
	p.drawDue(ctx)
}

// renderTrailing renders the held report after d. If another render came
// meanwhile, the held report may have arrived after it (the opened model's
// views after its status, say): wait out that render's renderEvery and
// render then, rather than dropping it — a dropped one stays off the DOM
// until the next report, which a paused page may never get.
func (p *Playground) renderTrailing(ctx app.Context, d time.Duration) {
	ctx.After(d, func(ctx app.Context) {
		if wait := renderEvery - time.Since(p.shown); wait > 0 {
			ctx.PreventUpdate()
			p.renderTrailing(ctx, wait)
			return
		}
		p.trailing = false
		p.shown = time.Now()
		ctx.Defer(p.afterRender)
	})
}

func (p *Playground) onCrash(ctx app.Context, msg string) {
	p.status = protocol.Failed.String()
	if strings.HasSuffix(msg, "reload the page") {
		// A worker of another build (web/worker.js refuses it): a new
		// worker would be refused the same way.
		p.formErr = msg + "."
		return
	}
	if p.restarts >= maxRestarts {
		p.formErr = msg + ". It keeps failing: reload the page."
		return
	}
	p.restarts++
	p.keepCrashed()
	p.crashed = true
	p.formErr = msg + ". A new worker was started at step 0: press play to continue."
	p.rep = protocol.Report{}
	p.br.restart()
	p.br.send(&protocol.Command{Op: protocol.OpLayers, Layers: p.layers})
	p.br.send(&protocol.Command{Op: protocol.OpSlowMo, N: b2i(p.slow)})
	p.br.send(&protocol.Command{Op: protocol.OpInit, Recipe: p.rc.String()})
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// repaint draws the latest report into the canvases and the charts at
// once: for the user's own actions (drawing points, a data set picked).
// Reports go through drawDue.
func (p *Playground) repaint() {
	p.paintViews()
	p.charts()
}

// drawDue draws the parts whose gap is over (budget.go) and schedules one
// wake-up for those still waiting.
func (p *Playground) drawDue(ctx app.Context) {
	due, next := p.budget.take(time.Now())
	for i := range nParts {
		if !due[i] {
			continue
		}
		t0 := time.Now()
		switch i {
		case partCounters:
			p.writeCounters()
		case partViews:
			p.paintViews()
		case partCharts:
			p.charts()
		}
		p.budget.drew(i, t0, time.Since(t0))
	}
	if due[partViews] || due[partCharts] {
		exposeDrawn(p.budget.drawn[partViews], p.budget.drawn[partCharts])
	}
	if next > 0 && !p.budget.waking {
		p.budget.waking = true
		ctx.After(next, func(ctx app.Context) {
			ctx.PreventUpdate()
			p.budget.waking = false
			p.drawDue(ctx)
		})
	}
}

// writeCounters shows the latest step and steps/s between renders.
func (p *Playground) writeCounters() {
	setText("status-step", stepText(p.rep.Step))
	setText("status-rate", rateText(p.rep.StepsPerSec))
}

// paintViews draws the latest report's views into the picture's canvases.
func (p *Playground) paintViews() {
	r := &p.rep
	if p.rc.DataDim() != 2 {
		p.paint.samples(canvasByID("samples"), r)
		if p.layers&protocol.LayerInterp != 0 {
			p.paint.tiles(canvasByID("interp"), r.Interp, r.InterpN, r.InterpN)
		}
		if p.layers&protocol.LayerNearest != 0 {
			p.paint.nearest(canvasByID("nearest"), r)
		}
		return
	}
	var heatOf []float32
	if p.layers&protocol.LayerD != 0 {
		heatOf = r.D
	}
	drawn := p.drawing
	if p.rc.DataSet().NeedsPoints {
		drawn = append(append([]float32(nil), p.rc.Points...), p.drawing...)
	}
	if p.rc.DataSet().NeedsPoints && len(p.rc.Points) == 0 {
		// Nothing trained yet: an empty canvas with the drawn points.
		empty := protocol.Report{Extent: p.rc.DataSet().Extent}
		p.paint.view(canvasByID("view"), &empty, 0, nil, drawn)
		return
	}
	p.paint.view(canvasByID("view"), r, p.layers, heatOf, drawn)
	if p.layers&protocol.LayerDStar != 0 {
		p.paint.view(canvasByID("dstar"), r, p.layers&(protocol.LayerReal|protocol.LayerFake), r.DStar, nil)
	}
}
