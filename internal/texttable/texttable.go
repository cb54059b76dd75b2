// Package texttable lays out the plain-text tables kompass prints for
// people (compare, consensus): columns as wide as their widest cell,
// measured in runes, the first left-aligned and the others right-aligned,
// and long names cut to a width with "…".
package texttable

import (
	"strings"
	"unicode/utf8"
)

// Table is rows of cells; rows may have different lengths.
type Table struct{ rows [][]string }

// Add appends a row.
func (t *Table) Add(cells ...string) { t.rows = append(t.rows, cells) }

// Write lays the rows out into b, two spaces between columns, with no
// trailing spaces.
func (t *Table) Write(b *strings.Builder) {
	widths := map[int]int{}
	for _, r := range t.rows {
		for i, c := range r {
			if n := utf8.RuneCountInString(c); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for _, r := range t.rows {
		var line strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i == 0 {
				line.WriteString(c + pad)
			} else {
				line.WriteString("  " + pad + c)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
}

// Cut shortens s to width runes, ending in "…" where it is cut.
func Cut(s string, width int) string {
	if utf8.RuneCountInString(s) > width {
		r := []rune(s)
		s = string(r[:width-1]) + "…"
	}
	return s
}
