package workbook

// The reader's building blocks, for the other workbooks kompass reads (the
// åtgärdsplan, internal/plan): the same opening, limits and sheet reading as
// an evaluation workbook, so every workbook is refused, and its problems
// named, alike.

import (
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/xlsx"
)

// Open reads the workbook at path within the reader's limits (see
// docs/workbook.md); when it cannot, it reports why in pl and returns nil.
// The file is never modified.
func Open(path string, pl *problem.List) *xlsx.File { return open(path, pl) }

// SheetRows reads a sheet, reporting in pl a missing, very hidden or
// unreadable one.
func SheetRows(f *xlsx.File, sheet string, pl *problem.List) (*xlsx.Sheet, []xlsx.Row, bool) {
	return rows(f, sheet, pl)
}

// Norm folds a header or label for matching: trimmed, lower case, inner
// white space collapsed, a trailing colon dropped.
func Norm(s string) string { return norm(s) }

// HeaderSearchRows is how far down a reader looks for a header row.
const HeaderSearchRows = headerSearchRows

// Formula returns the formula of a cell ("=…"), or "" if it has none.
func Formula(sh *xlsx.Sheet, col, row int) string { return formulaAt(sh, col, row) }

// Shown is the text of a cell as Excel shows it in the General format.
func Shown(sh *xlsx.Sheet, col, row int) string { return shownAt(sh, col, row) }

// InputFill is the yellow of every input cell, for a workbook that needs
// an input style of its own (a date).
const InputFill = inputFill
