// Package termtext makes text from untrusted files safe to print on a
// terminal: control characters (C0 but newline and tab, DEL, C1) and the
// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
// which can retitle a window, erase lines or hide text, are shown as
// escapes (\x1b, \u202e) instead of being printed raw. JSON, CSV and HTML
// outputs escape them in their own ways and do not need this.
package termtext

import (
	"fmt"
	"strings"
)

// Visible is s with every control character but newline and tab written as
// an escape.
func Visible(s string) string { return visible(s, true) }

// Line is s with every control character, newline and tab included,
// written as an escape, for text that must stay on one line.
func Line(s string) string { return visible(s, false) }

func visible(s string, keepLines bool) string {
	i := strings.IndexFunc(s, func(r rune) bool { return hidden(r, keepLines) })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case !hidden(r, keepLines):
			b.WriteRune(r)
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
	}
	return b.String()
}

func hidden(r rune, keepLines bool) bool {
	switch {
	case r == '\n' || r == '\t':
		return !keepLines
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}
