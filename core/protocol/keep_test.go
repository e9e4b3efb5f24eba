package protocol

import (
	"errors"
	"reflect"
	"testing"
)

func TestCheckpointMessagesRoundTrip(t *testing.T) {
	for _, c := range []Command{
		{Op: OpCheckpoint, N: 7},
		{Op: OpLoad, N: 8, Data: []byte("\x89GANCKPT...")},
	} {
		var got Command
		if err := DecodeCommand(AppendCommand(nil, &c), &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, c) {
			t.Errorf("round trip %+v → %+v", c, got)
		}
	}
	for _, r := range []Report{
		{Kind: KindCheckpoint, Status: Paused, Checkpoint: CheckpointInfo{Op: OpCheckpoint, Tag: 3, Bytes: []byte{1, 2, 3}, Step: 200,
			Data: "ring8", Recipe: "seed=4", Fingerprint: "0123456789abcdef",
			Metrics: []Metric{{"modes", 7}, {"jsd", 0.02}}, Thumbnail: []byte("\x89PNG")}},
		{Kind: KindCheckpoint, Error: "not a checkpoint", Checkpoint: CheckpointInfo{Op: OpLoad, Tag: 9}},
	} {
		var got Report
		for i := 0; i < 2; i++ { // the second decode reuses buffers
			if err := DecodeReport(AppendReport(nil, &r), &got); err != nil {
				t.Fatal(err)
			}
			norm := got
			if len(r.Checkpoint.Bytes) == 0 {
				norm.Checkpoint.Bytes = nil
			}
			if len(r.Checkpoint.Thumbnail) == 0 {
				norm.Checkpoint.Thumbnail = nil
			}
			if len(r.Checkpoint.Metrics) == 0 {
				norm.Checkpoint.Metrics = nil
			}
			if !reflect.DeepEqual(norm, r) {
				t.Errorf("round trip\n%+v\n%+v", r, norm)
			}
		}
	}
}

// A metric count past the cap is corruption, not an allocation.
func TestCheckpointMetricCap(t *testing.T) {
	r := Report{Kind: KindCheckpoint, Checkpoint: CheckpointInfo{Metrics: make([]Metric, maxMetrics+1)}}
	var got Report
	if err := DecodeReport(AppendReport(nil, &r), &got); !errors.Is(err, ErrMalformed) {
		t.Fatalf("%d metrics: err %v", maxMetrics+1, err)
	}
	if err := DecodeReport(AppendReport(nil, &Report{Kind: kindEnd}), &got); !errors.Is(err, ErrMalformed) {
		t.Fatalf("kind %d accepted", kindEnd)
	}
}
