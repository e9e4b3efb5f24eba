//go:build !race

package mat

const raceOn = false
