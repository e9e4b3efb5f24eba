package export

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

// Tensor is one named float32 array in row-major order.
type Tensor struct {
	Name  string
	Shape []int
	Data  []float32
}

// ErrExport wraps every error of this package.
var ErrExport = errors.New("export")

// headerEntry is one tensor's line in the header.
type headerEntry struct {
	Dtype   string `json:"dtype"`
	Shape   []int  `json:"shape"`
	Offsets [2]int `json:"data_offsets"`
}

// Safetensors encodes tensors, in the given order, with meta as
// "__metadata__". Names must be unique, non-empty and not "__metadata__";
// each shape's product must equal its data's length.
func Safetensors(tensors []Tensor, meta map[string]string) ([]byte, error) {
	header := map[string]any{}
	if len(meta) > 0 {
		header["__metadata__"] = meta
	}
	off := 0
	for _, t := range tensors {
		if t.Name == "" || t.Name == "__metadata__" {
			return nil, fmt.Errorf("%w: bad tensor name %q", ErrExport, t.Name)
		}
		if _, dup := header[t.Name]; dup {
			return nil, fmt.Errorf("%w: tensor %q twice", ErrExport, t.Name)
		}
		n := 1
		for _, d := range t.Shape {
			if d < 0 {
				return nil, fmt.Errorf("%w: %s has shape %v", ErrExport, t.Name, t.Shape)
			}
			n *= d
		}
		if n != len(t.Data) {
			return nil, fmt.Errorf("%w: %s has shape %v (%d values) but %d values", ErrExport, t.Name, t.Shape, n, len(t.Data))
		}
		shape := t.Shape
		if shape == nil {
			shape = []int{} // a scalar: JSON [] rather than null
		}
		header[t.Name] = headerEntry{Dtype: "F32", Shape: shape, Offsets: [2]int{off, off + 4*n}}
		off += 4 * n
	}
	js, err := json.Marshal(header) // map keys come out sorted: stable files
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrExport, err)
	}
	// The reference implementation pads the header with spaces to a
	// multiple of 8, so the data (and every F32 in it) is aligned when the
	// file is memory-mapped.
	for len(js)%8 != 0 {
		js = append(js, ' ')
	}
	out := make([]byte, 0, 8+len(js)+off)
	out = binary.LittleEndian.AppendUint64(out, uint64(len(js)))
	out = append(out, js...)
	for _, t := range tensors {
		for _, v := range t.Data {
			out = binary.LittleEndian.AppendUint32(out, math.Float32bits(v))
		}
	}
	return out, nil
}
