package classify

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
)

// The file: magic, the number of hidden layers and their sizes (uint32
// little-endian), every parameter's float32 values in Params order (the
// shapes follow from the sizes), then a CRC-32C of all that.
const magic = "GPCLASS1"

// ErrFile is wrapped by every error about a damaged or foreign file.
var ErrFile = errors.New("classify: bad classifier file")

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// MarshalBinary encodes the classifier.
func (c *Classifier) MarshalBinary() ([]byte, error) {
	b := []byte(magic)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(c.Hidden)))
	for _, h := range c.Hidden {
		b = binary.LittleEndian.AppendUint32(b, uint32(h))
	}
	for _, p := range c.Net.Params() {
		for _, v := range p.W {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
		}
	}
	return binary.LittleEndian.AppendUint32(b, crc32.Checksum(b, castagnoli)), nil
}

// Unmarshal decodes a classifier written by MarshalBinary, refusing a
// damaged, truncated or foreign file.
func Unmarshal(b []byte) (*Classifier, error) {
	bad := func(format string, a ...any) error {
		return fmt.Errorf("%w: %s", ErrFile, fmt.Sprintf(format, a...))
	}
	if len(b) < len(magic)+8 || string(b[:len(magic)]) != magic {
		return nil, bad("not a classifier file")
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.Checksum(body, castagnoli) != sum {
		return nil, bad("checksum mismatch (damaged file)")
	}
	p := body[len(magic):]
	nh := binary.LittleEndian.Uint32(p)
	p = p[4:]
	if nh < 1 || nh > 8 || len(p) < 4*int(nh) {
		return nil, bad("%d hidden layers", nh)
	}
	hidden := make([]int, nh)
	for i := range hidden {
		hidden[i] = int(binary.LittleEndian.Uint32(p))
		p = p[4:]
		if hidden[i] < 1 || hidden[i] > 4096 {
			return nil, bad("hidden size %d", hidden[i])
		}
	}
	c, err := New(hidden, 0)
	if err != nil {
		return nil, bad("%v", err)
	}
	want := 0
	for _, q := range c.Net.Params() {
		want += len(q.W)
	}
	if len(p) != 4*want {
		return nil, bad("%d bytes of weights, want %d", len(p), 4*want)
	}
	for _, q := range c.Net.Params() {
		for i := range q.W {
			v := math.Float32frombits(binary.LittleEndian.Uint32(p))
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return nil, bad("non-finite weight in %s", q.Name)
			}
			q.W[i] = v
			p = p[4:]
		}
	}
	return c, nil
}
