package ui

import (
	"net/url"
	"strings"
)

// SafeHref returns an address that url.Parse accepts, and whether it had
// to change href. Browsers leave a fragment's '%' as typed, so
// "/#seed=%zz" reaches the page as it is; go-app parses the address on
// every navigation, gets nil from url.Parse and dies. A '%' that does not
// start an escape becomes "%25": the fragment then reads back as typed
// ("seed=%zz"), and the recipe parser names the bad key as it does any
// other bad value. If the address still does not parse, the fragment is
// dropped (the default run).
func SafeHref(href string) (string, bool) {
	if _, err := url.Parse(href); err == nil {
		return href, false
	}
	var b strings.Builder
	for i := 0; i < len(href); i++ {
		if href[i] == '%' && !(i+2 < len(href) && isHex(href[i+1]) && isHex(href[i+2])) {
			b.WriteString("%25")
			continue
		}
		b.WriteByte(href[i])
	}
	if s := b.String(); validURL(s) {
		return s, true
	}
	base, _, _ := strings.Cut(href, "#")
	if validURL(base) {
		return base, true
	}
	return "/", true
}

func validURL(s string) bool { _, err := url.Parse(s); return err == nil }

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
