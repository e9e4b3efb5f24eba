//go:build !(js && wasm)

package cli

import "github.com/ganplayground/ganplayground/app/internal/server"

func init() {
	register(&command{name: "serve", usage: server.Usage, run: server.Run})
}
