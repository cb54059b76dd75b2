package termtext

import (
	"strings"
	"testing"
)

func TestVisible(t *testing.T) {
	for _, tc := range []struct{ in, visible, line string }{
		{"Umeå 2007", "Umeå 2007", "Umeå 2007"},
		{"a\x1b]0;titel\x07b", `a\x1b]0;titel\x07b`, `a\x1b]0;titel\x07b`},
		{"rad\r\x1b[2K", `rad\x0d\x1b[2K`, `rad\x0d\x1b[2K`},
		{"två\nrader\t", "två\nrader\t", `två\x0arader\x09`},
		{"\u009b31m\u007f", `\x9b31m\x7f`, `\x9b31m\x7f`},
		{"abc\u202edcba\u2066x\u2069", `abc\u202edcba\u2066x\u2069`, `abc\u202edcba\u2066x\u2069`},
		{"8 bitar: \x9b31m, \xc3", `8 bitar: \x9b31m, \xc3`, `8 bitar: \x9b31m, \xc3`},
		{"ersatt \ufffd tecken", "ersatt \ufffd tecken", "ersatt \ufffd tecken"},
	} {
		if got := Visible(tc.in); got != tc.visible {
			t.Errorf("Visible(%q) = %q, want %q", tc.in, got, tc.visible)
		}
		if got := Line(tc.in); got != tc.line {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.line)
		}
	}
}

// TestWriter: what goes through a Writer is what Visible makes of it,
// however it is cut into writes — also inside a character, where a C1
// control (U+009B, two bytes) or an override (U+202E, three) would
// otherwise reach the terminal whole from two raw halves.
func TestWriter(t *testing.T) {
	in := "Umeå\x1b[2K \u009b31m \u202eabc \U0001F600 slut\n"
	want := Visible(in)
	for cut := 0; cut <= len(in); cut++ {
		for cut2 := cut; cut2 <= len(in); cut2++ {
			var b strings.Builder
			w := NewWriter(&b)
			for _, part := range []string{in[:cut], in[cut:cut2], in[cut2:]} {
				if n, err := w.Write([]byte(part)); n != len(part) || err != nil {
					t.Fatalf("Write = %d, %v", n, err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if b.String() != want {
				t.Fatalf("cut at %d and %d: %q, want %q", cut, cut2, b.String(), want)
			}
		}
	}
	var b strings.Builder
	w := NewWriter(&b)
	w.Write([]byte("a\xe2\x80"))
	w.Flush()
	if b.String() != `a\xe2\x80` {
		t.Errorf("a broken character at the end: %q", b.String())
	}
	if NewWriter(w) != w {
		t.Error("a Writer of a Writer escapes twice")
	}
}
