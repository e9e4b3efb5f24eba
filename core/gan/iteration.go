package gan

// An iteration of Algorithm 1 is K discriminator updates, then one
// generator update. StepOnce makes a whole one; StepNext makes one update
// at a time (the page's slow motion), in the same order, so that a run
// stepped update by update is the run trained iteration by iteration.

// StepOnce completes the current iteration: the D updates StepNext has not
// made yet (all K when none), then G's.
func (t *Trainer) StepOnce() error {
	for ; t.iterD < t.Recipe.K; t.iterD++ {
		if err := t.StepD(); err != nil {
			t.iterD = 0
			return err
		}
	}
	return t.StepG()
}

// StepNext makes the next single update of the current iteration: a D
// update, or G's once K D updates are made. It reports which it made.
func (t *Trainer) StepNext() (dUpdate bool, err error) {
	if t.iterD < t.Recipe.K {
		err = t.StepD()
		t.iterD++
		if err != nil {
			t.iterD = 0
		}
		return true, err
	}
	return false, t.StepG()
}

// IterationD is the number of D updates StepNext has made in the current
// iteration: 0 between iterations. (StepD called alone, the page's
// "D step" button, is an extra update outside the count.)
func (t *Trainer) IterationD() int { return t.iterD }
