// Command ttl measures steps to target: it trains a recipe on several
// seeds and prints, per seed, the first scored step that meets the data
// set's target (see core/learn).
//
//	go run ./core/learn/ttl -recipe "data=grid25" -seeds 7,8,9 -every 100 -limit 4000
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/ganplayground/ganplayground/core/learn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

func main() {
	text := flag.String("recipe", "", "recipe (a new run's: the data set's defaults under it)")
	seeds := flag.String("seeds", "101,102,103", "comma-separated seeds")
	every := flag.Int("every", 100, "score every N steps")
	limit := flag.Int("limit", 0, "stop at this step (0: the recipe's steps)")
	trace := flag.Bool("trace", false, "print every score")
	flag.Parse()
	for _, s := range strings.Split(*seeds, ",") {
		rc, err := recipe.Parse(*text + "&seed=" + s)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		res, err := learn.StepsTo(rc, *every, *limit, func(sc learn.Score) {
			if *trace {
				fmt.Fprintf(os.Stderr, "seed %s %s\n", s, sc)
			}
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		b, _ := json.Marshal(res)
		fmt.Printf("seed %s %s\n", s, b)
	}
}
