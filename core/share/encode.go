package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"math"

	"github.com/ganplayground/ganplayground/core/gan"
)

// Encode makes the fragment value sharing t's generator: float16 when that
// fits MaxLinkBytes, else int8. When neither fits it returns an error
// matching ErrLinkTooLarge, and Info still describes the smaller attempt so
// that the page can say how large the link would be.
func Encode(t *gan.Trainer) (string, Info, error) {
	s, info, err := EncodeQuant(t, QuantF16)
	if err == nil || info.Bytes <= MaxLinkBytes {
		return s, info, err // fits, or failed for another reason than size
	}
	return EncodeQuant(t, QuantInt8)
}

// EncodeQuant is Encode with the storage chosen by the caller. It refuses
// non-finite weights, and for float16 weights beyond ±65504.
func EncodeQuant(t *gan.Trainer, q Quant) (string, Info, error) {
	if q == QuantAuto {
		return Encode(t)
	}
	s, info, err := encode(t, q)
	if err != nil {
		return "", info, err
	}
	if !info.Fits() {
		return "", info, errorf(ErrLinkTooLarge, "%d bytes (%s, %d parameters), the limit is %d: export a checkpoint file instead",
			info.Bytes, q, info.Params, MaxLinkBytes)
	}
	return s, info, nil
}

// encode writes a link of any length.
func encode(t *gan.Trainer, q Quant) (string, Info, error) {
	info := Info{Version: Version, Quant: q, Step: t.Step, Params: t.G.ParamCount(), Recipe: t.Recipe.String()}
	if q != QuantF16 && q != QuantInt8 {
		return "", info, errorf(ErrLinkModel, "unknown quantisation %v", q)
	}
	var body []byte
	body = append(body, Magic...)
	body = append(body, Version)
	text := t.Recipe.Full()
	body = binary.AppendUvarint(body, uint64(len(text)))
	body = append(body, text...)
	body = binary.AppendUvarint(body, uint64(t.Step))
	body = append(body, byte(q))
	ps := t.G.Params()
	body = append(body, byte(len(ps)))
	for _, p := range ps {
		body = binary.AppendUvarint(body, uint64(p.Rows))
		body = binary.AppendUvarint(body, uint64(p.Cols))
		var maxAbs float32
		for i, v := range p.W {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return "", info, errorf(ErrLinkModel, "%s[%d] is %v: the model has diverged", p.Name, i, v)
			}
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
		switch q {
		case QuantF16:
			if maxAbs > 65504 {
				return "", info, errorf(ErrLinkModel, "%s holds %g, beyond float16", p.Name, maxAbs)
			}
			lo, hi := make([]byte, len(p.W)), make([]byte, len(p.W))
			for i, v := range p.W {
				h := f16(v)
				lo[i], hi[i] = byte(h), byte(h>>8)
			}
			body = append(append(body, lo...), hi...)
		case QuantInt8:
			scale := maxAbs / 127
			body = binary.LittleEndian.AppendUint32(body, math.Float32bits(scale))
			for _, v := range p.W {
				var b int8
				if scale > 0 {
					b = int8(max(-127, min(127, math.RoundToEven(float64(v/scale)))))
				}
				body = append(body, byte(b))
			}
		}
	}
	body = binary.LittleEndian.AppendUint32(body, crc32.ChecksumIEEE(body))
	info.Body = len(body) - len(Magic) - 1

	var out bytes.Buffer
	out.Write(body[:len(Magic)+1])
	zw, _ := flate.NewWriter(&out, flate.BestCompression) // level is valid: no error
	zw.Write(body[len(Magic)+1:])
	zw.Close()
	s := base64.RawURLEncoding.EncodeToString(out.Bytes())
	info.Bytes = len(s)
	return s, info, nil
}
