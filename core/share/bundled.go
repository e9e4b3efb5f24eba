package share

import "github.com/ganplayground/ganplayground/core/gan"

// Caps for bundled links: the page's gallery ships its models as link
// values inside the program, and the MNIST ones (a 0.6 MB int8 link for a
// 550k-parameter G, 2.8 MB for the paper's) are far beyond what a URL
// should carry. They are still decoded as untrusted — the same checks,
// with room for the paper's G and no more.
const (
	MaxBundledBytes = 8 << 20
	MaxBundledBody  = 8 << 20
)

// DecodeBundled is Decode for the gallery's bundled links, whose size
// MaxLinkBytes would refuse. A link from a URL always goes through Decode.
func DecodeBundled(s string) (*gan.Trainer, Info, error) {
	return decode(s, MaxBundledBytes, MaxBundledBody)
}

// EncodeBundled makes a link for the gallery: float16 whenever it fits the
// bundled caps (the precision matters more than the size there), else int8.
func EncodeBundled(t *gan.Trainer) (string, Info, error) {
	for _, q := range []Quant{QuantF16, QuantInt8} {
		s, info, err := encode(t, q)
		if err != nil {
			return "", info, err
		}
		if info.Bytes <= MaxBundledBytes && info.Body <= MaxBundledBody {
			return s, info, nil
		}
	}
	return "", Info{}, errorf(ErrLinkTooLarge, "the generator is too large even for a bundled link (%d bytes)", MaxBundledBytes)
}
