package protocol_test

import (
	"fmt"

	"github.com/ganplayground/ganplayground/core/protocol"
)

// The page asks the worker to train a recipe; the worker answers with a
// snapshot. Both sides decode into values they keep, so steady-state
// messages allocate nothing.
func Example() {
	msg := protocol.AppendCommand(nil, &protocol.Command{Op: protocol.OpInit, Recipe: "data=grid25&loss=lsgan", Play: true})
	var c protocol.Command
	if err := protocol.DecodeCommand(msg, &c); err != nil {
		panic(err)
	}
	fmt.Println(c.Op, c.Recipe, c.Play)

	rep := protocol.AppendReport(nil, &protocol.Report{Kind: protocol.KindSnapshot, Status: protocol.Training, Step: 42, Fingerprint: "28218d35dd6fe554"})
	var r protocol.Report
	if err := protocol.DecodeReport(rep, &r); err != nil {
		panic(err)
	}
	fmt.Println(r.Status, r.Step, r.Fingerprint)
	// Output:
	// init data=grid25&loss=lsgan true
	// training 42 28218d35dd6fe554
}
