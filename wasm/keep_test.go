package main

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/app/store"
	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/protocol"
)

// checkpointReply decodes the KindCheckpoint report the last command left.
func checkpointReply(t *testing.T, s *Bridge) *protocol.Report {
	t.Helper()
	b := s.TakeReply()
	if b == nil {
		t.Fatal("no checkpoint reply")
	}
	if s.TakeReply() != nil {
		t.Fatal("a reply is handed out twice")
	}
	var r protocol.Report
	if err := protocol.DecodeReport(b, &r); err != nil {
		t.Fatal(err)
	}
	if r.Kind != protocol.KindCheckpoint {
		t.Fatalf("reply kind %d", r.Kind)
	}
	return &r
}

func trainAll(t *testing.T, s *Bridge) {
	t.Helper()
	for i := 0; s.Training(); i++ {
		s.Train(time.Millisecond)
		if i%3 == 0 {
			snapshot(t, s) // looking, and saving below, must not change the run
		}
	}
}

// The point of the checkpoint panel: train to step N, save, load it into a
// fresh session (a reloaded page), raise the limit to M and train on: the
// fingerprint is that of M uninterrupted steps.
func TestSaveLoadResumesBitIdentically(t *testing.T) {
	const base = "data=ring8&seed=11&g=32,32&d=32,32&batch=64"
	const n, m = 30, 55
	want := nativeFingerprint(t, base+"&steps=55")

	a := NewBridge()
	a.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: base + "&steps=30", Play: true})
	trainAll(t, a)
	a.Handle(&protocol.Command{Op: protocol.OpCheckpoint, N: 5})
	saved := checkpointReply(t, a)
	c := saved.Checkpoint
	if saved.Error != "" || c.Op != protocol.OpCheckpoint || c.Tag != 5 || c.Step != n || c.Data != "ring8" ||
		c.Fingerprint != snapshot(t, a).Fingerprint || !strings.Contains(c.Recipe, "steps=30") {
		t.Fatalf("checkpoint reply: error %q op %v tag %d step %d data %q fp %s recipe %q", saved.Error, c.Op, c.Tag, c.Step, c.Data, c.Fingerprint, c.Recipe)
	}
	// Saving twice gives the same bytes: nothing in the run moved.
	a.Handle(&protocol.Command{Op: protocol.OpCheckpoint, N: 6})
	if again := checkpointReply(t, a); !bytes.Equal(again.Checkpoint.Bytes, c.Bytes) {
		t.Fatal("a second save of the same run differs")
	}

	b := NewBridge()
	b.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "", Play: true}) // the default demo, running
	b.Train(time.Millisecond)
	b.Handle(&protocol.Command{Op: protocol.OpLoad, N: 9, Data: c.Bytes})
	loaded := checkpointReply(t, b)
	if loaded.Error != "" || loaded.Checkpoint.Tag != 9 || loaded.Checkpoint.Step != n || loaded.Checkpoint.Fingerprint != c.Fingerprint || loaded.Status != protocol.Paused {
		t.Fatalf("load reply: %q tag %d step %d fp %s status %v", loaded.Error, loaded.Checkpoint.Tag, loaded.Checkpoint.Step, loaded.Checkpoint.Fingerprint, loaded.Status)
	}
	r := snapshot(t, b)
	if r.Step != n || r.Status != protocol.Paused || r.Fingerprint != c.Fingerprint || r.Run != loaded.Run || !strings.Contains(r.Note, "loaded") {
		t.Fatalf("after load: step %d status %v fp %s run %d/%d note %q", r.Step, r.Status, r.Fingerprint, r.Run, loaded.Run, r.Note)
	}
	b.Handle(&protocol.Command{Op: protocol.OpSet, Key: "steps", Value: float64(m)})
	b.Handle(&protocol.Command{Op: protocol.OpPlay})
	trainAll(t, b)
	if r := snapshot(t, b); r.Step != m || r.Fingerprint != want {
		t.Fatalf("resumed: step %d fingerprint %s, uninterrupted %s", r.Step, r.Fingerprint, want)
	}
}

