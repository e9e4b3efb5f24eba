package optim

// maxSkip bounds Skip's replay of the decay: past it the rate is long at
// its floor for any decay a recipe allows, and an untrusted step count (a
// model link's) cannot make Skip spin.
const maxSkip = 100_000_000

// Skip moves the schedules — learning-rate decay and the momentum ramp —
// n updates ahead without touching the weights or the moments: for a model
// whose weights were restored without its optimiser state (a model link),
// so that training on uses the rates the run had reached rather than
// restarting at the initial, largest one. The moments stay as they are
// (zero after New), with Adam's bias correction starting afresh to match.
// The decay is replayed as the same product Update keeps, so a skipped
// optimiser's rate equals a run's at that step bit for bit.
func (o *Optimizer) Skip(n int) {
	if n <= 0 {
		return
	}
	o.T += n
	if o.Cfg.Decay <= 1 {
		return
	}
	for i := 0; i < min(n, maxSkip); i++ {
		if o.Cfg.LR*o.Scale < o.Cfg.LRMin {
			break // at the floor: LR() no longer changes
		}
		o.Scale /= o.Cfg.Decay
	}
}
