package share

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
)

// The page words each kind of refusal for people: "too long" asks whether
// something was pasted after the link, "version" says a newer playground
// made it. A decompression bomb is neither long nor pasted-after, and no
// playground, older or newer, writes version 0: neither may carry those
// kinds.
func TestRefusalKindsSayWhatHappened(t *testing.T) {
	var bomb bytes.Buffer
	bomb.WriteString(Magic + "\x02")
	zw, _ := flate.NewWriter(&bomb, flate.BestCompression)
	zw.Write(make([]byte, MaxBody+1))
	zw.Close()
	link := base64.RawURLEncoding.EncodeToString(bomb.Bytes())
	_, _, err := Decode(link)
	if !errors.Is(err, ErrLinkInflated) || errors.Is(err, ErrLinkTooLarge) || !strings.Contains(err.Error(), "inflate") {
		t.Errorf("a %d-byte bomb: %v; want ErrLinkInflated, not ErrLinkTooLarge", len(link), err)
	}
	tiny := "g=3&d=3&z=2"
	_, _, err = Decode(seal(0, body(tiny, 1, f16Tensors(tiny, 0x3c00))))
	if errors.Is(err, ErrLinkVersion) || !errors.Is(err, ErrLinkCorrupt) || !strings.Contains(err.Error(), "version 0") {
		t.Errorf("version 0: %v; want ErrLinkCorrupt naming version 0", err)
	}
	_, _, err = Decode(seal(Version+1, body(tiny, 1, f16Tensors(tiny, 0x3c00))))
	if !errors.Is(err, ErrLinkVersion) {
		t.Errorf("version %d: %v; want ErrLinkVersion", Version+1, err)
	}
}
