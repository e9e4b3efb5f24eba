//go:build race

package share

// raceEnabled: the MNIST-sized models take minutes instrumented; their code
// paths are the small models', which -race does run.
const raceEnabled = true
