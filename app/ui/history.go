package ui

import (
	"math"

	"github.com/ganplayground/ganplayground/core/protocol"
)

// maxHistory bounds the chart series: when full, every other point goes,
// so the whole run stays visible at a coarser resolution.
const maxHistory = 600

// history is what the charts show: per-step losses and D outputs, and the
// mode metrics at each snapshot.
type history struct {
	run    int
	every  int // keep one step in every
	points []protocol.Point
	modes  []modePoint
}

type modePoint struct {
	Step       int
	Hit, Total int // Total 0: the data has no known modes
	HQ         float64
	JSD        float64 // NaN when not measured
	CG         float64 // C(G) on the grid, NaN when not measured (D* off)
}

// add folds a report into the history, starting over for a new run.
func (h *history) add(r *protocol.Report) {
	if r.Run != h.run {
		*h = history{run: r.Run, every: 1, points: h.points[:0], modes: h.modes[:0]}
	}
	if h.every == 0 {
		h.every = 1
	}
	for _, p := range r.History {
		if p.Step%h.every != 0 {
			continue
		}
		if n := len(h.points); n > 0 && h.points[n-1].Step == p.Step {
			h.points[n-1] = p // a lone D step: same G step, newer stats
			continue
		}
		h.points = append(h.points, p)
		if len(h.points) >= maxHistory {
			h.every *= 2
			h.points = thin(h.points, h.every)
		}
	}
	cg := math.NaN()
	if !r.Light && r.GridN > 0 && len(r.DStar) > 0 {
		cg = r.CG
	}
	measured := r.ModesTotal > 0 || !r.Light && !math.IsNaN(r.JSD) || !math.IsNaN(cg)
	if measured && (len(h.modes) == 0 || h.modes[len(h.modes)-1].Step != r.Step) {
		h.modes = append(h.modes, modePoint{r.Step, r.ModesHit, r.ModesTotal, r.HQ, r.JSD, cg})
		if len(h.modes) >= maxHistory {
			k := 0
			for i := 0; i < len(h.modes); i += 2 {
				h.modes[k] = h.modes[i]
				k++
			}
			h.modes = h.modes[:k]
		}
	}
}

func thin(ps []protocol.Point, every int) []protocol.Point {
	k := 0
	for _, p := range ps {
		if p.Step%every == 0 {
			ps[k] = p
			k++
		}
	}
	return ps[:k]
}
