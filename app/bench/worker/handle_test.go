package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ganplayground/ganplayground/app/bench/measure"
)

func TestHandle(t *testing.T) {
	var b bench
	ask := func(msg string) reply {
		t.Helper()
		var a reply
		if err := json.Unmarshal(b.handle([]byte(msg), nil), &a); err != nil {
			t.Fatal(err)
		}
		return a
	}
	if a := ask(`{"cmd":"window","ms":1}`); !strings.Contains(a.Error, "before setup") {
		t.Errorf("window before setup: %+v", a)
	}
	if a := ask(`{"cmd":"setup","recipe":"data=mnist"}`); !strings.Contains(a.Error, "MNIST") {
		t.Errorf("MNIST without the asset: %+v", a)
	}
	setup, _ := json.Marshal(request{Cmd: "setup", Recipe: measure.Workloads[0].Recipe})
	if a := ask(string(setup)); a.Error != "" || a.FLOPs != 26_279_936 {
		t.Fatalf("setup: %+v", a)
	}
	if a := ask(`{"cmd":"window","ms":1,"min":3}`); a.Error != "" || a.Window == nil || a.Window.Steps < 3 {
		t.Fatalf("window: %+v", a)
	}
	for _, bad := range []string{`{`, `{"cmd":"fly"}`} {
		if a := ask(bad); a.Error == "" {
			t.Errorf("%s accepted", bad)
		}
	}
}
