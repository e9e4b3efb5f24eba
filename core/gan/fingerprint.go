package gan

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"

	"github.com/ganplayground/ganplayground/core/fmath"
	"github.com/ganplayground/ganplayground/core/nn"
	"github.com/ganplayground/ganplayground/core/rng"
)

// Fingerprint identifies a run's weights: the first 16 hex digits of
// SHA-256 over G's parameters then D's, layer by layer, weights then
// biases, each as float32 little-endian.
func Fingerprint(g, d *nn.Net) string {
	h := sha256.New()
	// Bytes go to the hash a block at a time: a Write per weight costs
	// more than the hashing (7 ms for ring8's 51k weights in the browser's
	// worker, at every report).
	var b [4096]byte
	n := 0
	for _, net := range []*nn.Net{g, d} {
		for _, p := range net.Params() {
			for _, v := range p.W {
				binary.LittleEndian.PutUint32(b[n:], math.Float32bits(v))
				if n += 4; n == len(b) {
					h.Write(b[:])
					n = 0
				}
			}
		}
	}
	h.Write(b[:n])
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Fingerprint of the trainer's current weights.
func (t *Trainer) Fingerprint() string { return Fingerprint(t.G, t.D) }

func newRNG(seed uint64) *rng.RNG { return rng.New(seed) }

func sigmoid64(x float64) float64 { return 1 / (1 + fmath.Exp(-x)) }
