// Package termtext makes text from untrusted files safe to print on a
// terminal: control characters (C0 but newline and tab, DEL, C1) and the
// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069),
// which can retitle a window, erase lines or hide text, are shown as
// escapes (\x1b, \u202e) instead of being printed raw. It is the one
// place of that rule: the command line writes all its text for people
// through Writer (internal/cli), and JSON escapes the same characters
// (internal/encode, with Hidden); HTML is escaped by its templates.
package termtext

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Visible is s with every control character but newline and tab written as
// an escape.
func Visible(s string) string { return visible(s, true) }

// Line is s with every control character, newline and tab included,
// written as an escape, for text that must stay on one line.
func Line(s string) string { return visible(s, false) }

// visible escapes what hidden says, and every byte that is not part of a
// valid UTF-8 character: a terminal that reads bytes, not UTF-8, takes
// 0x9b alone for a control character.
func visible(s string, keepLines bool) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r == utf8.RuneError || hidden(r, keepLines) })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for s = s[i:]; s != ""; {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case !hidden(r, keepLines):
			b.WriteString(s[:n])
		case r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		s = s[n:]
	}
	return b.String()
}

func hidden(r rune, keepLines bool) bool {
	if r == '\n' || r == '\t' {
		return !keepLines
	}
	return Hidden(r)
}

// Hidden reports whether a terminal would act on r rather than show it:
// a C0 control character (newline and tab included), DEL, a C1 control
// character, or a bidirectional override or isolate.
func Hidden(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Writer writes through to w what Visible makes of it. A character split
// across two writes is held back until it is whole, so that no escape
// sequence reaches w in pieces; Flush writes what is held back.
type Writer struct {
	w    io.Writer
	held []byte // the start of a character, at most utf8.UTFMax-1 bytes
}

// NewWriter returns a Writer to w; a Writer given again is returned as
// it is.
func NewWriter(w io.Writer) *Writer {
	if tw, ok := w.(*Writer); ok {
		return tw
	}
	return &Writer{w: w}
}

// Write writes p with its control characters as escapes. It reports p
// as written whole.
func (t *Writer) Write(p []byte) (int, error) {
	data := p
	if len(t.held) > 0 {
		data = append(t.held, p...)
		t.held = nil
	}
	// Hold back a character that is not complete yet.
	for i := 1; i < utf8.UTFMax && i <= len(data); i++ {
		c := data[len(data)-i]
		if c < 0x80 {
			break
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(data[len(data)-i:]) {
				t.held = append([]byte(nil), data[len(data)-i:]...)
				data = data[:len(data)-i]
			}
			break
		}
	}
	if _, err := io.WriteString(t.w, Visible(string(data))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Unwrap is the writer t writes to.
func (t *Writer) Unwrap() io.Writer { return t.w }

// Flush writes what is held back of a character that never became whole.
func (t *Writer) Flush() error {
	if len(t.held) == 0 {
		return nil
	}
	held := t.held
	t.held = nil
	_, err := io.WriteString(t.w, Visible(string(held)))
	return err
}
