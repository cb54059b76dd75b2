package validate

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

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
		case evaluation.Heading:
			checkHeading(b, pl)
		case evaluation.Paragraph, evaluation.TableRef:
		case "":
			pl.Error(problem.At{Sheet: sh, Cell: b.KindCell, ID: b.Section, Expected: msg.T("Rubrik, Stycke or Tabell")}, msg.T("the row has a text but no Typ"))
		default:
			pl.Error(problem.At{Sheet: sh, Cell: b.KindCell, ID: b.Section, Found: string(b.Kind), Expected: msg.T("Rubrik, Stycke or Tabell")},
				msg.Sprintf("Typ %q is neither Rubrik, Stycke nor Tabell", problem.Short(string(b.Kind))))
		}
		long(sh, b.Cell, b.Section, b.Text)
	}
	checkTableRefs(ev, pl)

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

// A Rubrik that reads like a paragraph: longer than headingMaxChars, or
// ending with a full stop after at least headingStopWords words. Pasting
// paragraphs onto prepared rows makes one the Rubrik of its section.
const (
	headingMaxChars  = 100
	headingStopWords = 6
)

// checkHeading warns of a Rubrik that reads like a paragraph.
func checkHeading(b evaluation.TextBlock, pl *problem.List) {
	text := strings.TrimSpace(b.Text)
	n := utf8.RuneCountInString(text)
	stop := strings.HasSuffix(text, ".") && !strings.HasSuffix(text, "..") && len(strings.Fields(text)) >= headingStopWords
	if n <= headingMaxChars && !stop && !strings.Contains(text, "\n") {
		return
	}
	pl.Warn(problem.At{Sheet: workbook.SheetText, Cell: b.Cell, ID: b.Section, Found: problem.Short(text), Expected: msg.T("a short heading")},
		msg.Sprintf("this Rubrik reads like a paragraph (%d characters%s); if it is one, set its Typ (%s) to Stycke", n, headingSigns(text, stop), b.KindCell))
}

// headingSigns names what else makes a Rubrik read like a paragraph.
func headingSigns(text string, stop bool) string {
	var out string
	if stop {
		out += msg.T(", ends with a full stop")
	}
	if strings.Contains(text, "\n") {
		out += msg.T(", holds a line break")
	}
	return out
}

// checkTableRefs checks the rows Tabell of Bedömning: each names by its
// label ("Tabell 1") one table of its section on Tabeller, and no table is
// placed twice. Two tables of a section with the same label cannot be told
// apart.
func checkTableRefs(ev *evaluation.Evaluation, pl *problem.List) {
	type key struct{ section, label string }
	tables := map[key]int{} // → index in ev.Tables
	sectionOf := map[string]string{}
	for i, t := range ev.Tables {
		l := evaluation.LabelKey(t.Label())
		if l == "" {
			continue
		}
		k := key{t.Section, l}
		if j, dup := tables[k]; dup {
			pl.Warn(problem.At{Sheet: workbook.SheetTables, Cell: t.Cell, ID: t.Section, Found: t.Label(), Expected: msg.T("a label no other table of the section has")},
				msg.Sprintf("two tables of the section are labelled %s (the other at %s); the text and the rows Tabell on Bedömning cannot tell them apart", t.Label(), ev.Tables[j].Cell))
			continue
		}
		tables[k] = i
		sectionOf[l] = t.Section
	}
	placed := map[int]string{} // table → the cell of the row that placed it
	for _, b := range ev.Text {
		if b.Kind != evaluation.TableRef {
			continue
		}
		at := problem.At{Sheet: workbook.SheetText, Cell: b.Cell, ID: b.Section, Found: problem.Short(b.Text)}
		l := evaluation.TableLabel(b.Text)
		if l == "" {
			at.Expected = msg.T("a table's label, such as Tabell 1")
			pl.Error(at, msg.Sprintf("a row Tabell names the table it places by its label, such as Tabell 1; %q is none", problem.Short(b.Text)))
			continue
		}
		i, ok := tables[key{b.Section, evaluation.LabelKey(l)}]
		switch {
		case !ok && sectionOf[evaluation.LabelKey(l)] != "":
			at.Expected = msg.Sprintf("a table of Område %s", b.Section)
			pl.Error(at, msg.Sprintf("%s is a table of Område %s on the sheet %s, not of %s; a table is placed in its own section", l, sectionOf[evaluation.LabelKey(l)], workbook.SheetTables, b.Section))
		case !ok:
			at.Expected = msg.Sprintf("a table whose title starts with %s on the sheet %s", l, workbook.SheetTables)
			pl.Error(at, msg.Sprintf("there is no table %s of this section on the sheet %s", l, workbook.SheetTables))
		case placed[i] != "":
			at.Expected = msg.T("one row Tabell per table")
			pl.Error(at, msg.Sprintf("%s is placed already, at %s; a table stands in one place", l, placed[i]))
		default:
			placed[i] = b.Cell
		}
	}
}

// cellChars counts characters as Excel does, in UTF-16 code units.
func cellChars(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
