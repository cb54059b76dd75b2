package termtext

import (
	"strings"
	"testing"
	"unicode/utf8"
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

// FuzzWriter: whatever the text and wherever it is cut into writes, the
// Writer writes what Visible makes of it, and that holds no character a
// terminal acts on (but newline and tab) and no byte that is not UTF-8.
func FuzzWriter(f *testing.F) {
	for _, s := range []string{"Umeå", "a\x1b]0;x\x07b\r\n", "\u009b31m\u202e", "\xc2\x9b", "\xe2\x80", "😀\x7f"} {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, cut uint8) {
		want := Visible(s)
		if !utf8.ValidString(want) {
			t.Fatalf("Visible(%q) = %q is not UTF-8", s, want)
		}
		for _, r := range want {
			if r != '\n' && r != '\t' && Hidden(r) {
				t.Fatalf("Visible(%q) = %q holds %U", s, want, r)
			}
		}
		var b strings.Builder
		w := NewWriter(&b)
		step := int(cut%7) + 1
		for i := 0; i < len(s); i += step {
			w.Write([]byte(s[i:min(i+step, len(s))]))
		}
		w.Flush()
		if b.String() != want {
			t.Fatalf("written in pieces of %d: %q, want %q", step, b.String(), want)
		}
	})
}
