package learn

import (
	"fmt"
	"time"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Result is one run's way to its target.
type Result struct {
	Recipe  string  `json:"recipe"`
	Reached bool    `json:"reached"`
	Steps   int     `json:"steps"` // the first scored step that met the target, else the last step
	Last    Score   `json:"last"`  // the score at Steps
	Seconds float64 `json:"seconds"`
	// AtLimit is the score at the step limit, for a run told to go on
	// past its target (Through): the targets of the one-click recipes
	// hold at their limit, not only at one scored step on the way.
	AtLimit *Score `json:"at_limit,omitempty"`
}

// StepsTo trains rc (a 2-D recipe) from step 0, scoring it every `every`
// steps, until its data set's target is met or the run reaches limit steps
// (0: the recipe's own step limit). trace, if not nil, sees every score.
func StepsTo(rc recipe.Recipe, every, limit int, trace func(Score)) (Result, error) {
	return StepsToWith(rc, nil, every, limit, trace)
}

// StepsToWith is StepsTo for any data set: an MNIST recipe trains on m's
// images and is scored against MNISTTarget (m is not read for 2-D sets).
func StepsToWith(rc recipe.Recipe, m *MNIST, every, limit int, trace func(Score)) (Result, error) {
	return scoredRun(rc, m, every, limit, trace, false)
}

// Through is StepsToWith that trains on to the step limit after the target
// is met, and also reports the score there (Result.AtLimit).
func Through(rc recipe.Recipe, m *MNIST, every, limit int, trace func(Score)) (Result, error) {
	return scoredRun(rc, m, every, limit, trace, true)
}

func scoredRun(rc recipe.Recipe, m *MNIST, every, limit int, trace func(Score), through bool) (Result, error) {
	if limit <= 0 {
		limit = rc.Steps
	}
	if limit <= 0 || every <= 0 {
		return Result{}, fmt.Errorf("learn: want a step limit and every > 0")
	}
	var (
		tg  Target
		src data.Source
		sc  scorer
		err error
	)
	if tg, err = TargetOf(rc); err != nil {
		return Result{}, err
	}
	if rc.DataSet().Image() {
		if m == nil {
			return Result{}, fmt.Errorf("learn: data=%s needs the MNIST images (StepsToWith)", rc.Data)
		}
		if src, err = data.New(rc, m.Train); err != nil {
			return Result{}, err
		}
		if sc, err = newMNISTScorer(m, rc.Digits); err != nil {
			return Result{}, err
		}
	} else {
		if src, err = data.New(rc, nil); err != nil {
			return Result{}, err
		}
		if sc, err = NewScorer(src); err != nil {
			return Result{}, err
		}
	}
	t, err := gan.New(rc, src)
	if err != nil {
		return Result{}, err
	}
	res := Result{Recipe: rc.String()}
	var train time.Duration
	for t.Step < limit {
		t0 := time.Now()
		for i := 0; i < every && t.Step < limit; i++ {
			if err := t.StepOnce(); err != nil {
				return res, err
			}
		}
		train += time.Since(t0)
		s, err := sc.Score(t)
		if err != nil {
			return res, err
		}
		if trace != nil {
			trace(s)
		}
		if !res.Reached {
			res.Steps, res.Last, res.Reached = t.Step, s, tg.Met(s)
		}
		if through {
			res.AtLimit = &s
		} else if res.Reached {
			break
		}
	}
	res.Seconds = train.Seconds()
	return res, nil
}
