package share

import "github.com/ganplayground/ganplayground/core/gan"

// MaxBundleBytes caps the value of a bundled link: the gallery's models
// (assets/gallery) travel inside the program, not in a URL, so they may be
// longer than MaxLinkBytes; an MNIST generator needs hundreds of kilobytes.
// MaxBody still bounds what they inflate to, and base64 of a body that
// DEFLATE could not shrink (stored blocks add 5 bytes per 64 KiB) stays
// under this.
const MaxBundleBytes = 2 * MaxBody

// MaxBundleD is the largest D (in parameters) a bundled link carries. The
// 2-D gallery nets' D (tens of thousands) travel, so that training on from
// a gallery model starts from its D; an MNIST D would add hundreds of
// kilobytes to the page's download, and its G opens without it.
const MaxBundleD = 100_000

// EncodeBundle makes a bundled link: the link format, with D when it has
// at most MaxBundleD parameters, float16 weights when the body fits
// MaxBody and int8 otherwise. MaxLinkBytes does not apply (see
// MaxBundleBytes). A model too large even as int8 is an error matching
// ErrLinkTooLarge.
func EncodeBundle(t *gan.Trainer) (string, Info, error) {
	withD := t.D.ParamCount() <= MaxBundleD
	s, info, err := encode(t, QuantF16, withD)
	if err == nil && info.Body > MaxBody {
		s, info, err = encode(t, QuantInt8, withD)
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
