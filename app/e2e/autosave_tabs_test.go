//go:build !(js && wasm)

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// autosaveInfos lists the info line of every "autosave" record in a tab's
// checkpoint list.
const autosaveInfos = `[...document.querySelectorAll('[data-test=checkpoints] > [data-test=checkpoint]')]
	.filter((li) => li.querySelector('[data-test=ckpt-name]').textContent === "autosave")
	.map((li) => li.querySelector('[data-test=ckpt-info]').textContent)`

// Two tabs training different runs at once each autosave their own run
// (one shared record made them overwrite each other), and each tab's list
// shows the other's autosave without a reload (a BroadcastChannel tells
// it the store changed).
func TestTwoTabsAutosaveTheirOwnRuns(t *testing.T) {
	if os.Getenv("E2E") == "" {
		t.Skip("browser test: run `make e2e` (or E2E=1 go test ./app/e2e after `make wasm`)")
	}
	root := repoRoot(t)
	base := startServer(t, root)
	browser := newBrowser(t)
	tabs := map[string]*tab{}
	for _, data := range []string{"ring8", "grid25"} {
		tb := open(t, browser, base+"/#data="+data+"&g=16,16&d=16,16&steps=0&run=1")
		waitStore(tb)
		setField(tb, "autosave", "5")
		tabs[data] = tb
	}
	both := `((xs) => xs.length === 2 && xs.some((s) => s.includes("ring8")) && xs.some((s) => s.includes("grid25")))(` + autosaveInfos + `)`
	for data, tb := range tabs {
		if !tb.wait(both, 120*time.Second) {
			t.Fatalf("the %s tab lists these autosaves: %q", data, eval[[]string](tb, autosaveInfos))
		}
	}
	// Later autosaves go on replacing each run's own record: once both
	// records have been replaced (their step moved on), each tab still
	// lists two.
	first := eval[[]string](tabs["ring8"], autosaveInfos)
	replaced := fmt.Sprintf(`((xs, old) => xs.filter((s) => !old.includes(s)).length === 2)(%s, %s)`, autosaveInfos, jsStrings(first))
	for data, tb := range tabs {
		if !tb.wait(replaced, 60*time.Second) {
			t.Fatalf("the %s tab lists %q, autosaves first seen: %q", data, eval[[]string](tb, autosaveInfos), first)
		}
	}
	for data, tb := range tabs {
		infos := eval[[]string](tb, autosaveInfos)
		if len(infos) != 2 || !strings.Contains(strings.Join(infos, "|"), "ring8") || !strings.Contains(strings.Join(infos, "|"), "grid25") {
			t.Errorf("the %s tab lists %q", data, infos)
		}
		t.Logf("the %s tab lists %q (first seen %q)", data, infos, first)
	}
}

// jsStrings is a JavaScript array literal of ss.
func jsStrings(ss []string) string {
	b, _ := json.Marshal(ss)
	return string(b)
}
