package termtext

import "testing"

func TestVisible(t *testing.T) {
	for _, tc := range []struct{ in, visible, line string }{
		{"Umeå 2007", "Umeå 2007", "Umeå 2007"},
		{"a\x1b]0;titel\x07b", `a\x1b]0;titel\x07b`, `a\x1b]0;titel\x07b`},
		{"rad\r\x1b[2K", `rad\x0d\x1b[2K`, `rad\x0d\x1b[2K`},
		{"två\nrader\t", "två\nrader\t", `två\x0arader\x09`},
		{"\u009b31m\u007f", `\x9b31m\x7f`, `\x9b31m\x7f`},
		{"abc\u202edcba\u2066x\u2069", `abc\u202edcba\u2066x\u2069`, `abc\u202edcba\u2066x\u2069`},
	} {
		if got := Visible(tc.in); got != tc.visible {
			t.Errorf("Visible(%q) = %q, want %q", tc.in, got, tc.visible)
		}
		if got := Line(tc.in); got != tc.line {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.line)
		}
	}
}
