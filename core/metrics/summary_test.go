package metrics

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/ganplayground/ganplayground/core/data"
	"github.com/ganplayground/ganplayground/core/rng"
)

func TestSummary2DJSON(t *testing.T) {
	s, err := Summary2D(data.Ring8(), draw(data.Ring8(), 1000, 4))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, k := range []string{"modes", "modes_total", "hq", "mode_kl", "jsd"} {
		if _, ok := m[k]; ok {
			keys = append(keys, k)
		}
	}
	if len(m) != 5 || len(keys) != 5 {
		t.Fatalf("JSON %s, want exactly modes, modes_total, hq, mode_kl, jsd", b)
	}
	if !reflect.DeepEqual(m["modes"], 8.0) || s.JSD > 0.01 {
		t.Fatalf("data scored as %s", b)
	}
}

// A generator collapsed onto one mode of ring8.
func ExampleSummary2D() {
	ring := data.Ring8()
	collapsed := &data.Mixture{Means: ring.Means[:1], Std: ring.Std}
	samples := make([]float32, 2*2500)
	collapsed.Sample(rng.New(1), samples, 2500)
	s, err := Summary2D(ring, samples)
	if err != nil {
		panic(err)
	}
	fmt.Printf("modes %d/%d, high quality %.2f, JSD %.2f nats\n", s.Hit, s.Total, s.HQ, s.JSD)
	// Output: modes 1/8, high quality 0.99, JSD 0.50 nats
}
