package protocol

import (
	"errors"
	"math"
	"reflect"
	"testing"
)

func TestCommandRoundTrip(t *testing.T) {
	cases := []Command{
		{Op: OpInit, Recipe: "data=grid25&loss=lsgan", Play: true},
		{Op: OpSet, Key: "lrg", Value: 1e-4},
		{Op: OpSet, Key: "k", Value: 5},
		{Op: OpLayers, Layers: LayerD | LayerArrows},
		{Op: OpMNIST, Data: []byte{1, 2, 3}},
		{Op: OpSlowMo, N: 1},
		{Op: OpLayers, Layers: LayerInterp | LayerNearest},
		{Op: OpEvaluate, N: 2000},
		{Op: OpShare},
		{Op: OpOpen, Link: "R0FOAQ-_x"},
		{Op: OpExportG},
	}
	var got Command
	for _, c := range cases {
		b := AppendCommand(nil, &c)
		if err := DecodeCommand(b, &got); err != nil {
			t.Fatalf("%v: %v", c.Op, err)
		}
		if len(c.Data) == 0 {
			got.Data = nil
		}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("round trip %+v → %+v", c, got)
		}
	}
}

func TestLinkAndFileReportsRoundTrip(t *testing.T) {
	for _, r := range []Report{
		{Kind: KindLink, Link: LinkInfo{Op: OpShare, Value: "R0FOAQ", Bytes: 6, Fits: true, Quant: "float16", Params: 10, Step: 3, WithD: true, Recipe: "seed=2", Fingerprint: "ab", Samples: "cd"}},
		{Kind: KindLink, Error: "share: link is damaged", Link: LinkInfo{Op: OpOpen}},
		{Kind: KindFile, FileName: "g.safetensors", File: []byte{8, 0, 0, 0, 0, 0, 0, 0}},
	} {
		var got Report
		if err := DecodeReport(AppendReport(nil, &r), &got); err != nil {
			t.Fatal(err)
		}
		if len(r.File) == 0 {
			got.File = nil
		}
		if !reflect.DeepEqual(got, r) {
			t.Errorf("round trip\n%+v\n%+v", r, got)
		}
	}
}

func TestSamplesSum(t *testing.T) {
	a := Report{Fake: []float32{1, 2, 3, 4}}
	b := Report{Fake: []float32{1, 2, 3, 4.0000005}}
	if SamplesSum(&a) == "" || SamplesSum(&a) != SamplesSum(&Report{Fake: []float32{1, 2, 3, 4}}) {
		t.Errorf("same samples, sums %q", SamplesSum(&a))
	}
	if SamplesSum(&a) == SamplesSum(&b) {
		t.Errorf("one ulp apart, same sum %q", SamplesSum(&a))
	}
	if SamplesSum(&Report{Images: []byte{1}}) == SamplesSum(&Report{Images: []byte{2}}) || SamplesSum(&Report{}) != "" {
		t.Error("image sums")
	}
}

func TestReportRoundTrip(t *testing.T) {
	r := Report{
		Kind: KindSnapshot, Light: true, Run: 3, Status: Training, Note: "n", Step: 200, DSteps: 400, StepsPerSec: 37.5,
		Fingerprint: "0123456789abcdef", Params: 33000, Recipe: "seed=4",
		History: []Point{{1, 0.5, 0.7, 0.6, 0.4}, {2, 0.4, 0.8, 0.55, 0.45}},
		Extent:  3, Real: []float32{1, 2}, Fake: []float32{-1, float32(math.Inf(1))}, Arrows: []float32{0.1, 0.2},
		GridN: 2, D: []float32{0.1, 0.2, 0.3, 0.4}, DStar: []float32{0.5, 0.5, 0.5, 0.5}, CG: -1.3,
		ManN: 1, Manifold: []float32{0, 0}, ModesHit: 7, ModesTotal: 8, HQ: 0.9, ModeKL: 0.01,
		ImgN: 1, Images: make([]byte, 784),
		Phase: PhaseD, InterpN: 2, Interp: make([]byte, 2*784), NearN: 1, Near: make([]byte, 2*784),
		JSD: 0.02,
		Eval: Eval{State: EvalDone, Progress: 1, Step: 900, Samples: 2000, Tests: 1000, ParzenLL: 212.5, ParzenSE: 2.1, Sigma: 0.17, FD: 9.5,
			Shares: []float32{.1, .1, .1, .1, .1, .1, .1, .1, .1, .1}},
	}
	b := AppendReport(nil, &r)
	var got Report
	for i := 0; i < 2; i++ { // twice: the second decode reuses buffers
		if err := DecodeReport(b, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, r) {
			t.Fatalf("round trip\n%+v\n%+v", r, got)
		}
	}
	allocs := testing.AllocsPerRun(10, func() { _ = DecodeReport(b, &got) })
	if allocs > 7 { // the strings only
		t.Errorf("decode allocates %v times per report", allocs)
	}
}

func TestMalformed(t *testing.T) {
	good := AppendReport(nil, &Report{Kind: KindReady})
	for i := 0; i < len(good); i++ {
		var r Report
		if err := DecodeReport(good[:i], &r); !errors.Is(err, ErrMalformed) {
			t.Fatalf("truncated at %d: err %v", i, err)
		}
	}
	var c Command
	if err := DecodeCommand(good, &c); !errors.Is(err, ErrMalformed) {
		t.Fatal("a report decoded as a command")
	}
	bad := AppendCommand(nil, &Command{Op: 99})
	if err := DecodeCommand(bad, &c); !errors.Is(err, ErrMalformed) {
		t.Fatal("unknown op accepted")
	}
	if err := DecodeCommand(append(AppendCommand(nil, &Command{Op: OpPlay}), 0), &c); !errors.Is(err, ErrMalformed) {
		t.Fatal("trailing bytes accepted")
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(AppendReport(nil, &Report{Kind: KindSnapshot, GridN: 1, D: []float32{1}}))
	f.Add(AppendCommand(nil, &Command{Op: OpInit, Recipe: "x"}))
	f.Add(AppendCommand(nil, &Command{Op: OpOpen, Link: "R0FOAQ"}))
	f.Add(AppendReport(nil, &Report{Kind: KindLink, Link: LinkInfo{Op: OpShare, Value: "R0FOAQ", Fits: true}}))
	f.Add(AppendReport(nil, &Report{Kind: KindFile, FileName: "g.safetensors", File: []byte{1, 2}}))
	f.Fuzz(func(t *testing.T, b []byte) {
		var r Report
		var c Command
		_ = DecodeReport(b, &r)
		_ = DecodeCommand(b, &c)
	})
}
