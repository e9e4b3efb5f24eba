//go:build !(js && wasm)

package cli

import (
	"strings"
	"testing"
)

// train -workers N splits the matrix products over N cores: 1, 2 and 3
// workers train the same bits (nets big enough that the products split).
func TestTrainWorkersSameFingerprint(t *testing.T) {
	const rc = "batch=128&g=128,128&d=128,128&z=8&seed=5&steps=15"
	var fps []string
	for _, w := range []string{"1", "2", "3"} {
		fps = append(fps, trainTo(t, tmp(t, "w"+w+".ckpt"), rc, "-workers", w).Fingerprint)
	}
	if fps[0] != fps[1] || fps[0] != fps[2] {
		t.Fatalf("fingerprints by worker count 1, 2, 3: %v", fps)
	}
	if code, _, errs := cli("train", "-workers", "0", "-recipe", rc, "-o", tmp(t, "x.ckpt")); code == 0 || !strings.Contains(errs, "-workers 0") {
		t.Fatalf("-workers 0: exit %d, %q", code, errs)
	}
}
