//go:build !(js && wasm)

package ui

import (
	"time"

	"github.com/ganplayground/ganplayground/core/protocol"
)

// bridge does nothing natively: workers exist only in a browser.
type bridge struct{}

func newBridge(string, func([]byte), func(string)) *bridge { return &bridge{} }
func (b *bridge) restart()                                 {}
func (b *bridge) send(*protocol.Command)                   {}
func (b *bridge) exposeKill()                              {}
func (b *bridge) setWorkers(int)                           {}
func hardwareCores() int                                   { return 1 }
func (b *bridge) release([]byte)                           {}
func (b *bridge) lastReport() time.Time                    { return time.Now() }
