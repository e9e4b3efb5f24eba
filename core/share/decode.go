package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"io"
	"math"
	"strings"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/recipe"
)

// Decode opens a link: it rebuilds the trainer from the recipe inside and
// restores G's weights, and D's when the link carries them (Info.WithD);
// Data is nil (Attach a source before training). With D, the trainer
// stands at the shared step with both optimisers' schedules there too
// (fresh moments: gan.Trainer.ContinueAt), so training on goes on from
// where the run was. Without D (a version 1 link, or one too large for
// D), D, the optimisers and the random stream are at their seed
// initialisation and Step is 0: training on starts a fresh D, against
// which the trained G first loses its shape. The value may come with its
// "model=" key or a leading '#'.
func Decode(s string) (*gan.Trainer, Info, error) {
	return decode(s, MaxLinkBytes, MaxBody)
}

// decode is Decode with its caps as parameters, so that tests can open the
// over-long links of MNIST-sized models.
func decode(s string, maxLink, maxBody int) (*gan.Trainer, Info, error) {
	var info Info
	if v, ok := FromFragment(s); ok {
		s = v
	}
	s = strings.TrimSpace(s)
	if len(s) > maxLink {
		return nil, info, errorf(ErrLinkTooLarge, "%d bytes, the limit is %d", len(s), maxLink)
	}
	info.Bytes = len(s)
	raw, err := base64.RawURLEncoding.Strict().DecodeString(s)
	if err != nil {
		return nil, info, errorf(ErrLinkCorrupt, "not base64url: %v", err)
	}
	if len(raw) < len(Magic)+1 || string(raw[:len(Magic)]) != Magic {
		return nil, info, errorf(ErrLinkCorrupt, "not a model link (no %q header)", Magic)
	}
	info.Version = int(raw[len(Magic)])
	if info.Version == 0 {
		// No playground ever wrote version 0: not a newer format, a bad byte.
		return nil, info, errorf(ErrLinkCorrupt, "format version 0 does not exist")
	}
	if info.Version > Version {
		return nil, info, errorf(ErrLinkVersion, "link is format version %d, this page reads versions 1 to %d", info.Version, Version)
	}
	in := bytes.NewReader(raw[len(Magic)+1:])
	zr := flate.NewReader(in)
	body, err := io.ReadAll(io.LimitReader(zr, int64(maxBody)+1))
	if err != nil {
		return nil, info, errorf(ErrLinkCorrupt, "bad compressed data: %v", err)
	}
	if len(body) > maxBody {
		return nil, info, errorf(ErrLinkInflated, "%d bytes inflate past the cap of %d bytes; no playground makes such a link", len(s), maxBody)
	}
	if in.Len() != 0 {
		return nil, info, errorf(ErrLinkCorrupt, "%d bytes after the compressed data", in.Len())
	}
	info.Body = len(body)
	if len(body) < 4 {
		return nil, info, errorf(ErrLinkCorrupt, "truncated: %d bytes of body", len(body))
	}
	crc := crc32.Update(crc32.ChecksumIEEE(raw[:len(Magic)+1]), crc32.IEEETable, body[:len(body)-4])
	if stored := binary.LittleEndian.Uint32(body[len(body)-4:]); stored != crc {
		return nil, info, errorf(ErrLinkCorrupt, "checksum mismatch (stored %08x, computed %08x)", stored, crc)
	}
	d := &reader{b: body[:len(body)-4]}
	t := d.trainer(&info)
	if d.err != nil {
		return nil, info, d.err
	}
	return t, info, nil
}

// reader walks a body; after the first error every read returns zero.
type reader struct {
	b   []byte
	off int
	err error
}

func (d *reader) fail(kind error, format string, args ...any) {
	if d.err == nil {
		d.err = errorf(kind, "at body byte %d: "+format, append([]any{d.off}, args...)...)
	}
}

func (d *reader) bytes(n uint64) []byte {
	if d.err != nil {
		return nil
	}
	if n > uint64(len(d.b)-d.off) {
		d.fail(ErrLinkCorrupt, "a field of %d bytes runs past the end", n)
		return nil
	}
	out := d.b[d.off : d.off+int(n)]
	d.off += int(n)
	return out
}

func (d *reader) uvarint(limit uint64, what string) int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail(ErrLinkCorrupt, "bad %s", what)
		return 0
	}
	d.off += n
	if v > limit {
		d.fail(ErrLinkCorrupt, "%s = %d exceeds %d", what, v, limit)
		return 0
	}
	return int(v)
}

