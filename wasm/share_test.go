package main

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/ganplayground/ganplayground/core/data/datatest"
	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/protocol"
	"github.com/ganplayground/ganplayground/core/share"
)

// reply decodes the session's pending KindLink or KindFile report.
func reply(t *testing.T, s *Bridge) *protocol.Report {
	t.Helper()
	b := s.TakeReply()
	if b == nil {
		t.Fatal("no reply")
	}
	var r protocol.Report
	if err := protocol.DecodeReport(b, &r); err != nil {
		t.Fatal(err)
	}
	if s.TakeReply() != nil {
		t.Fatal("a reply is taken once")
	}
	return &r
}

func trained(t *testing.T, text string, steps int) *Bridge {
	t.Helper()
	s := NewBridge()
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: text})
	for i := 0; i < steps; i++ {
		s.Handle(&protocol.Command{Op: protocol.OpStep})
	}
	if r := snapshot(t, s); r.Step != steps || r.Error != "" {
		t.Fatalf("step %d, error %q", r.Step, r.Error)
	}
	return s
}

// A link made by one session opens in another as the same model: the
// fingerprint and the samples the sender announces are those the receiver
// shows, with no training step, and training then goes on.
func TestShareThenOpen(t *testing.T) {
	a := trained(t, "data=ring8&seed=7", 40)
	a.Handle(&protocol.Command{Op: protocol.OpShare})
	made := reply(t, a)
	l := made.Link
	if made.Kind != protocol.KindLink || made.Error != "" || l.Op != protocol.OpShare || !l.Fits || l.Value == "" || l.Step != 40 || l.Bytes != len(l.Value) {
		t.Fatalf("share: kind %v error %q op %v fits %v bytes %d/%d step %d", made.Kind, made.Error, l.Op, l.Fits, l.Bytes, len(l.Value), l.Step)
	}
	// The default ring8 net (33,666 parameters) is too large for float16
	// under the cap; Encode falls back to int8.
	if l.Quant != "float16" && l.Quant != "int8" {
		t.Errorf("quant %q", l.Quant)
	}
	t.Logf("ring8 link after 40 steps: %d bytes, %s, %d parameters", l.Bytes, l.Quant, l.Params)
	if l.Fingerprint == "" || l.Fingerprint == snapshot(t, a).Fingerprint {
		t.Errorf("the link's fingerprint %q must be the opened model's (quantised weights), not the sender's", l.Fingerprint)
	}

	b := NewBridge()
	b.Handle(&protocol.Command{Op: protocol.OpOpen, Link: l.Value})
	opened := reply(t, b)
	if opened.Error != "" || opened.Link.Op != protocol.OpOpen || opened.Link.Recipe != l.Recipe || opened.Link.Fingerprint != l.Fingerprint {
		t.Fatalf("open: error %q link %+v", opened.Error, opened.Link)
	}
	r := snapshot(t, b)
	// With its D the model stands at the shared step.
	if r.Status != protocol.Paused || r.Step != 40 || r.Fingerprint != l.Fingerprint || r.Recipe != l.Recipe || r.Run != opened.Run {
		t.Fatalf("opened: status %v step %d fp %s recipe %q run %d", r.Status, r.Step, r.Fingerprint, r.Recipe, r.Run)
	}
	if got := protocol.SamplesSum(r); got != l.Samples || got == "" {
		t.Errorf("samples %q, the sender announced %q", got, l.Samples)
	}
	b.Handle(&protocol.Command{Op: protocol.OpPlay})
	for b.Training() && snapshot(t, b).Step < 45 {
		b.Train(time.Millisecond)
	}
	if r := snapshot(t, b); r.Step < 45 || r.Error != "" {
		t.Fatalf("after play: step %d error %q", r.Step, r.Error)
	}
}

// A bad link is reported and changes nothing: the running model, its run
// number and its step stay.
func TestOpenBadLinks(t *testing.T) {
	a := trained(t, "", 3)
	a.Handle(&protocol.Command{Op: protocol.OpShare})
	good := reply(t, a).Link.Value
	flip := []byte(good)
	i := len(flip) / 2
	flip[i] = map[bool]byte{true: 'B', false: 'A'}[flip[i] == 'A']
	for name, c := range map[string]struct{ link, want string }{
		"truncated": {good[:len(good)-7], "damaged or cut short"},
		"tampered":  {string(flip), "damaged or cut short"},
		"too long":  {strings.Repeat("A", share.MaxLinkBytes+1), "too long"},
		"empty":     {"", "damaged"},
		"garbage":   {"hello world!", "damaged"},
	} {
		before := snapshot(t, a)
		a.Handle(&protocol.Command{Op: protocol.OpOpen, Link: c.link})
		r := reply(t, a)
		if r.Kind != protocol.KindLink || !strings.Contains(r.Error, "cannot be opened") || !strings.Contains(r.Error, c.want) {
			t.Errorf("%s: %q", name, r.Error)
		}
		after := snapshot(t, a)
		if after.Run != before.Run || after.Step != 3 || after.Fingerprint != before.Fingerprint || after.Error != "" {
			t.Errorf("%s changed the session: %+v", name, after)
		}
	}
}

