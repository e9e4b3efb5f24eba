package checkpoint

import (
	"errors"
	"fmt"
)

// The kinds of bad checkpoint, for errors.Is.
var (
	ErrFormat   = errors.New("checkpoint: bad format")
	ErrChecksum = errors.New("checkpoint: checksum mismatch")
	ErrVersion  = errors.New("checkpoint: unsupported version")
)

// Error is one reason a checkpoint was rejected: its kind (one of the Err
// values above), where in the file, and what was wrong.
type Error struct {
	Kind   error
	Offset int64 // byte offset in the file where the problem was found
	Msg    string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%v at byte %d: %s", e.Kind, e.Offset, e.Msg)
}

func (e *Error) Unwrap() error { return e.Kind }

func errorf(kind error, off int64, format string, args ...any) *Error {
	return &Error{Kind: kind, Offset: off, Msg: fmt.Sprintf(format, args...)}
}
