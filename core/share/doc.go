// Package share turns a trained generator into a link and back: the URL
// fragment `#model=<value>` carries the recipe and G's weights, so that
// opening the link shows the model's samples at once, with no server.
//
// # Format (version 1)
//
// The value is unpadded base64url (RFC 4648 §5) of
//
//	magic "GAN" (3 bytes), version u8 (1),
//	then a raw DEFLATE stream (RFC 1951) of the body:
//
//	body   recipe   uvarint length, recipe.Full() text
//	       step     uvarint, the generator updates done before sharing
//	       quant    u8: 1 = float16, 2 = int8 with a per-tensor scale
//	       tensors  u8 count (= G's tensors), then per tensor:
//	                uvarint rows, uvarint cols,
//	                float16: the rows·cols low bytes, then the high bytes
//	                         (byte planes: the exponent plane compresses)
//	                int8:    f32 scale, then rows·cols int8 values in
//	                         [−127, 127]; a weight is value × scale
//	       crc      CRC-32 (IEEE) u32 of magic, version and the body above
//
// Integers are little-endian. Every v1 value starts with "R0FOA", the
// base64 of "GAN" and of the version byte's top six bits.
//
// Only G travels. Decode builds the whole trainer from the recipe (D, the
// optimisers and the random stream at their seed initialisation) and
// overwrites G's weights, so resuming training from a link continues with a
// fresh discriminator and fresh optimiser state, from step 0. The step the
// sender had reached is reported in Info, for display.
//
// # Precision
//
// float16 rounds each weight to 11 significant bits (relative error
// ≤ 2⁻¹¹); int8 rounds to 1/254 of the tensor's largest magnitude. Encode
// uses float16 when the link fits MaxLinkBytes and falls back to int8. The
// accepted error, over every coordinate of 512 samples from the same noise:
// float16 links stay within 1% of the data's scale of the original G (ring8
// measured 0.0015 for a radius of 2; an MNIST-sized G 0.0004 on [0, 1]);
// int8 links within 5% (ring8 measured 0.06, about 3%). See
// precision_test.go.
//
// # Bundled links
//
// The gallery's models (assets/gallery) are links too, but they ship inside
// the program rather than in a URL: EncodeBundle keeps float16 unless the
// body would inflate past MaxBody (then int8), and DecodeBundle reads
// values up to MaxBundleBytes long. An MNIST generator is hundreds of
// kilobytes, so Decode, which a pasted URL goes through, refuses it.
//
// # Untrusted input
//
// A link is read as hostile: its length is capped before base64 decoding,
// decompression stops at MaxBody bytes, the recipe goes through
// recipe.Parse (every key whitelisted and range-checked), each tensor's
// shape is compared with the recipe's architecture and the body's length
// with the sizes they imply before anything is built, every weight must be
// finite, and a byte too many is as wrong as a byte too few. Every failure
// is an *Error matching ErrLink and one of its kinds with errors.Is; no
// input panics (FuzzDecode).
package share
