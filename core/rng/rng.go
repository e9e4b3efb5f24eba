// Package rng is the trainer's single source of randomness: a PCG generator
// (math/rand/v2) whose state marshals into checkpoints, with samplers built
// only from integer arithmetic and core/fmath so that a seed gives the same
// stream natively and under WebAssembly.
//
// Why not rand.Rand's NormFloat64: it calls math.Exp and math.Log, which are
// assembly on amd64 and differ in the last bit from the WASM build.
package rng

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/ganplayground/ganplayground/core/fmath"
)

// RNG is a deterministic random source. The zero value is not usable; call New.
type RNG struct {
	pcg rand.PCG
}

// New seeds a generator. The second PCG word is a fixed odd constant so that
// a single user-facing seed is enough.
func New(seed uint64) *RNG {
	r := &RNG{}
	r.pcg.Seed(seed, 0x9e3779b97f4a7c15)
	return r
}

// Uint64 returns 64 random bits.
func (r *RNG) Uint64() uint64 { return r.pcg.Uint64() }

// Float64 returns a uniform value in [0, 1) with 53 random bits.
func (r *RNG) Float64() float64 {
	return float64(r.pcg.Uint64()>>11) / (1 << 53)
}

// IntN returns a uniform integer in [0, n). It panics if n <= 0
// (programmer error). Lemire's multiply-shift with rejection: unbiased.
func (r *RNG) IntN(n int) int {
	if n <= 0 {
		panic("rng: IntN with n <= 0")
	}
	un := uint64(n)
	for {
		hi, lo := mul64(r.pcg.Uint64(), un)
		if lo >= un || lo >= (-un)%un {
			return int(hi)
		}
	}
}

func mul64(a, b uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	a0, a1 := a&mask32, a>>32
	b0, b1 := b&mask32, b>>32
	w0 := a0 * b0
	t := a1*b0 + w0>>32
	w1 := t&mask32 + a0*b1
	hi = a1*b1 + t>>32 + w1>>32
	lo = a * b
	return
}

// Normal returns a standard normal variate (Marsaglia's polar method; the
// second variate of each pair is dropped so that the state stays the PCG
// state alone).
func (r *RNG) Normal() float64 {
	for {
		u := 2*r.Float64() - 1
		v := 2*r.Float64() - 1
		s := float64(u*u) + float64(v*v)
		if s >= 1 || s == 0 {
			continue
		}
		return u * math.Sqrt(-2*fmath.Log(s)/s) // Sqrt is exactly rounded everywhere
	}
}

// MarshalBinary returns the generator state (for checkpoints).
func (r *RNG) MarshalBinary() ([]byte, error) { return r.pcg.MarshalBinary() }

// UnmarshalBinary restores a state written by MarshalBinary.
func (r *RNG) UnmarshalBinary(b []byte) error {
	if err := r.pcg.UnmarshalBinary(b); err != nil {
		return fmt.Errorf("rng: bad state: %w", err)
	}
	return nil
}
