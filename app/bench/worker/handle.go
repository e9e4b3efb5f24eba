package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"time"

	"github.com/ganplayground/ganplayground/app/bench/measure"
	"github.com/ganplayground/ganplayground/core/data"
)

// request is one message from the bench page.
type request struct {
	Cmd    string `json:"cmd"`    // "setup" or "window"
	Recipe string `json:"recipe"` // setup: the workload's recipe
	Ms     int    `json:"ms"`     // window: at least this long…
	Min    int    `json:"min"`    // …and at least this many steps
}

// reply is the answer; Error is set when the request failed.
type reply struct {
	Error  string          `json:"error,omitempty"`
	Info   string          `json:"info,omitempty"`
	FLOPs  float64         `json:"flops,omitempty"`
	Window *measure.Window `json:"window,omitempty"`
}

// bench is the worker's state: the current workload's runner and the
// decoded MNIST asset, kept across workloads.
type bench struct {
	r     *measure.Runner
	mnist *data.MNIST
}

// handle answers one JSON request; asset is the MNIST asset's bytes (only
// read by the first setup of an MNIST workload).
func (b *bench) handle(msg []byte, asset []byte) []byte {
	var q request
	var a reply
	if err := json.Unmarshal(msg, &q); err != nil {
		a.Error = "bad request: " + err.Error()
	} else if err := b.do(q, asset, &a); err != nil {
		a.Error = err.Error()
	}
	out, _ := json.Marshal(a)
	return out
}

func (b *bench) do(q request, asset []byte, a *reply) error {
	switch q.Cmd {
	case "setup":
		if b.mnist == nil && len(asset) > 0 {
			m, err := data.DecodeAsset(bytes.NewReader(asset))
			if err != nil {
				return err
			}
			b.mnist = m
		}
		b.r = nil
		runtime.GC() // the previous workload's nets are garbage now, not in a window
		r, err := measure.NewRunner(q.Recipe, b.mnist)
		if err != nil {
			return err
		}
		b.r, a.FLOPs = r, r.FLOPs
		a.Info = fmt.Sprintf("Go %s %s/%s", runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return nil
	case "window":
		if b.r == nil {
			return fmt.Errorf("window before setup")
		}
		w, err := b.r.Window(time.Duration(q.Ms)*time.Millisecond, max(q.Min, 1))
		a.Window = &w
		return err
	}
	return fmt.Errorf("unknown command %q", q.Cmd)
}
