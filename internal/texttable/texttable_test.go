package texttable_test

import (
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/texttable"
)

func TestTable(t *testing.T) {
	var tb texttable.Table
	tb.Add("Område", "2005", "2007")
	tb.Add("1 Öppenhet", "66", "73,5")
	tb.Add("Totalt", "", "")
	var b strings.Builder
	tb.Write(&b)
	want := "" +
		"Område      2005  2007\n" +
		"1 Öppenhet    66  73,5\n" +
		"Totalt\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestCut(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  string
	}{
		{"Umeå", 4, "Umeå"},
		{"Umeå kommun", 5, "Umeå…"},
		{"", 3, ""},
	} {
		if got := texttable.Cut(tc.in, tc.width); got != tc.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}
