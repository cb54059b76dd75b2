package workbook

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/xlsx"
)

// The evaluators' text is never required: a workbook made before the
// sheets Bedömning and Tabeller existed, or by another program, has none,
// and that is no problem. What the sheets hold is read as written; the
// validator (internal/validate) says what is wrong with it, so that the
// reader never drops a row the evaluator typed.

// readText reads the Bedömning sheet, when there is one.
func readText(f *xlsx.File, ev *evaluation.Evaluation, pl *problem.List) {
	if !f.HasSheet(SheetText) {
		return
	}
	sh, rs, ok := sheet.Rows(f, SheetText, pl)
	if !ok {
		return
	}
	hr, cols := header(rs, []string{ColTextSection, ColTextKind, ColTextText}, nil)
	if hr < 0 {
		// A sheet of that name that is not the template's: its text, if it
		// holds any, cannot be placed, which the evaluator should know.
		if len(rs) > 0 {
			pl.Warn(problem.At{Sheet: SheetText, Cell: "A1", Expected: msg.T("a header row with the columns Område, Typ and Text")},
				msg.Sprintf("no header row naming the columns %q, %q and %q in the first %d rows, so the text on the sheet is not read", ColTextSection, ColTextKind, ColTextText, sheet.HeaderSearchRows))
		}
		return
	}
	secCol, kindCol, textCol := cols[ColTextSection], cols[ColTextKind], cols[ColTextText]
	for _, row := range rs[hr+1:] {
		text := CellText(row.At(textCol))
		if text == "" {
			continue // a prepared row left empty
		}
		ev.Text = append(ev.Text, evaluation.TextBlock{
			Section:     NormSection(sheet.Shown(sh, secCol, row.N)),
			Kind:        normTextKind(row.At(kindCol)),
			Text:        text,
			Cell:        sheet.Cell(textCol, row.N),
			SectionCell: sheet.Cell(secCol, row.N),
			KindCell:    sheet.Cell(kindCol, row.N),
		})
	}
}

// CellText is the text of a cell of running text: surrounding blank lines
// and spaces trimmed, line breaks kept (a bullet list is lines) and made
// "\n" whatever the program wrote.
func CellText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.TrimSpace(s)
}

// NormSection reads an Område of Bedömning or Tabeller: Sammanfattning and
// Bakgrund whatever their case, anything else as an id (an area typed or
// picked as a number is its id).
func NormSection(s string) string {
	s = strings.TrimSpace(s)
	for _, sec := range []string{evaluation.SectionSummary, evaluation.SectionBackground} {
		if strings.EqualFold(s, sec) {
			return sec
		}
	}
	return normID(s)
}

// normTextKind reads a Typ of Bedömning: Rubrik and Stycke whatever their
// case; anything else is kept as written for the validator to report.
func normTextKind(s string) evaluation.TextKind {
	switch sheet.Norm(s) {
	case "rubrik":
		return evaluation.Heading
	case "stycke":
		return evaluation.Paragraph
	case "tabell":
		return evaluation.TableRef
	}
	return evaluation.TextKind(strings.TrimSpace(s))
}

// ParseInterviews reads Antal intervjuer: a whole number ≥ 0 (a number
// cell "24" or text " 24 "). ok is false for anything else.
func ParseInterviews(s string) (n int, ok bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".0")
	if len(s) > 9 {
		return 0, false // no evaluation has a billion interviews
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || strings.HasPrefix(s, "+") {
		return 0, false
	}
	return n, true
}

// readTables reads the Tabeller sheet, when there is one: each row with
// TableMark in column A starts a table, with its Område in B and title in
// C; the next row is its header and the rows after it its rows, up to a
// blank row or the next mark. A row under the header holding only a note
// in column A (TableNote) is a note, printed under the table. A block left
// as the template prepared it (the mark alone, or with an Område) is no
// table.
func readTables(f *xlsx.File, ev *evaluation.Evaluation, pl *problem.List) {
	if !f.HasSheet(SheetTables) {
		return
	}
	sh, rs, ok := sheet.Rows(f, SheetTables, pl)
	if !ok {
		return
	}
	var cur *evaluation.Table
	prev := 0        // the number of the row before, to see blank rows
	outside := false // whether a row outside a table was reported
	flush := func() {
		if cur != nil && (cur.Title != "" || cur.Header != nil || len(cur.Rows) > 0) {
			ev.Tables = append(ev.Tables, *cur)
		}
		cur = nil
	}
	for _, row := range rs {
		cells := tableRow(f, sh, row)
		blank := len(cells) == 0
		if row.N != prev+1 || blank {
			flush() // a blank row ends a table
		}
		prev = row.N
		switch {
		case blank:
			continue
		case strings.EqualFold(strings.TrimSpace(row.At(1)), TableMark):
			flush()
			cur = &evaluation.Table{
				Section:     NormSection(sheet.Shown(sh, 2, row.N)),
				Title:       CellText(sheet.Shown(sh, 3, row.N)),
				Cell:        sheet.Cell(3, row.N),
				MarkCell:    sheet.Cell(1, row.N),
				SectionCell: sheet.Cell(2, row.N),
				HeaderCell:  sheet.Cell(1, row.N+1),
			}
		case cur == nil:
			// Text outside a table is not read; the first such row is
			// named, so that a table typed without its mark is not lost
			// unnoticed.
			if !outside {
				outside = true
				pl.Warn(problem.At{Sheet: SheetTables, Cell: sheet.Cell(1, row.N), Expected: msg.Sprintf("a row with %s in column A above the table", TableMark)},
					msg.Sprintf("row %d is not in a table, so it is not read; a table starts with a row with %s in column A, its Område in B and its title in C", row.N, TableMark))
			}
			continue
		case cur.Header == nil:
			cur.Header = cells
		case len(cells) == 1 && TableNote(cells[0]):
			cur.Notes = append(cur.Notes, cells[0])
		default:
			cur.Rows = append(cur.Rows, cells)
			cur.RowCells = append(cur.RowCells, sheet.Cell(1, row.N))
		}
	}
	flush()
}

// tableNote is the start of a table's note: a source, a remark, or the
// key to a mark in its cells.
var tableNote = regexp.MustCompile(`^(?i:källa|källor|not|anm|anmärkning)\s*:|^\*`)

// TableNote reports whether a text is a note under a table: it starts with
// "Källa:", "Källor:", "Not:", "Anm:", "Anmärkning:" (any case) or "*" (the
// key to a mark such as "26*").
func TableNote(s string) bool { return tableNote.MatchString(strings.TrimSpace(s)) }

// tableRow is a row of a table as the sheet shows it, up to its last cell
// with text: a number in its cell's number format, with a decimal comma
// ("34,00 %", "1 234", "6,1"), a date as formatted ("13 mars 2025").
func tableRow(f *xlsx.File, sh *xlsx.Sheet, row xlsx.Row) []string {
	var out []string
	for c := range row.Values {
		cell, _ := sh.Cell(row.N, c+1)
		out = append(out, CellText(f.Display(cell)))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// Offset is the cell n columns to the right of ref ("A7", 2 → "C7"); ref
// itself when it is no cell name.
func Offset(ref string, n int) string {
	col, row, ok := xlsx.ParseCellName(ref)
	if !ok {
		return ref
	}
	return sheet.Cell(col+n, row)
}
