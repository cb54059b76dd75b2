package validate

import (
	"unicode/utf16"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// The evaluators' text (issue 12) is optional, but what is written must be
// what the report can place: each block and table in a section the
// instrument has, each block a Rubrik or a Stycke, each table a header and
// rows as wide as it, no cell longer than Excel keeps.

// MaxCellChars is the most characters Excel keeps in a cell; a longer
// text, written by another program, is cut when Excel saves the workbook.
const MaxCellChars = 32767

// checkText checks the sheets Bedömning and Tabeller and the facts Antal
// intervjuer and Intervjuade. Sections are checked only when the
// instrument is known.
func checkText(ev *evaluation.Evaluation, pl *problem.List) {
	sections := map[string]bool{evaluation.SectionSummary: true, evaluation.SectionBackground: true}
	expected := ""
	if ev.Instrument != nil {
		for _, a := range ev.Instrument.Areas {
			sections[a.ID] = true
		}
		expected = msg.Sprintf("an area id of %s, Sammanfattning or Bakgrund", ev.Instrument.Ref())
	}
	// section reports an Område that is missing or not the instrument's,
	// and says whether it is fine.
	section := func(sheet, cell, sec string) bool {
		switch {
		case sec == "":
			pl.Error(problem.At{Sheet: sheet, Cell: cell, Expected: msg.T("an area id, Sammanfattning or Bakgrund")}, msg.T("the row has a text but no Område"))
			return false
		case ev.Instrument != nil && !sections[sec]:
			pl.Error(problem.At{Sheet: sheet, Cell: cell, ID: sec, Found: sec, Expected: expected},
				msg.Sprintf("Område %q is neither an area of %s nor Sammanfattning or Bakgrund", problem.Short(sec), ev.Instrument.Ref()))
			return false
		}
		return true
	}
	long := func(sheet, cell, id, text string) {
		if n := cellChars(text); n > MaxCellChars {
			pl.Error(problem.At{Sheet: sheet, Cell: cell, ID: id, Found: msg.Sprintf("%d characters", n), Expected: msg.Sprintf("at most %d characters", MaxCellChars)},
				msg.Sprintf("the cell holds %d characters, more than the %d Excel keeps in a cell; split the text into several paragraphs", n, MaxCellChars))
		}
	}

	sh := workbook.SheetText
	for _, b := range ev.Text {
		section(sh, b.SectionCell, b.Section)
		switch b.Kind {
		case evaluation.Heading, evaluation.Paragraph:
		case "":
			pl.Error(problem.At{Sheet: sh, Cell: b.KindCell, ID: b.Section, Expected: msg.T("Rubrik or Stycke")}, msg.T("the row has a text but no Typ"))
		default:
			pl.Error(problem.At{Sheet: sh, Cell: b.KindCell, ID: b.Section, Found: string(b.Kind), Expected: msg.T("Rubrik or Stycke")},
				msg.Sprintf("Typ %q is neither Rubrik nor Stycke", problem.Short(string(b.Kind))))
		}
		long(sh, b.Cell, b.Section, b.Text)
	}

	sh = workbook.SheetTables
	for _, t := range ev.Tables {
		if t.Section == "" {
			pl.Error(problem.At{Sheet: sh, Cell: t.SectionCell, Expected: msg.T("an area id, Sammanfattning or Bakgrund")}, msg.Sprintf("the table %q has no Område", problem.Short(t.Title)))
		} else {
			section(sh, t.SectionCell, t.Section)
		}
		long(sh, t.Cell, t.Section, t.Title)
		if len(t.Header) == 0 {
			pl.Error(problem.At{Sheet: sh, Cell: t.HeaderCell, ID: t.Section, Expected: msg.T("the column headers in the row below Tabell")},
				msg.Sprintf("the table %q has no header row; the row below Tabell names its columns", problem.Short(t.Title)))
			continue
		}
		for c, v := range t.Header {
			long(sh, workbook.Offset(t.HeaderCell, c), t.Section, v)
		}
		for i, row := range t.Rows {
			start := t.RowCells[i]
			for c, v := range row {
				long(sh, workbook.Offset(start, c), t.Section, v)
			}
			if len(row) == len(t.Header) {
				continue
			}
			// The cell to fix: the first one missing, or the first extra.
			cell := workbook.Offset(start, min(len(row), len(t.Header)))
			pl.Error(problem.At{Sheet: sh, Cell: cell, ID: t.Section, Found: msg.Count(len(row), "cell", "cells"), Expected: msg.Count(len(t.Header), "cell", "cells")},
				msg.Sprintf("the row has %s, but the header of table %q has %s; every row of a table is as wide as its header (write – for an empty cell)",
					msg.Count(len(row), "cell", "cells"), problem.Short(t.Title), msg.Count(len(t.Header), "cell", "cells")))
		}
	}

	// An optional fact that is off is a warning: the evaluation stays in
	// every comparison and report, without it.
	sh = workbook.SheetFacts
	if raw := ev.Facts.Raw[workbook.FactInterviews]; raw != "" {
		if _, ok := workbook.ParseInterviews(raw); !ok {
			pl.Warn(problem.At{Sheet: sh, Cell: ev.Facts.Cells[workbook.FactInterviews], Found: raw, Expected: msg.T("a whole number such as 24")},
				msg.Sprintf("Antal intervjuer %q is not a whole number of 0 or more, so the report does not give it", problem.Short(raw)))
		}
	}
	long(sh, ev.Facts.Cells[workbook.FactInterviewed], "", ev.Facts.Interviewed)
}

// cellChars counts characters as Excel does, in UTF-16 code units.
func cellChars(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
