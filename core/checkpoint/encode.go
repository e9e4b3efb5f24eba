package checkpoint

import (
	"encoding/binary"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"math"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/optim"
)

// Encode writes t as a checkpoint. It refuses, writing nothing, a trainer
// that Decode would refuse to read back (NaN or Inf in the weights or the
// optimiser state, counts out of step; see valid.go): a diverged run must
// not replace a good file.
func Encode(w io.Writer, t *gan.Trainer) error {
	if err := checkTrainer(t); err != nil {
		return fmt.Errorf("checkpoint: not saving: %w", err)
	}
	return encodeUnchecked(w, t)
}

// encodeUnchecked writes t without checking it (tests use it to make files that
// Decode must refuse).
func encodeUnchecked(w io.Writer, t *gan.Trainer) error {
	rngState, err := t.RNG.MarshalBinary()
	if err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	// Two passes over the same code: the first only counts, so that the
	// header can carry the payload length without buffering the payload.
	count := &writer{}
	writePayload(count, t, rngState)

	out := &writer{w: w, crc: crc32.New(castagnoli)}
	out.bytes([]byte(Magic))
	out.u32(Version)
	out.u64(uint64(count.n))
	writePayload(out, t, rngState)
	if out.err != nil {
		return fmt.Errorf("checkpoint: %w", out.err)
	}
	var sum [4]byte
	binary.LittleEndian.PutUint32(sum[:], out.crc.Sum32())
	if _, err := w.Write(sum[:]); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

func writePayload(e *writer, t *gan.Trainer, rngState []byte) {
	text := t.Recipe.Full()
	e.u32(uint32(len(text)))
	e.bytes([]byte(text))
	e.u64(uint64(t.Step))
	e.u64(uint64(t.DSteps))
	e.u32(uint32(len(rngState)))
	e.bytes(rngState)
	s := t.Stats
	for _, v := range []float64{s.DLoss, s.GLoss, s.DReal, s.DFake} {
		e.f64(finiteOrZero(v))
	}
	for _, net := range t.Nets() {
		ps := net.Params()
		e.u32(uint32(len(ps)))
		for _, p := range ps {
			e.u16(uint16(len(p.Name)))
			e.bytes([]byte(p.Name))
			e.u32(uint32(p.Rows))
			e.u32(uint32(p.Cols))
			e.f32s(p.W)
		}
	}
	for _, o := range []*optim.Optimizer{t.OptG, t.OptD} {
		e.u64(uint64(o.T))
		e.f64(o.Scale)
		e.f64(o.B1T)
		e.f64(o.B2T)
		bufs := o.State()
		e.u32(uint32(len(bufs)))
		for _, b := range bufs {
			e.u32(uint32(len(b)))
			e.f32s(b)
		}
	}
}

// finiteOrZero keeps display-only statistics from making a file unreadable:
// a loss can be Inf on the step before the weights are checked.
func finiteOrZero(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// writer writes little-endian values, feeding the checksum, counting bytes
// and keeping the first error. With w nil it only counts.
type writer struct {
	w   io.Writer
	crc hash.Hash32
	n   int64
	err error
	buf [4096]byte
}

func (e *writer) bytes(b []byte) {
	e.n += int64(len(b))
	if e.w == nil || e.err != nil {
		return
	}
	e.crc.Write(b)
	_, e.err = e.w.Write(b)
}

func (e *writer) u16(v uint16)  { e.bytes(binary.LittleEndian.AppendUint16(e.buf[:0], v)) }
func (e *writer) u32(v uint32)  { e.bytes(binary.LittleEndian.AppendUint32(e.buf[:0], v)) }
func (e *writer) u64(v uint64)  { e.bytes(binary.LittleEndian.AppendUint64(e.buf[:0], v)) }
func (e *writer) f64(v float64) { e.u64(math.Float64bits(v)) }

// f32s writes a tensor through the scratch buffer, a page at a time.
func (e *writer) f32s(vs []float32) {
	if e.w == nil {
		e.n += 4 * int64(len(vs))
		return
	}
	for len(vs) > 0 {
		k := min(len(vs), len(e.buf)/4)
		for i, v := range vs[:k] {
			binary.LittleEndian.PutUint32(e.buf[4*i:], math.Float32bits(v))
		}
		e.bytes(e.buf[:4*k])
		vs = vs[k:]
	}
}
