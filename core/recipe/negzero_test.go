package recipe

import (
	"regexp"
	"strings"
	"testing"
)

var negZero = regexp.MustCompile(`(^|[=,;])-0([&,;]|$)`)

// −0 is the same setting as 0: it must not survive into the recipe text,
// or a continued run restating "gdrop=0" would see a clash with "-0".
func TestNegativeZeroIsNormalised(t *testing.T) {
	for _, text := range []string{"gdrop=-0", "gdrop=-0.0&ddrop=-0e5", "data=custom&points=-0,1;-0.0001,2"} {
		r, err := Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := Parse(strings.NewReplacer("-0.0001", "0", "-0e5", "0", "-0.0", "0", "-0", "0").Replace(text))
		if err != nil {
			t.Fatal(err)
		}
		if r.String() != plain.String() || r.Full() != plain.Full() {
			t.Errorf("%s encodes as %q, the same recipe with 0 as %q", text, r.String(), plain.String())
		}
		if negZero.MatchString(r.Full()) {
			t.Errorf("%s: %q keeps a -0", text, r.Full())
		}
		if r.Get("gdrop") != "0" {
			t.Errorf("%s: gdrop reads %q", text, r.Get("gdrop"))
		}
	}
}

// A key from a file, a link or the command line may carry terminal
// escape sequences; messages show it quoted, never raw.
func TestMessagesQuoteEscapesInKeys(t *testing.T) {
	for _, text := range []string{"\x1b[2Jevil=1", "a\x1b]0;title\x07", "lrg\r=1&lrg\r=2", strings.Repeat("\x1bk", 5000) + "=1"} {
		_, err := Parse(text)
		if err == nil {
			t.Fatalf("%q parsed", text)
		}
		msg := err.Error()
		if strings.ContainsAny(msg, "\x1b\x07\r\n") {
			t.Errorf("message carries raw control characters: %q", msg)
		}
		if !strings.Contains(msg, `\x1b`) && !strings.Contains(msg, `\r`) {
			t.Errorf("message does not show the escape: %q", msg)
		}
		if len(msg) > 1000 {
			t.Errorf("message is %d bytes long", len(msg))
		}
	}
	if _, err := Parse("bogus=1"); err == nil || !strings.HasPrefix(err.Error(), "recipe: bogus: unknown key") {
		t.Errorf("a plain key is shown as typed: %v", err)
	}
}
