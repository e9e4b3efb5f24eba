// Package checkpoint saves and restores a whole training run: everything a
// gan.Trainer needs to continue bit-identically, and nothing it can rebuild.
//
// A checkpoint describes itself. The architecture comes from the recipe
// stored inside it, never from the caller's current settings, and every
// tensor is stored with its name and shape so that a file is checked against
// that architecture, not merely read into it.
//
// # Layout (version 1)
//
// All integers little-endian; f32 and f64 are IEEE-754 bit patterns.
//
//	header   magic "\x89GANCKPT" (8 bytes), version u32, payload length u64
//	payload  recipe       u32 length, recipe.Full() text
//	         step         u64   generator updates done
//	         dsteps       u64   discriminator updates done
//	         rng          u32 length, rng.MarshalBinary bytes
//	         stats        4 × f64: last D loss, G loss, mean D(real), D(fake)
//	         G, then D    u32 tensor count, then per tensor:
//	                      u16 name length, name, u32 rows, u32 cols, rows·cols × f32
//	         OptG, OptD   u64 T, f64 Scale, f64 B1T, f64 B2T,
//	                      u32 buffer count, then per buffer: u32 length, length × f32
//	trailer  CRC-32C (Castagnoli) u32 of header and payload
//
// The header is the frame of every version: magic, length and checksum are
// checked first, the version after them, so that a flipped bit reads as
// corruption and only a well-formed newer file reads as a version problem.
//
// Decoding is strict: sizes are checked against caps and against the
// architecture before anything is allocated for them, every number must be
// finite, and a byte too many is as wrong as a byte too few. Errors are
// *Error values that match ErrFormat, ErrChecksum or ErrVersion with
// errors.Is; no input makes Decode panic (FuzzDecode checks it).
package checkpoint
