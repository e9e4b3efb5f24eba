package share

import (
	"errors"
	"fmt"
)

// ErrLink matches every error about a link; the kinds below narrow it.
var ErrLink = errors.New("share: bad link")

// The kinds of bad link, for errors.Is.
var (
	// ErrLinkCorrupt: not base64url, no magic, truncated, trailing bytes,
	// broken compression or a checksum mismatch (a mangled copy-paste).
	ErrLinkCorrupt = errors.New("share: link is damaged")
	// ErrLinkVersion: a well-formed link of a format this build cannot read.
	ErrLinkVersion = errors.New("share: link format version not supported")
	// ErrLinkTooLarge: longer than MaxLinkBytes. Encode returns it too, for
	// a model too large to share as a link.
	ErrLinkTooLarge = errors.New("share: link too large")
	// ErrLinkInflated: a short link whose compressed body inflates past
	// MaxBody — a decompression bomb, never a link a playground writes.
	// It is no longer a link that was pasted with something after it.
	ErrLinkInflated = errors.New("share: link inflates past its cap")
	// ErrLinkRecipe: the recipe inside is not a valid recipe.
	ErrLinkRecipe = errors.New("share: link recipe rejected")
	// ErrLinkModel: the weights do not fit the recipe's generator, or are
	// not finite.
	ErrLinkModel = errors.New("share: link weights rejected")
)

// Error is one reason a link was rejected or could not be made.
type Error struct {
	Kind error // one of the ErrLink… kinds
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%v: %s", e.Kind, e.Msg) }

// Is makes every *Error match ErrLink as well as its kind.
func (e *Error) Is(target error) bool { return target == ErrLink || target == e.Kind }

func errorf(kind error, format string, args ...any) *Error {
	return &Error{Kind: kind, Msg: fmt.Sprintf(format, args...)}
}
