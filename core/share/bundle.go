package share

import "github.com/ganplayground/ganplayground/core/gan"

// MaxBundleBytes caps the value of a bundled link: the gallery's models
// (assets/gallery) travel inside the program, not in a URL, so they may be
// longer than MaxLinkBytes; an MNIST generator needs hundreds of kilobytes.
// MaxBody still bounds what they inflate to, and base64 of a body that
// DEFLATE could not shrink (stored blocks add 5 bytes per 64 KiB) stays
// under this.
const MaxBundleBytes = 2 * MaxBody

// EncodeBundle makes a bundled link: the link format, with float16 weights
// when the body fits MaxBody and int8 otherwise. MaxLinkBytes does not
// apply (see MaxBundleBytes). A generator too large even as int8 is an
// error matching ErrLinkTooLarge.
func EncodeBundle(t *gan.Trainer) (string, Info, error) {
	s, info, err := encode(t, QuantF16)
	if err == nil && info.Body > MaxBody {
		s, info, err = encode(t, QuantInt8)
	}
	if err != nil {
		return "", info, err
	}
	if info.Body > MaxBody {
		return "", info, errorf(ErrLinkTooLarge, "%d bytes before compression (%s, %d parameters), the limit is %d",
			info.Body, info.Quant, info.Params, MaxBody)
	}
	return s, info, nil
}

// DecodeBundle opens a bundled link (or any link): Decode with the length
// cap raised to MaxBundleBytes, every other check the same.
func DecodeBundle(s string) (*gan.Trainer, Info, error) {
	return decode(s, MaxBundleBytes, MaxBody)
}
