package gan

import "fmt"

// stepDShards is StepD on the sharded path: the same draws from the one
// stream in the same order (data, noise, G's masks, D's masks over real
// then fake rows), the shards' gradients summed, the same update.
func (t *Trainer) stepDShards() error {
	m, np := t.Recipe.Batch, t.Recipe.Batch/t.Recipe.Pack
	if err := t.startShards(true); err != nil {
		return err
	}
	t.Data.Sample(t.RNG, t.both[:m*t.dim], m)
	t.SampleNoise(t.z, m)
	t.G.DrawMasks(m)
	t.D.DrawMasks(2 * np)
	if err := t.runShards(shardD, t.D); err != nil {
		return err
	}
	t.OptD.Update()
	if t.Recipe.Loss == "wgan" {
		t.clipD()
	}
	t.DSteps++
	st := t.sh.stats[0]
	dl := st[statLoss]
	t.Stats.DLoss = dl
	t.Stats.DReal, t.Stats.DFake = st[statReal]/float64(np), st[statFake]/float64(np)
	if !finite(dl) {
		return fmt.Errorf("%w: discriminator loss is %v at step %d", ErrDiverged, dl, t.Step)
	}
	if err := t.OptD.Err(); err != nil {
		return fmt.Errorf("%w: D's %v at step %d", ErrDiverged, err, t.Step)
	}
	return nil
}

// stepGShards is StepG on the sharded path.
func (t *Trainer) stepGShards() error {
	m, np := t.Recipe.Batch, t.Recipe.Batch/t.Recipe.Pack
	if err := t.startShards(false); err != nil {
		return err
	}
	t.SampleNoise(t.z, m)
	t.G.DrawMasks(m)
	t.D.DrawMasks(np)
	if err := t.runShards(shardG, t.G); err != nil {
		return err
	}
	t.OptG.Update()
	t.updateAverage()
	t.Step++
	t.iterD = 0
	st := t.sh.stats[0]
	gl := st[statLoss]
	t.Stats.GLoss = gl
	t.Stats.DFake = st[statFake] / float64(np)
	if !finite(gl) {
		return fmt.Errorf("%w: generator loss is %v at step %d", ErrDiverged, gl, t.Step)
	}
	if err := t.OptG.Err(); err != nil {
		return fmt.Errorf("%w: G's %v at step %d", ErrDiverged, err, t.Step)
	}
	return nil
}

// startShards tells the other replicas, if any, which update comes.
func (t *Trainer) startShards(d bool) error {
	if sh := t.shardState(); sh.ex != nil {
		return sh.ex.Start(t, d)
	}
	return nil
}
