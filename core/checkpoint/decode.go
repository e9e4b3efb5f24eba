package checkpoint

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"math"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/optim"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Decode reads a checkpoint written by Encode and rebuilds its trainer from
// the recipe stored in it. The trainer has no data source (Data is nil), so
// that a loaded model can draw samples before its data is ready; call
// Attach with data.New(t.Recipe, …) before training it.
func Decode(r io.Reader) (*gan.Trainer, error) {
	var head [headerLen]byte
	if n, err := io.ReadFull(r, head[:]); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			if k := min(n, len(Magic)); string(head[:k]) != Magic[:k] || n == 0 {
				return nil, errorf(ErrFormat, 0, "not a checkpoint (no magic header)")
			}
			return nil, errorf(ErrFormat, int64(n), "truncated: %d bytes, shorter than a checkpoint header", n)
		}
		return nil, err
	}
	if string(head[:len(Magic)]) != Magic {
		return nil, errorf(ErrFormat, 0, "not a checkpoint (no magic header)")
	}
	version := binary.LittleEndian.Uint32(head[len(Magic):])
	size := binary.LittleEndian.Uint64(head[len(Magic)+4:])
	if size > maxPayload {
		return nil, errorf(ErrFormat, headerLen-8, "payload length %d exceeds the cap of %d bytes", size, maxPayload)
	}
	// ReadAll grows with what is really there: a header that lies about
	// its length costs no more memory than the file holds.
	want := int64(size) + trailerLen
	rest, err := io.ReadAll(io.LimitReader(r, want+1))
	if err != nil {
		return nil, err
	}
	if got := int64(len(rest)); got != want {
		if got < want {
			return nil, errorf(ErrFormat, headerLen+got, "truncated: %d bytes after the header, want %d", got, want)
		}
		return nil, errorf(ErrFormat, headerLen+want, "trailing bytes after the checksum")
	}
	payload := rest[:size]
	crc := crc32.Update(crc32.Checksum(head[:], castagnoli), castagnoli, payload)
	if stored := binary.LittleEndian.Uint32(rest[size:]); stored != crc {
		return nil, errorf(ErrChecksum, headerLen+int64(size), "stored %08x, computed %08x", stored, crc)
	}
	if version != Version {
		return nil, errorf(ErrVersion, int64(len(Magic)), "file is version %d, this build reads version %d", version, Version)
	}
	d := &reader{b: payload, base: headerLen}
	t := d.trainer()
	if d.err != nil {
		return nil, d.err
	}
	if d.off != len(d.b) {
		d.fail("%d unread bytes at the end of the payload", len(d.b)-d.off)
		return nil, d.err
	}
	return t, nil
}

// trainer parses the payload, checking each size against its cap or the
// architecture before using it.
func (d *reader) trainer() *gan.Trainer {
	n := d.u32()
	if d.err == nil && n > recipe.MaxLen {
		return d.failNil("recipe text of %d bytes exceeds the cap of %d", n, recipe.MaxLen)
	}
	text := string(d.bytes(int(n)))
	if d.err != nil {
		return nil
	}
	rc, err := recipe.Parse(text)
	if err != nil {
		return d.failNil("stored %v", err)
	}
	t, err := gan.Build(rc) // allocation bounded by recipe.MaxParams, checked in Parse
	if err != nil {
		return d.failNil("cannot build the stored recipe: %v", err)
	}
	t.Step, t.DSteps = d.count("step"), d.count("dsteps")
	if n := d.u32(); d.err == nil && n > maxRNG {
		return d.failNil("random state of %d bytes exceeds the cap of %d", n, maxRNG)
	} else if err := t.RNG.UnmarshalBinary(d.bytes(int(n))); d.err == nil && err != nil {
		return d.failNil("%v", err)
	}
	t.Stats = gan.Stats{DLoss: d.finite("dloss"), GLoss: d.finite("gloss"), DReal: d.finite("dreal"), DFake: d.finite("dfake")}
	for _, net := range t.Nets() {
		d.net(net)
	}
	d.opt(t.OptG, t.Step, "G")
	d.opt(t.OptD, t.DSteps, "D")
	if d.err != nil {
		return nil
	}
	return t
}

