package protocol

import (
	"encoding/binary"
	"encoding/hex"
	"hash/fnv"
	"math"
)

// LinkInfo answers OpShare (a link made from the current G) and OpOpen (a
// link opened), in a KindLink report. A failed share or open leaves it
// empty except Op, and says why in Report.Error.
type LinkInfo struct {
	Op     Op     // OpShare or OpOpen
	Value  string // OpShare: the fragment value; "" when it does not fit
	Bytes  int    // the value's length (or the length it would have)
	Fits   bool   // short enough to share as a link (share.MaxLinkBytes)
	Quant  string // "float16" or "int8"
	Params int    // G's parameters
	Step   int    // G's updates when it was shared
	WithD  bool   // D travels too: the opened model trains on from it, at Step
	Recipe string // the link's recipe, canonical
	// The model a receiver opens, computed by decoding the link: the
	// fingerprint the receiver's status bar shows and SamplesSum of the
	// samples it draws. Equal at both ends means identical samples.
	Fingerprint string
	Samples     string
}

func (l *LinkInfo) append(w *writer) {
	w.u8(uint8(l.Op))
	w.str(l.Value)
	w.int(l.Bytes)
	w.bool(l.Fits)
	w.str(l.Quant)
	w.int(l.Params)
	w.int(l.Step)
	w.bool(l.WithD)
	w.str(l.Recipe)
	w.str(l.Fingerprint)
	w.str(l.Samples)
}

func (l *LinkInfo) decode(r *reader) {
	l.Op = Op(r.u8())
	l.Value = r.str()
	l.Bytes = r.int()
	l.Fits = r.bool()
	l.Quant = r.str()
	l.Params = r.int()
	l.Step = r.int()
	l.WithD = r.bool()
	l.Recipe = r.str()
	l.Fingerprint = r.str()
	l.Samples = r.str()
}

// SamplesSum is a short checksum of the samples a snapshot carries (the
// fake points of a 2-D run, or the MNIST images), for tests and for
// comparing two pages: 16 hex digits of FNV-1a over the float32 bits or
// pixels. "" when the report has no samples.
func SamplesSum(r *Report) string {
	h := fnv.New64a()
	var b [4]byte
	switch {
	case len(r.Fake) > 0:
		for _, v := range r.Fake {
			binary.LittleEndian.PutUint32(b[:], math.Float32bits(v))
			h.Write(b[:])
		}
	case len(r.Images) > 0:
		h.Write(r.Images)
	default:
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}
