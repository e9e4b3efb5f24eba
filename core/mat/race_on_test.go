//go:build race

package mat

// raceOn: the race detector runs this build, ten times slower or more.
const raceOn = true
