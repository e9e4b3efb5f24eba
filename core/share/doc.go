// Package share turns a trained generator into a link and back: the URL
// fragment `#model=<value>` carries the recipe and G's weights, so that
// opening the link shows the model's samples at once, with no server.
//
// # Format (version 2)
//
// The value is unpadded base64url (RFC 4648 §5) of
//
//	magic "GAN" (3 bytes), version u8 (2),
//	then a raw DEFLATE stream (RFC 1951) of the body:
//
//	body   recipe   uvarint length, recipe.Full() text
//	       step     uvarint, the generator updates done before sharing
//	       quant    u8: 1 = float16, 2 = int8 with a per-tensor scale
//	       G        u8 count (= G's tensors), then per tensor:
//	                uvarint rows, uvarint cols,
//	                float16: the rows·cols low bytes, then the high bytes
//	                         (byte planes: the exponent plane compresses)
//	                int8:    f32 scale, then rows·cols int8 values in
//	                         [−127, 127]; a weight is value × scale
//	       hasD     u8: 0, or 1 when D's tensors follow, stored as G's are
//	       crc      CRC-32 (IEEE) u32 of magic, version and the body above
//
// Integers are little-endian. Every value starts with "R0FO", the base64
// of "GAN". Version 1 is the same without hasD (G only); Decode reads
// both (testdata/links-v1.txt, links-v2.txt).
//
// D travels when the link still fits with it (Encode prefers G and D as
// float16, then as int8, then G alone). Decode builds the whole trainer
// from the recipe and overwrites G's weights, and D's when present; the
// opened trainer then stands at the shared step with both optimisers'
// schedules there (fresh moments and random stream), so training on goes
// on from where the run was. Without D, D, the optimisers and the random
// stream are at their seed initialisation and the step is 0: a fresh D
// pushes the trained G off its modes within a few dozen steps
// (trainon_test.go), which is why D travels whenever it can.
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
// the program rather than in a URL: EncodeBundle includes D when it has
// at most MaxBundleD parameters (the 2-D nets, not MNIST's), keeps float16
// unless the body would inflate past MaxBody (then int8), and DecodeBundle reads
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
