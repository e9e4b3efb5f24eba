//go:build !(js && wasm)

package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// maxLinks bounds a chain of symbolic links, as the kernel's ELOOP does.
const maxLinks = 40

// outputTarget is the file a write to path must replace. Saving renames a
// temporary file over its target, which would turn a symbolic link into a
// plain file beside its target and replace a device or a FIFO with a
// regular file (as root, -o /dev/null would replace the device node). So a
// link is followed to the file it names — written through, as a plain
// write would — and anything but a regular file, or nothing, is refused.
func outputTarget(path string) (string, error) {
	p := path
	for range maxLinks {
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, nil // a new file (or a dangling link's target, created)
		}
		if err != nil {
			return "", err
		}
		m := fi.Mode()
		switch {
		case m&fs.ModeSymlink != 0:
			next, err := os.Readlink(p)
			if err != nil {
				return "", err
			}
			if !filepath.IsAbs(next) {
				next = filepath.Join(filepath.Dir(p), next)
			}
			p = next
		case m.IsRegular():
			return p, nil
		default:
			return "", fmt.Errorf("%s is %s, not a regular file: refusing to replace it", path, kindOf(m))
		}
	}
	return "", fmt.Errorf("%s: more than %d symbolic links in a row", path, maxLinks)
}

func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}
