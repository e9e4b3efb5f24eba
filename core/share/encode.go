package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"math"

	"github.com/ganplayground/ganplayground/core/gan"
	"github.com/ganplayground/ganplayground/core/nn"
)

// Encode makes the fragment value sharing t's generator, and its
// discriminator too when the link still fits MaxLinkBytes with it (so that
// whoever opens it can train on: see Decode). It prefers, in order: G and
// D as float16, as int8, then G alone as float16, as int8. When nothing
// fits it returns an error matching ErrLinkTooLarge, and Info still
// describes the smallest attempt so that the page can say how large the
// link would be.
func Encode(t *gan.Trainer) (string, Info, error) {
	var s string
	var info Info
	var err error
	for _, withD := range []bool{true, false} {
		for _, q := range []Quant{QuantF16, QuantInt8} {
			s, info, err = encode(t, q, withD)
			if err != nil || info.Fits() {
				return s, info, err // fits, or failed for another reason than size
			}
		}
	}
	return "", info, tooLarge(info)
}

// EncodeQuant is Encode with the storage chosen by the caller: with D when
// that fits, else G alone. It refuses non-finite weights, and for float16
// weights beyond ±65504.
func EncodeQuant(t *gan.Trainer, q Quant) (string, Info, error) {
	if q == QuantAuto {
		return Encode(t)
	}
	s, info, err := encode(t, q, true)
	if err == nil && !info.Fits() {
		s, info, err = encode(t, q, false)
	}
	if err != nil {
		return "", info, err
	}
	if !info.Fits() {
		return "", info, tooLarge(info)
	}
	return s, info, nil
}

func tooLarge(info Info) error {
	return errorf(ErrLinkTooLarge, "%d bytes (%s, %d parameters), the limit is %d: export a checkpoint file instead",
		info.Bytes, info.Quant, info.Params, MaxLinkBytes)
}

// encode writes a link of any length: G, then (withD) D.
func encode(t *gan.Trainer, q Quant, withD bool) (string, Info, error) {
	info := Info{Version: Version, Quant: q, Step: t.Step, Params: t.Sampler().ParamCount(), WithD: withD, Recipe: t.Recipe.String()}
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
	// G's weights as samples are drawn: its average when the recipe keeps one.
	body, err := appendTensors(body, t.Sampler().Params(), q)
	if err != nil {
		return "", info, err
	}
	if !withD {
		body = append(body, 0)
	} else if body, err = appendTensors(append(body, 1), t.D.Params(), q); err != nil {
		return "", info, err
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

// appendTensors writes a network's tensor count, then each tensor: its
// shape and its weights stored as q.
func appendTensors(body []byte, ps []*nn.Param, q Quant) ([]byte, error) {
	body = append(body, byte(len(ps)))
	for _, p := range ps {
		body = binary.AppendUvarint(body, uint64(p.Rows))
		body = binary.AppendUvarint(body, uint64(p.Cols))
		var maxAbs float32
		for i, v := range p.W {
			if math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
				return nil, errorf(ErrLinkModel, "%s[%d] is %v: the model has diverged", p.Name, i, v)
			}
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
		switch q {
		case QuantF16:
			if maxAbs > 65504 {
				return nil, errorf(ErrLinkModel, "%s holds %g, beyond float16", p.Name, maxAbs)
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
	return body, nil
}