// net reads one network's tensors into the freshly built net, refusing any
// name or shape the stored recipe does not produce.
func (d *reader) net(net *nn.Net) {
	ps := net.Params()
	if n := d.u32(); d.err == nil && int64(n) != int64(len(ps)) {
		d.fail("%d tensors stored, the recipe's network has %d", n, len(ps))
	}
	for _, p := range ps {
		name := string(d.bytes(int(d.u16())))
		rows, cols := d.u32(), d.u32()
		if d.err != nil {
			return
		}
		if name != p.Name || int64(rows) != int64(p.Rows) || int64(cols) != int64(p.Cols) {
			d.fail("tensor %.*q is %d×%d, the recipe wants %s %d×%d", maxName, name, rows, cols, p.Name, p.Rows, p.Cols)
			return
		}
		d.f32s(p.W, p.Name, false)
	}
}

// opt restores one optimiser. T must match the trainer's update count:
// the optimiser and the trainer advance together.
func (d *reader) opt(o *optim.Optimizer, updates int, net string) {
	t := d.count("optimiser T")
	if d.err == nil && t != updates {
		d.fail("optimiser %s has done %d updates, the trainer %d", net, t, updates)
	}
	o.T = t
	o.Scale, o.B1T, o.B2T = d.unit("scale", true), d.unit("b1t", false), d.unit("b2t", false)
	bufs := o.State()
	if n := d.u32(); d.err == nil && int64(n) != int64(len(bufs)) {
		d.fail("optimiser %s: %d buffers stored, %q wants %d", net, n, o.Cfg.Kind, len(bufs))
	}
	params := len(bufs)
	if o.Cfg.Kind == "adam" {
		params /= 2 // State lists every m, then every v
	}
	for i, b := range bufs {
		if n := d.u32(); d.err == nil && int64(n) != int64(len(b)) {
			d.fail("optimiser %s buffer %d has %d values, want %d", net, i, n, len(b))
		}
		d.f32s(b, "optimiser "+net, i >= params) // Adam's second moments are squares
	}
}

// reader walks the payload. After the first error every read returns zero
// values and the error stays; callers check d.err at the points where a
// zero would be acted on.
type reader struct {
	b    []byte
	off  int
	base int64 // file offset of b[0], for error messages
	err  error
}

func (d *reader) fail(format string, args ...any) {
	if d.err == nil {
		d.err = errorf(ErrFormat, d.base+int64(d.off), format, args...)
	}
}

func (d *reader) failNil(format string, args ...any) *gan.Trainer {
	d.fail(format, args...)
	return nil
}

func (d *reader) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b)-d.off {
		d.fail("a field of %d bytes runs past the end of the payload", n)
		return nil
	}
	out := d.b[d.off : d.off+n]
	d.off += n
	return out
}

func (d *reader) u16() uint16 {
	if b := d.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (d *reader) u32() uint32 {
	if b := d.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (d *reader) u64() uint64 {
	if b := d.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (d *reader) count(what string) int {
	v := d.u64()
	if v > maxCount {
		d.fail("%s = %d is out of range", what, v)
		return 0
	}
	return int(v)
}

func (d *reader) finite(what string) float64 {
	v := math.Float64frombits(d.u64())
	if math.IsNaN(v) || math.IsInf(v, 0) {
		d.fail("%s is %v", what, v)
		return 0
	}
	return v
}

// unit reads a product of factors in [0, 1] (decay, β powers); a scale of
// zero would stop learning for good, so it is refused when positive is set.
func (d *reader) unit(what string, positive bool) float64 {
	v := d.finite(what)
	if badUnit(v, positive) {
		d.fail("%s = %v is outside its range", what, v)
	}
	return v
}

// f32s fills dst, refusing NaN, Inf and, when nonNeg, negative values.
func (d *reader) f32s(dst []float32, what string, nonNeg bool) {
	b := d.bytes(4 * len(dst))
	if b == nil {
		return
	}
	for i := range dst {
		v := math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
		if badFloat(v, nonNeg) {
			d.off -= 4 * (len(dst) - i)
			d.fail("%s[%d] is %v", what, i, v)
			return
		}
		dst[i] = v
	}
}
