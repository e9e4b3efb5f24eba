package gan

// ContinueAt sets a trainer whose weights were restored without their
// optimiser state (a model link that carries both networks) to step:
// the step and D-update counters, and both optimisers' schedules, as the
// run that made the weights had them, so training on runs at the rates and
// momentum the run had reached rather than step 0's. What keeps a shared
// model in place is its own D, though, not the rates: on the gallery's
// ring8, a G opened with a fresh D collapsed to 1/8 modes within 10 steps
// with or without continued rates, while G with its D kept 8/8
// (core/share/trainon_test.go). The moments and the random stream start
// afresh, so the run does not continue bit for bit; a checkpoint
// (core/checkpoint) does.
func (t *Trainer) ContinueAt(step int) {
	dsteps := step * t.Recipe.K
	t.OptG.Skip(step - t.OptG.T)
	t.OptD.Skip(dsteps - t.OptD.T)
	t.Step, t.DSteps = step, dsteps
}
