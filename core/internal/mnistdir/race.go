//go:build race

package mnistdir

const raceEnabled = true
