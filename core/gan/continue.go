package gan

// ContinueAt sets a trainer whose weights were restored without their
// optimiser state (a model link that carries both networks) to step:
// the step and D-update counters, and both optimisers' schedules, as the
// run that made the weights had them. Training on then starts at the
// decayed rates the run had reached — a trained G shared with its D stays
// put — where restarting at step 0's rates would shake it apart. The
// moments and the random stream start afresh, so the run does not continue
// bit for bit; a checkpoint (core/checkpoint) does.
func (t *Trainer) ContinueAt(step int) {
	dsteps := step * t.Recipe.K
	t.OptG.Skip(step - t.OptG.T)
	t.OptD.Skip(dsteps - t.OptD.T)
	t.Step, t.DSteps = step, dsteps
}