// What the list shows comes with the bytes, and the page's store accepts
// it as it is.
func TestCheckpointMetadata(t *testing.T) {
	s := NewBridge()
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=ring8&seed=3&g=16,16&d=16,16&steps=10", Play: true})
	trainAll(t, s)
	s.Handle(&protocol.Command{Op: protocol.OpCheckpoint})
	c := checkpointReply(t, s).Checkpoint
	got := map[string]float64{}
	for _, m := range c.Metrics {
		got[m.Name] = m.Value
	}
	if got["modes_total"] != 8 || got["jsd"] <= 0 || got["jsd"] > 0.7 || got["hq"] < 0 || got["hq"] > 1 {
		t.Fatalf("metrics %v", got)
	}
	img, err := png.Decode(bytes.NewReader(c.Thumbnail))
	if err != nil || img.Bounds().Dx() != 96 || len(c.Thumbnail) > store.MaxThumbnail {
		t.Fatalf("thumbnail: %v, %d bytes", err, len(c.Thumbnail))
	}
	meta := store.Meta{Name: "x", Data: c.Data, Recipe: c.Recipe, Step: c.Step, Metrics: got, Thumbnail: c.Thumbnail, Fingerprint: c.Fingerprint}
	st := store.NewMemory()
	saved, err := st.Save(context.Background(), meta, c.Bytes)
	if err != nil {
		t.Fatalf("the store refuses the worker's checkpoint: %v", err)
	}
	_, tr, err := store.LoadTrainer(context.Background(), st, saved.ID)
	if err != nil || tr.Step != 10 {
		t.Fatalf("loading it back: %v", err)
	}
	t.Logf("ring8 g=d=16,16: checkpoint %d bytes, thumbnail %d bytes, metrics %v", len(c.Bytes), len(c.Thumbnail), got)

	// MNIST: a thumbnail of digits, no metrics, and a load that asks for the asset first.
	m := NewBridge()
	m.SetMNIST(datatest.RandomMNIST(60))
	m.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=mnist&digits=17&g=16&d=16&z=8&batch=8&steps=2&seed=2", Play: true})
	trainAll(t, m)
	m.Handle(&protocol.Command{Op: protocol.OpCheckpoint})
	mc := checkpointReply(t, m).Checkpoint
	if img, err := png.Decode(bytes.NewReader(mc.Thumbnail)); err != nil || img.Bounds().Dx() != 28*4 || len(mc.Metrics) != 0 {
		t.Fatalf("MNIST thumbnail %v, metrics %v", err, mc.Metrics)
	}
	fresh := NewBridge()
	load := &protocol.Command{Op: protocol.OpLoad, Data: mc.Bytes}
	if !fresh.NeedsMNIST(load) || fresh.NeedsMNIST(&protocol.Command{Op: protocol.OpLoad, Data: c.Bytes}) {
		t.Fatal("NeedsMNIST does not read the checkpoint's recipe")
	}
	fresh.Handle(load)
	if r := checkpointReply(t, fresh); !strings.Contains(r.Error, "MNIST") {
		t.Fatalf("MNIST checkpoint without the asset: %q", r.Error)
	}
}

// A file that is not a checkpoint, or a damaged one, is refused with a
// message, and the run on the page goes on as it was.
func TestLoadRefusesBadFilesAndKeepsTheRun(t *testing.T) {
	src := NewBridge()
	src.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "g=16&d=16&batch=32&steps=4", Play: true})
	trainAll(t, src)
	src.Handle(&protocol.Command{Op: protocol.OpCheckpoint})
	good := checkpointReply(t, src).Checkpoint.Bytes

	flipped := append([]byte(nil), good...)
	flipped[len(flipped)/2] ^= 1
	newer := append([]byte(nil), good...)
	newer[len("\x89GANCKPT")] = 99 // version 99, checksum left stale: reads as damage
	cases := map[string]struct {
		b    []byte
		want string
	}{
		"garbage":   {[]byte("this is a text file, not a checkpoint"), "not a GAN Playground checkpoint"},
		"empty":     {nil, "not a GAN Playground checkpoint"},
		"truncated": {good[:len(good)-10], "cut short"},
		"flipped":   {flipped, "damaged"},
		"version":   {newer, "damaged"},
	}
	s := NewBridge()
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=grid25&g=16&d=16&batch=32&steps=7", Play: true})
	trainAll(t, s)
	before := snapshot(t, s)
	for name, c := range cases {
		s.Handle(&protocol.Command{Op: protocol.OpLoad, N: 1, Data: c.b})
		r := checkpointReply(t, s)
		if !strings.Contains(r.Error, c.want) || !strings.Contains(r.Error, "current run was kept") || r.Checkpoint.Tag != 1 {
			t.Errorf("%s: error %q", name, r.Error)
		}
		after := snapshot(t, s)
		if after.Run != before.Run || after.Step != before.Step || after.Fingerprint != before.Fingerprint || after.Status != before.Status || after.Error != "" || after.Recipe != before.Recipe {
			t.Fatalf("%s: the run changed: %+v", name, after)
		}
	}
	// A session whose own recipe failed can still load.
	f := NewBridge()
	f.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=cifar"})
	f.Handle(&protocol.Command{Op: protocol.OpLoad, Data: good})
	if r := checkpointReply(t, f); r.Error != "" {
		t.Fatalf("load after a failed init: %q", r.Error)
	}
	if r := snapshot(t, f); r.Kind != protocol.KindSnapshot || r.Step != 4 {
		t.Fatalf("after load: kind %v step %d error %q", r.Kind, r.Step, r.Error)
	}
	// Nothing to save.
	f.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=cifar"})
	f.Handle(&protocol.Command{Op: protocol.OpCheckpoint})
	if r := checkpointReply(t, f); !strings.Contains(r.Error, "Nothing to save") || len(r.Checkpoint.Bytes) != 0 {
		t.Fatalf("save without a model: %q", r.Error)
	}
}