func (d *reader) trainer(info *Info) *gan.Trainer {
	text := d.bytes(uint64(d.uvarint(recipe.MaxLen, "recipe length")))
	if d.err != nil {
		return nil
	}
	rc, err := recipe.Parse(string(text))
	if err != nil {
		d.fail(ErrLinkRecipe, "%v", err)
		return nil
	}
	info.Recipe = rc.String()
	info.Step = d.uvarint(1<<53, "step")
	q := Quant(0)
	if b := d.bytes(1); b != nil {
		q = Quant(b[0])
	}
	info.Quant = q
	if d.err == nil && q != QuantF16 && q != QuantInt8 {
		d.fail(ErrLinkModel, "unknown quantisation %d", q)
	}
	// Check every shape and the exact length they imply before building
	// (and allocating) anything.
	gWant := gShapes(rc)
	var dWant []shape
	gStart, params := d.skipTensors(q, gWant, "generator")
	info.Params = params
	dStart := 0
	if info.Version >= 2 {
		switch b := d.bytes(1); {
		case b == nil:
		case b[0] == 1:
			info.WithD, dWant = true, dShapes(rc)
			dStart, _ = d.skipTensors(q, dWant, "discriminator")
		case b[0] != 0:
			d.fail(ErrLinkCorrupt, "discriminator flag %d, want 0 or 1", b[0])
		}
	}
	if d.err != nil {
		return nil
	}
	if d.off != len(d.b) {
		d.fail(ErrLinkCorrupt, "%d bytes after the last tensor", len(d.b)-d.off)
		return nil
	}
	t, err := gan.Build(rc)
	if err != nil {
		d.fail(ErrLinkRecipe, "%v", err)
		return nil
	}
	d.off = gStart
	d.readTensors(q, t.G.Params(), gWant)
	t.ResetAverage() // a shared average becomes the opened G and its average
	if info.WithD {
		d.off = dStart
		d.readTensors(q, t.D.Params(), dWant)
	}
	if d.err != nil {
		return nil
	}
	if info.WithD {
		// G and D as the run left them: train on at its rates (see
		// gan.Trainer.ContinueAt).
		t.ContinueAt(info.Step)
	} else {
		t.Step = 0 // a fresh D: everything starts afresh (see Decode)
	}
	return t
}

// skipTensors checks a network's tensor count and shapes against want and
// steps over their data (the exact length the shapes imply), allocating
// nothing; it returns where the first tensor starts and the parameter
// count.
func (d *reader) skipTensors(q Quant, want []shape, what string) (start, params int) {
	if b := d.bytes(1); b != nil && int(b[0]) != len(want) {
		d.fail(ErrLinkModel, "%d tensors, the recipe's %s has %d", b[0], what, len(want))
	}
	start = d.off
	for i, w := range want {
		rows, cols := d.uvarint(1<<24, "rows"), d.uvarint(1<<24, "cols")
		if d.err != nil {
			return start, params
		}
		if rows != w.rows || cols != w.cols {
			d.fail(ErrLinkModel, "%s tensor %d is %d×%d, the recipe wants %d×%d", what, i, rows, cols, w.rows, w.cols)
			return start, params
		}
		params += rows * cols
		d.bytes(uint64(dataLen(q, rows*cols))) // skipped: readTensors reads it
	}
	return start, params
}

// readTensors fills a built network's parameters from the tensors that
// skipTensors checked (d.off at their start).
func (d *reader) readTensors(q Quant, ps []*nn.Param, want []shape) {
	if len(ps) != len(want) {
		d.fail(ErrLinkModel, "internal: built %d tensors, expected %d", len(ps), len(want))
		return
	}
	for i, p := range ps {
		d.uvarint(1<<24, "rows")
		d.uvarint(1<<24, "cols")
		if p.Rows != want[i].rows || p.Cols != want[i].cols {
			d.fail(ErrLinkModel, "internal: built %s is %d×%d, expected %d×%d", p.Name, p.Rows, p.Cols, want[i].rows, want[i].cols)
			return
		}
		d.tensor(q, p.W, p.Name)
	}
}

func dataLen(q Quant, n int) int {
	if q == QuantF16 {
		return 2 * n
	}
	return 4 + n
}

// tensor fills dst, refusing NaN and Inf.
func (d *reader) tensor(q Quant, dst []float32, name string) {
	b := d.bytes(uint64(dataLen(q, len(dst))))
	if b == nil {
		return
	}
	n := len(dst)
	switch q {
	case QuantF16:
		lo, hi := b[:n], b[n:]
		for i := range dst {
			v := f32(uint16(lo[i]) | uint16(hi[i])<<8)
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				d.fail(ErrLinkModel, "%s[%d] is %v", name, i, v)
				return
			}
			dst[i] = v
		}
	case QuantInt8:
		scale := math.Float32frombits(binary.LittleEndian.Uint32(b))
		if math.IsNaN(float64(scale)) || math.IsInf(float64(scale), 0) || scale < 0 || scale > 1e30 {
			d.fail(ErrLinkModel, "%s has scale %v", name, scale)
			return
		}
		for i, c := range b[4:] {
			if int8(c) == -128 {
				d.fail(ErrLinkModel, "%s[%d] is −128, outside [−127, 127]", name, i)
				return
			}
			dst[i] = float32(int8(c)) * scale
		}
	}
}
