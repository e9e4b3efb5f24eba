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

// With shards > 1, train -workers deals the shards to N goroutines: 1, 2,
// 3 and 8 workers train the same bits (3 is not a whole number of
// subtrees of 8 shards).
func TestTrainShardsSameFingerprint(t *testing.T) {
	const rc = "batch=64&g=64,64&d=64,64&z=8&seed=5&steps=15&shards=8&ddrop=0.2"
	var fps []string
	for _, w := range []string{"1", "2", "3", "8"} {
		fps = append(fps, trainTo(t, tmp(t, "s"+w+".ckpt"), rc, "-workers", w).Fingerprint)
	}
	for i, w := range []string{"2", "3", "8"} {
		if fps[i+1] != fps[0] {
			t.Fatalf("shards=8: -workers %s gives %s, -workers 1 %s", w, fps[i+1], fps[0])
		}
	}
	// The checkpoint keeps shards: a run stopped at step 7 and continued
	// on another worker count is the same run.
	half := tmp(t, "half.ckpt")
	trainTo(t, half, strings.Replace(rc, "steps=15", "steps=7", 1), "-workers", "3")
	var r trainResult
	mustRun(t, &r, "train", "-quiet", "-from", half, "-recipe", "steps=15", "-o", half, "-workers", "2")
	if r.Fingerprint != fps[0] {
		t.Fatalf("shards=8 continued from step 7: %s, uninterrupted %s", r.Fingerprint, fps[0])
	}
}
