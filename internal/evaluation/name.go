package evaluation

import (
	"strings"
	"unicode"
)

// FoldName folds a kommun name for matching: case and white space are
// ignored, and å, ä, ö (and é, ü, …) match a, a, o, so that "Umea" finds
// "Umeå". Names are still printed as written.
func FoldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.Join(strings.Fields(s), " ")) {
		switch r {
		case 'å', 'ä', 'à', 'á', 'â', 'ã':
			r = 'a'
		case 'ö', 'ø', 'ó', 'ò', 'ô', 'õ':
			r = 'o'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ü', 'ú', 'ù', 'û':
			r = 'u'
		case 'æ':
			b.WriteString("ae")
			continue
		}
		if unicode.IsPrint(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}
