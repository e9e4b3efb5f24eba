package data

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
)

// ErrCorrupt matches (errors.Is) every FormatError: a bad magic number, a
// wrong size, a truncated or over-long stream, a failed checksum.
var ErrCorrupt = errors.New("data: corrupt input")

// FormatError says what part of an input is malformed and how.
type FormatError struct {
	What string // "idx images", "asset header", …
	Msg  string
}

func (e *FormatError) Error() string { return "data: " + e.What + ": " + e.Msg }

// Is makes errors.Is(err, ErrCorrupt) true for every FormatError.
func (e *FormatError) Is(target error) bool { return target == ErrCorrupt }

func corrupt(what, format string, args ...any) error {
	return &FormatError{What: what, Msg: fmt.Sprintf(format, args...)}
}

// gzipStream reads exactly one gzip member and nothing else. The standard
// reader would accept concatenated members and ignore what follows a
// payload we stopped reading early; finish closes both holes, and only
// reading to the end makes gzip verify its CRC-32 and length.
type gzipStream struct {
	br *bufio.Reader
	z  *gzip.Reader
}

func openGzip(r io.Reader, what string) (*gzipStream, error) {
	br := bufio.NewReader(r)
	z, err := gzip.NewReader(br)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrHeader) {
			return nil, corrupt(what, "not gzip: %v", err)
		}
		return nil, streamErr(what, err)
	}
	z.Multistream(false)
	return &gzipStream{br: br, z: z}, nil
}

// readFull fills p, turning a short stream into a clear error.
func (g *gzipStream) readFull(p []byte, what string) error {
	if _, err := io.ReadFull(g.z, p); err != nil {
		return streamErr(what, err)
	}
	return nil
}

// streamErr tells bad data (a FormatError) from a failing reader (say, a
// dropped download), which is returned wrapped as it is.
func streamErr(what string, err error) error {
	var flateErr flate.CorruptInputError
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return corrupt(what, "truncated")
	case errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.As(err, &flateErr):
		return corrupt(what, "%v", err)
	}
	return fmt.Errorf("data: %s: %w", what, err)
}

// readN reads exactly n bytes, growing the buffer as the data arrives
// rather than up front: a forged count backed by a few compressed bytes
// then costs a few megabytes, not the whole declared size.
func (g *gzipStream) readN(n int, what string) ([]byte, error) {
	const chunk = 4 << 20
	b := make([]byte, 0, min(n, chunk))
	for len(b) < n {
		k := min(n-len(b), chunk)
		b = slices.Grow(b, k) // amortised doubling
		if err := g.readFull(b[len(b):len(b)+k], what); err != nil {
			return nil, err
		}
		b = b[:len(b)+k]
	}
	return b, nil
}

// finish checks that the payload ends exactly where the header said (which
// also verifies gzip's checksum) and that no bytes follow the member.
func (g *gzipStream) finish(what string) error {
	var one [1]byte
	n, err := io.ReadFull(g.z, one[:])
	switch {
	case n > 0:
		return corrupt(what, "data after the declared end")
	case !errors.Is(err, io.EOF):
		return streamErr(what, err)
	}
	if _, err := g.br.Peek(1); err == nil {
		return corrupt(what, "bytes after the gzip stream")
	} else if !errors.Is(err, io.EOF) {
		return fmt.Errorf("data: %s: %w", what, err)
	}
	return nil
}
