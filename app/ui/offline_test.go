package ui

import (
	"regexp"
	"testing"
)

// The offline hook is in the page from the first (server) render, with a
// state for tests to read, before web/page.js has checked anything.
func TestOfflineStatusHook(t *testing.T) {
	html := mount(t, &OfflineStatus{})
	tag := regexp.MustCompile(`<p [^>]*data-test="offline"[^>]*>([^<]*)<`).FindStringSubmatch(html)
	if tag == nil {
		t.Fatalf("no data-test=offline paragraph in\n%s", html)
	}
	if !regexp.MustCompile(`data-state="waiting"`).MatchString(tag[0]) || tag[1] != "Offline use: checking…" {
		t.Errorf("offline hook %q", tag[0])
	}
}
