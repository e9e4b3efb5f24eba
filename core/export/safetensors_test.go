package export

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"sort"
	"testing"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// parsed is a safetensors file read back by an independent reader that
// checks every rule of the format's specification.
type parsed struct {
	meta    map[string]string
	tensors map[string]Tensor
	order   []string // by data offset
}

func readSafetensors(t *testing.T, b []byte) parsed {
	t.Helper()
	if len(b) < 8 {
		t.Fatalf("%d bytes: no header length", len(b))
	}
	n := binary.LittleEndian.Uint64(b)
	if n%8 != 0 {
		t.Errorf("header length %d is not a multiple of 8", n)
	}
	if uint64(len(b)-8) < n {
		t.Fatalf("header length %d, file has %d bytes after it", n, len(b)-8)
	}
	hdr := b[8 : 8+n]
	if hdr[0] != '{' {
		t.Errorf("header starts with %q, want '{'", hdr[0])
	}
	trimmed := bytes.TrimRight(hdr, " ")
	if trimmed[len(trimmed)-1] != '}' {
		t.Errorf("header is padded with something else than spaces: %q", hdr[len(trimmed)-1:])
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(hdr, &raw); err != nil {
		t.Fatalf("header is not JSON: %v", err)
	}
	data := b[8+n:]
	p := parsed{tensors: map[string]Tensor{}}
	type span struct {
		name       string
		begin, end int
	}
	var spans []span
	for name, v := range raw {
		if name == "__metadata__" {
			if err := json.Unmarshal(v, &p.meta); err != nil {
				t.Fatalf("__metadata__ is not a string map: %v", err)
			}
			continue
		}
		var e struct {
			Dtype   string `json:"dtype"`
			Shape   []int  `json:"shape"`
			Offsets []int  `json:"data_offsets"`
		}
		dec := json.NewDecoder(bytes.NewReader(v))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if e.Dtype != "F32" || len(e.Offsets) != 2 || e.Shape == nil {
			t.Fatalf("%s: %s", name, v)
		}
		count := 1
		for _, d := range e.Shape {
			count *= d
		}
		if e.Offsets[1]-e.Offsets[0] != 4*count {
			t.Fatalf("%s: offsets %v for shape %v", name, e.Offsets, e.Shape)
		}
		if e.Offsets[0] < 0 || e.Offsets[1] > len(data) {
			t.Fatalf("%s: offsets %v outside the %d data bytes", name, e.Offsets, len(data))
		}
		vals := make([]float32, count)
		for i := range vals {
			vals[i] = math.Float32frombits(binary.LittleEndian.Uint32(data[e.Offsets[0]+4*i:]))
		}
		p.tensors[name] = Tensor{Name: name, Shape: e.Shape, Data: vals}
		spans = append(spans, span{name, e.Offsets[0], e.Offsets[1]})
	}
	// The buffer is fully indexed: no holes, no overlaps, nothing after.
	sort.Slice(spans, func(i, j int) bool { return spans[i].begin < spans[j].begin })
	at := 0
	for _, s := range spans {
		if s.begin != at {
			t.Fatalf("%s starts at %d, the previous tensor ended at %d", s.name, s.begin, at)
		}
		at = s.end
		p.order = append(p.order, s.name)
	}
	if at != len(data) {
		t.Fatalf("tensors cover %d bytes, the buffer has %d", at, len(data))
	}
	return p
}

func TestSafetensorsLayout(t *testing.T) {
	ts := []Tensor{
		{Name: "a", Shape: []int{2, 3}, Data: []float32{1, 2, 3, 4, 5, 6}},
		{Name: "b", Shape: []int{1}, Data: []float32{-0.5}},
		{Name: "s", Shape: []int{}, Data: []float32{7}},
	}
	b, err := Safetensors(ts, map[string]string{"k": "v"})
	if err != nil {
		t.Fatal(err)
	}
	// The exact bytes, checked by hand against the specification.
	hdr := `{"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"b":{"dtype":"F32","shape":[1],"data_offsets":[24,28]},"s":{"dtype":"F32","shape":[],"data_offsets":[28,32]}}`
	for len(hdr)%8 != 0 {
		hdr += " "
	}
	if n := binary.LittleEndian.Uint64(b); int(n) != len(hdr) || string(b[8:8+n]) != hdr {
		t.Fatalf("header %d %q\nwant %d %q", n, b[8:8+n], len(hdr), hdr)
	}
	if got := b[8+len(hdr):]; len(got) != 32 || binary.LittleEndian.Uint32(got[24:]) != math.Float32bits(-0.5) {
		t.Fatalf("data % x", got)
	}
	p := readSafetensors(t, b)
	if p.meta["k"] != "v" || len(p.tensors) != 3 || p.tensors["a"].Data[5] != 6 {
		t.Fatalf("read back %+v", p)
	}
}

func TestSafetensorsRejects(t *testing.T) {
	for _, ts := range [][]Tensor{
		{{Name: "", Shape: []int{1}, Data: []float32{1}}},
		{{Name: "__metadata__", Shape: []int{1}, Data: []float32{1}}},
		{{Name: "a", Shape: []int{1}, Data: []float32{1}}, {Name: "a", Shape: []int{1}, Data: []float32{1}}},
		{{Name: "a", Shape: []int{2, 2}, Data: []float32{1, 2, 3}}},
		{{Name: "a", Shape: []int{-1, -1}, Data: []float32{1}}},
	} {
		if _, err := Safetensors(ts, nil); !errors.Is(err, ErrExport) {
			t.Errorf("%+v: err %v", ts, err)
		}
	}
}

// TestGeneratorRunsAsDocumented reads the exported file back, runs the
// net the way the metadata says (x @ W.T + b, activations) and checks that
// it computes what the trainer's G computes.
func TestGeneratorRunsAsDocumented(t *testing.T) {
	for _, text := range []string{"", "data=grid25&g=32,16,8&gact=tanh&z=3", "data=mnist&z=8&g=16&d=16&batch=8"} {
		rc, err := recipe.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := gan.Build(rc)
		if err != nil {
			t.Fatal(err)
		}
		b, err := GeneratorSafetensors(tr)
		if err != nil {
			t.Fatal(err)
		}
		p := readSafetensors(t, b)
		if p.meta["recipe"] != rc.Full() || p.meta["fingerprint"] != tr.Fingerprint() {
			t.Errorf("%q: metadata %v", text, p.meta)
		}
		layers := len(rc.G) + 1
		if len(p.tensors) != 2*layers {
			t.Fatalf("%q: %d tensors, want %d: %v", text, len(p.tensors), 2*layers, p.order)
		}
		const rows = 5
		z := make([]float32, rows*rc.Z)
		for i := range z {
			z[i] = float32(math.Sin(float64(i)))
		}
		want := tr.Generate(z, rows)
		x := z
		for l := 0; l < layers; l++ {
			w := p.tensors["g."+itoa(l)+".weight"]
			bias := p.tensors["g."+itoa(l)+".bias"]
			out, in := w.Shape[0], w.Shape[1]
			if bias.Shape[0] != out {
				t.Fatalf("layer %d: weight %v, bias %v", l, w.Shape, bias.Shape)
			}
			y := make([]float32, rows*out)
			for r := 0; r < rows; r++ {
				for o := 0; o < out; o++ {
					s := bias.Data[o]
					for i := 0; i < in; i++ {
						s += x[r*in+i] * w.Data[o*in+i]
					}
					y[r*out+o] = s
				}
			}
			switch {
			case l < layers-1:
				y = append([]float32(nil), nn.NewAct(rc.GAct, out).Forward(y, rows, false)...)
			case rc.DataDim() != 2:
				y = append([]float32(nil), nn.NewAct("sigmoid", out).Forward(y, rows, false)...)
			}
			x = y
		}
		if len(x) != len(want) {
			t.Fatalf("%q: %d outputs, want %d", text, len(x), len(want))
		}
		for i := range x {
			// Summation order differs from the trainer's kernels: equal to
			// float32 rounding, not bit for bit.
			if d := math.Abs(float64(x[i] - want[i])); d > 1e-4*(1+math.Abs(float64(want[i]))) {
				t.Fatalf("%q: output %d is %g, G computes %g", text, i, x[i], want[i])
			}
		}
	}
}

func itoa(i int) string { return string(rune('0' + i)) }
