package protocol

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// ErrMalformed is wrapped by every decoding error.
var ErrMalformed = errors.New("protocol: malformed message")

// maxLen caps any one string or array, so that a corrupt length cannot make
// the decoder allocate gigabytes.
const maxLen = 64 << 20

// writer appends little-endian values to a byte slice.
type writer struct{ b []byte }

func (w *writer) u8(v uint8)   { w.b = append(w.b, v) }
func (w *writer) u32(v uint32) { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *writer) u64(v uint64) { w.b = binary.LittleEndian.AppendUint64(w.b, v) }
func (w *writer) int(v int)    { w.u64(uint64(int64(v))) }
func (w *writer) f64(v float64) {
	w.u64(math.Float64bits(v))
}
func (w *writer) bool(v bool) {
	if v {
		w.u8(1)
	} else {
		w.u8(0)
	}
}
func (w *writer) str(s string) { w.u32(uint32(len(s))); w.b = append(w.b, s...) }
func (w *writer) bytes(p []byte) {
	w.u32(uint32(len(p)))
	w.b = append(w.b, p...)
}
func (w *writer) f32s(p []float32) {
	w.u32(uint32(len(p)))
	for _, v := range p {
		w.b = binary.LittleEndian.AppendUint32(w.b, math.Float32bits(v))
	}
}

// reader consumes what writer wrote. The first error sticks; later reads
// return zero values.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: truncated %s", ErrMalformed, what)
	}
}

func (r *reader) take(n int, what string) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.fail(what)
		return nil
	}
	p := r.b[:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u8() uint8 {
	if p := r.take(1, "byte"); p != nil {
		return p[0]
	}
	return 0
}
func (r *reader) u32() uint32 {
	if p := r.take(4, "uint32"); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}
func (r *reader) u64() uint64 {
	if p := r.take(8, "uint64"); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}
func (r *reader) int() int     { return int(int64(r.u64())) }
func (r *reader) f64() float64 { return math.Float64frombits(r.u64()) }
func (r *reader) bool() bool   { return r.u8() != 0 }
func (r *reader) length() int {
	n := r.u32()
	if n > maxLen {
		r.fail("length")
		return 0
	}
	return int(n)
}
func (r *reader) str() string { return string(r.take(r.length(), "string")) }

// bytesInto decodes a byte array into dst's storage.
func (r *reader) bytesInto(dst []byte) []byte {
	p := r.take(r.length(), "bytes")
	return append(dst[:0], p...)
}

// f32sInto decodes a float32 array into dst's storage.
func (r *reader) f32sInto(dst []float32) []float32 {
	n := r.length()
	p := r.take(4*n, "float32 array")
	dst = dst[:0]
	for i := 0; i+4 <= len(p); i += 4 {
		dst = append(dst, math.Float32frombits(binary.LittleEndian.Uint32(p[i:])))
	}
	return dst
}

func (r *reader) done() error {
	if r.err == nil && len(r.b) != 0 {
		r.err = fmt.Errorf("%w: %d trailing bytes", ErrMalformed, len(r.b))
	}
	return r.err
}
