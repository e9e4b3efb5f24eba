package learn

import (
	"fmt"
	"io"
	"strings"

	"github.com/ganplayground/ganplayground/core/recipe"
)

// TableSeeds are the seeds of the time-to-learn table. Seed 1 is what the
// page and the CLI use when no seed is given; no data set's default was
// tuned on any of them (the tuning seeds are noted beside each default in
// core/recipe/data.go).
var TableSeeds = []uint64{1, 2, 3}

// TableData are the data sets the table covers, in its order.
var TableData = []string{"ring8", "grid25", "spiral", "moons"}

// Row is one data set's line of the table.
type Row struct {
	Data    string
	Recipe  string // the data set's default, as recipe.DataDefault gives it
	Target  string
	Limit   int      // the recipe's step limit
	Results []Result // one per seed of TableSeeds
}

// TableRow measures one data set's default recipe on TableSeeds, scoring
// every `every` steps up to the recipe's own step limit.
func TableRow(data string, every int) (Row, error) { return TableRowWith(data, nil, every) }

// TableRowWith is TableRow for any data set: MNIST's row trains on m's
// images (StepsToWith). MNIST is not in TableData: its row trains for
// tens of minutes natively.
func TableRowWith(data string, m *MNIST, every int) (Row, error) {
	rc, err := recipe.ForData(data)
	if err != nil {
		return Row{}, err
	}
	tg, _ := TargetOf(rc) // a set without one fails below, in StepsToWith
	row := Row{Data: data, Recipe: recipe.DataDefault(data), Target: tg.Text, Limit: rc.Steps}
	for _, s := range TableSeeds {
		rc.Seed = s
		res, err := StepsToWith(rc, m, every, 0, nil)
		if err != nil {
			return row, fmt.Errorf("%s seed %d: %w", data, s, err)
		}
		row.Results = append(row.Results, res)
	}
	return row, nil
}

// WriteTable writes rows as the markdown table of docs/time-to-learn.md.
func WriteTable(w io.Writer, rows []Row) {
	var seeds []string
	for _, s := range TableSeeds {
		seeds = append(seeds, fmt.Sprintf("seed %d", s))
	}
	fmt.Fprintf(w, "| data | target | step limit | %s | native s/1000 steps |\n", strings.Join(seeds, " | "))
	fmt.Fprintf(w, "|---|---|---:|%s---:|\n", strings.Repeat("---:|", len(seeds)))
	for _, r := range rows {
		var cells []string
		var steps int
		var secs float64
		for _, res := range r.Results {
			steps += res.Steps
			secs += res.Seconds
			if res.Reached {
				cells = append(cells, fmt.Sprintf("%d", res.Steps))
			} else {
				cells = append(cells, fmt.Sprintf("not by %d (%s)", res.Steps, res.Last))
			}
		}
		rate := 0.0
		if steps > 0 {
			rate = 1000 * secs / float64(steps)
		}
		fmt.Fprintf(w, "| %s | %s | %d | %s | %.1f |\n", r.Data, r.Target, r.Limit, strings.Join(cells, " | "), rate)
	}
}