// A link to an MNIST model waits for the asset (NeedsMNIST), like an init.
func TestOpenMNISTLinkNeedsAsset(t *testing.T) {
	const text = "data=mnist&digits=17&g=16&d=16&z=8&batch=8&seed=2"
	a := NewBridge()
	a.SetMNIST(datatest.RandomMNIST(60))
	a.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: text})
	a.Handle(&protocol.Command{Op: protocol.OpShare})
	l := reply(t, a).Link
	if !l.Fits || l.Value == "" {
		t.Fatalf("%+v", l)
	}
	b := NewBridge()
	c := &protocol.Command{Op: protocol.OpOpen, Link: l.Value}
	if !b.NeedsMNIST(c) {
		t.Fatal("an MNIST link must wait for the asset")
	}
	b.SetMNIST(datatest.RandomMNIST(60))
	if b.NeedsMNIST(c) {
		t.Fatal("asset given, still needed")
	}
	b.Handle(c)
	if r := reply(t, b); r.Error != "" {
		t.Fatal(r.Error)
	}
	if r := snapshot(t, b); r.Fingerprint != l.Fingerprint || protocol.SamplesSum(r) != l.Samples || r.ImgN == 0 {
		t.Fatalf("opened MNIST model: fp %s/%s samples %s/%s", r.Fingerprint, l.Fingerprint, protocol.SamplesSum(r), l.Samples)
	}
}

// A model too large for a link is answered with its size and no link, not
// an error: the page offers the file instead.
func TestShareTooLarge(t *testing.T) {
	s := NewBridge()
	s.SetMNIST(datatest.RandomMNIST(60))
	s.Handle(&protocol.Command{Op: protocol.OpInit, Recipe: "data=mnist&z=64&g=256,512&d=16&batch=8"})
	s.Handle(&protocol.Command{Op: protocol.OpShare})
	r := reply(t, s)
	if r.Error != "" || r.Link.Fits || r.Link.Value != "" || r.Link.Bytes <= share.MaxLinkBytes || r.Link.Quant != "int8" {
		t.Fatalf("%+v", r.Link)
	}
	t.Logf("small-MNIST-sized G: %d parameters, %d bytes as an int8 link", r.Link.Params, r.Link.Bytes)
}

func TestExportG(t *testing.T) {
	s := trained(t, "", 2)
	s.Handle(&protocol.Command{Op: protocol.OpExportG})
	r := reply(t, s)
	if r.Kind != protocol.KindFile || r.Error != "" || !strings.HasSuffix(r.FileName, ".safetensors") || len(r.File) < 16 {
		t.Fatalf("%+v", r)
	}
	if n := binary.LittleEndian.Uint64(r.File); n%8 != 0 || int(n) > len(r.File)-8 || !strings.Contains(string(r.File[8:8+n]), `"g.0.weight"`) {
		t.Fatalf("not safetensors: % x", r.File[:16])
	}
}

// A gallery model's long link opens only as a bundled one (N=1): the same
// text from a URL is refused as too large.
func TestOpenBundled(t *testing.T) {
	tr, err := gan.FromText("data=grid25&z=16&g=256,512&d=8&batch=4", 0)
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := share.EncodeBundle(tr)
	if err != nil {
		t.Fatal(err)
	}
	s := NewBridge()
	s.Handle(&protocol.Command{Op: protocol.OpOpen, Link: v})
	if r := reply(t, s); !strings.Contains(r.Error, "too large") {
		t.Fatalf("a long link from a URL: %q", r.Error)
	}
	s.Handle(&protocol.Command{Op: protocol.OpOpen, Link: v, N: 1})
	if r := reply(t, s); r.Error != "" || r.Link.Recipe != tr.Recipe.String() {
		t.Fatalf("bundled: %q", r.Error)
	}
	if got := snapshot(t, s); got.Status != protocol.Paused || got.Recipe != tr.Recipe.String() {
		t.Errorf("after opening: %v %q", got.Status, got.Recipe)
	}
}

// A model shared at its step limit opens with the limit lifted (its D
// came with it, so it can train on), and play goes past it.
func TestOpenAtStepLimitTrainsOn(t *testing.T) {
	a := trained(t, "data=ring8&seed=8&steps=30", 30)
	a.Handle(&protocol.Command{Op: protocol.OpShare})
	l := reply(t, a).Link
	b := NewBridge()
	b.Handle(&protocol.Command{Op: protocol.OpOpen, Link: l.Value})
	if opened := reply(t, b); opened.Error != "" || opened.Link.Recipe != "seed=8&steps=0" {
		t.Fatalf("open: error %q recipe %q", opened.Error, opened.Link.Recipe)
	}
	if r := snapshot(t, b); r.Step != 30 || !strings.Contains(r.Note, "step limit is lifted") {
		t.Fatalf("opened at step %d, note %q", r.Step, r.Note)
	}
	b.Handle(&protocol.Command{Op: protocol.OpPlay})
	for b.Training() && snapshot(t, b).Step < 33 {
		b.Train(time.Millisecond)
	}
	if r := snapshot(t, b); r.Step < 33 || r.Error != "" {
		t.Fatalf("after play: step %d error %q", r.Step, r.Error)
	}
}
