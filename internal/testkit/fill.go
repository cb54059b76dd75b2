package testkit

import (
	"bytes"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Template makes the template of a built-in instrument ("kommunkompassen@2007")
// with the given facts (Kommun, Year, for one evaluator's own workbook the
// Assessor): workbook.Build of an evaluation with only those. It is closed
// when the test ends.
func Template(t testing.TB, ref string, facts evaluation.Facts) *excelize.File {
	t.Helper()
	f, err := workbook.Build(testbase.Instrument(t, ref), &evaluation.Evaluation{Facts: facts}, workbook.Extra{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// Bytes writes a workbook to memory.
func Bytes(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Failer is what the workbook helpers need of a test: a testing.TB, or
// the *testscript.TestScript of a script command.
type Failer interface {
	Fatalf(format string, args ...any)
}

// Filler fills in a workbook the way a program would: it finds the header
// row and the columns by their names (ignoring case and surrounding
// spaces) and the rows by the ID column, never by fixed positions, and it
// reads the sheet again for each call (Scores and Column write many cells
// in one call), so that rows and columns may be moved in between. A fact is found by its label in column A and written to
// column B, where the reader takes it from.
//
// A value is written as excelize.File.SetCellValue writes it: a float64 or
// int as a number, a string as text ("7,5" stays text), a bool as
// TRUE/FALSE, nil clears the cell.
type Filler struct {
	t Failer
	f *excelize.File
}

// Fill returns a Filler of f.
func Fill(t Failer, f *excelize.File) Filler { return Filler{t, f} }

func (w Filler) helper() {
	if h, ok := w.t.(interface{ Helper() }); ok {
		h.Helper()
	}
}

// header reads a sheet and finds its header row, the first that names
// every column in names; it returns the rows, the header's index and the
// index of each named column.
func (w Filler) header(sh string, names ...string) (rows [][]string, header int, cols map[string]int) {
	w.helper()
	rows, err := w.f.GetRows(sh, excelize.Options{RawCellValue: true})
	if err != nil {
		w.t.Fatalf("%v", err)
	}
	for r := 0; r < len(rows) && r < sheet.HeaderSearchRows; r++ {
		cols := map[string]int{}
		for c, v := range rows[r] {
			for _, n := range names {
				if _, seen := cols[n]; !seen && strings.EqualFold(strings.TrimSpace(v), n) {
					cols[n] = c
				}
			}
		}
		if len(cols) == len(names) {
			return rows, r, cols
		}
	}
	w.t.Fatalf("no header row naming %q in the first %d rows of the sheet %s", names, sheet.HeaderSearchRows, sh)
	return nil, 0, nil
}

// Cell returns the cell of the named column of the Poäng sheet
// (workbook.ColScore, ColComment, …) in the first row whose ID is id.
func (w Filler) Cell(id, column string) string {
	w.helper()
	return w.cells(column, id)[0]
}

// cells returns the cell of the named column in the first row of each ID
// of ids on the Poäng sheet, reading the sheet once.
func (w Filler) cells(column string, ids ...string) []string {
	w.helper()
	names := []string{workbook.ColID}
	if column != workbook.ColID {
		names = append(names, column)
	}
	rows, header, cols := w.header(workbook.SheetScores, names...)
	first := map[string]int{}
	for r := len(rows) - 1; r > header; r-- {
		first[strings.TrimSpace(at(rows[r], cols[workbook.ColID]))] = r
	}
	out := make([]string, len(ids))
	for i, id := range ids {
		r, ok := first[id]
		if !ok {
			w.t.Fatalf("no row with ID %q on the sheet %s", id, workbook.SheetScores)
		}
		out[i] = cellName(cols[column], r)
	}
	return out
}

// Row returns the row number of the first row of the Poäng sheet whose ID
// is id.
func (w Filler) Row(id string) int {
	w.helper()
	_, row, err := excelize.CellNameToCoordinates(w.Cell(id, workbook.ColID))
	if err != nil {
		w.t.Fatalf("%v", err)
	}
	return row
}

// Score writes v into the Poäng cell of id.
func (w Filler) Score(id string, v any) {
	w.helper()
	w.set(workbook.SheetScores, w.Cell(id, workbook.ColScore), v)
}

// Scores writes several scores as numbers.
func (w Filler) Scores(m map[string]float64) {
	w.helper()
	values := make(map[string]any, len(m))
	for id, v := range m {
		values[id] = v
	}
	w.Column(workbook.ColScore, values)
}

// Column writes a value into the named column of the Poäng sheet for each
// ID (as Score writes one), reading the sheet once for all of them.
func (w Filler) Column(column string, values map[string]any) {
	w.helper()
	ids := slices.Sorted(maps.Keys(values))
	for i, cell := range w.cells(column, ids...) {
		w.set(workbook.SheetScores, cell, values[ids[i]])
	}
}

// Comment writes the Kommentar of id.
func (w Filler) Comment(id, text string) {
	w.helper()
	w.set(workbook.SheetScores, w.Cell(id, workbook.ColComment), text)
}

// Published writes the Motivering i rapporten of the row with ID id: what
// the report prints beside the score.
func (w Filler) Published(id, text string) {
	w.helper()
	w.set(workbook.SheetScores, w.Cell(id, workbook.ColPublished), text)
}

// FactCell returns the value cell of the fact labelled label on the sheet
// Uppgifter (workbook.FactKommun, …).
func (w Filler) FactCell(label string) string {
	w.helper()
	rows, err := w.f.GetRows(workbook.SheetFacts, excelize.Options{RawCellValue: true})
	if err != nil {
		w.t.Fatalf("%v", err)
	}
	for r, row := range rows {
		if strings.EqualFold(strings.TrimSpace(at(row, 0)), label) {
			return cellName(1, r)
		}
	}
	w.t.Fatalf("no row labelled %q on the sheet %s", label, workbook.SheetFacts)
	return ""
}

// Fact writes the value of a fact.
func (w Filler) Fact(label string, v any) {
	w.helper()
	w.set(workbook.SheetFacts, w.FactCell(label), v)
}

// Note writes a styrka or förbättringsområde on the sheet of notes: into
// the first row with an empty Text whose Område and Typ are area and kind
// (the rows the template prepares), else into the first row with Område,
// Typ and Text all empty, else below the last row.
func (w Filler) Note(area, kind, text string) {
	w.helper()
	const sheet = workbook.SheetNotes
	rows, header, cols := w.header(sheet, workbook.ColNoteArea, workbook.ColNoteKind, workbook.ColNoteText)
	get := func(r int, col string) string { return strings.TrimSpace(at(rows[r], cols[col])) }
	target, spare := -1, -1
	for r := header + 1; r < len(rows) && target < 0; r++ {
		if get(r, workbook.ColNoteText) != "" {
			continue
		}
		switch {
		case get(r, workbook.ColNoteArea) == area && strings.EqualFold(get(r, workbook.ColNoteKind), kind):
			target = r
		case spare < 0 && get(r, workbook.ColNoteArea) == "" && get(r, workbook.ColNoteKind) == "":
			spare = r
		}
	}
	if target < 0 {
		target = spare
	}
	if target < 0 {
		target = max(len(rows), header+1)
	}
	for col, v := range map[string]string{workbook.ColNoteArea: area, workbook.ColNoteKind: kind, workbook.ColNoteText: text} {
		w.set(sheet, cellName(cols[col], target), v)
	}
}

// Text writes a block of the evaluators' text on the sheet Bedömning,
// after every block already written, as an evaluator types them in order:
// into the first row below the last row with a Text whose Text is empty (a
// prepared row, its Område and Typ overwritten), else below the last row.
// It returns the row's Text cell.
func (w Filler) Text(section, kind, text string) string {
	w.helper()
	const sheet = workbook.SheetText
	rows, header, cols := w.header(sheet, workbook.ColTextSection, workbook.ColTextKind, workbook.ColTextText)
	target := header + 1
	for r := header + 1; r < len(rows); r++ {
		if strings.TrimSpace(at(rows[r], cols[workbook.ColTextText])) != "" {
			target = r + 1
		}
	}
	for col, v := range map[string]string{workbook.ColTextSection: section, workbook.ColTextKind: kind, workbook.ColTextText: text} {
		w.set(sheet, cellName(cols[col], target), v)
	}
	return cellName(cols[workbook.ColTextText], target)
}

// Table writes a table on the sheet Tabeller: in the block the template
// prepares when it is still empty, else below the last row with a value,
// after a blank row. A value that parses as a number is written as one, as
// Excel stores a number typed. It returns the cell of the table's mark.
func (w Filler) Table(section, title string, header []string, rows ...[]string) string {
	w.helper()
	const sheet = workbook.SheetTables
	got, err := w.f.GetRows(sheet)
	if err != nil {
		w.t.Fatalf("%v", err)
	}
	start := len(got) + 2 // 1-based, after a blank row
	if len(got) == 1 && len(got[0]) == 1 && got[0][0] == workbook.TableMark {
		start = 1 // the prepared block
	}
	w.set(sheet, cellName(0, start-1), workbook.TableMark)
	w.set(sheet, cellName(1, start-1), section)
	w.set(sheet, cellName(2, start-1), title)
	for r, cells := range append([][]string{header}, rows...) {
		for c, v := range cells {
			var val any = v
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				val = x
			}
			w.set(sheet, cellName(c, start+r), val)
		}
	}
	return cellName(0, start-1)
}

// Style returns the style of a cell.
func (w Filler) Style(sheet, cell string) *excelize.Style {
	w.helper()
	id, err := w.f.GetCellStyle(sheet, cell)
	if err != nil {
		w.t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	st, err := w.f.GetStyle(id)
	if err != nil {
		w.t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	return st
}

func (w Filler) set(sheet, cell string, v any) {
	w.helper()
	if err := w.f.SetCellValue(sheet, cell, v); err != nil {
		w.t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
}

func at(row []string, col int) string {
	if col < 0 || col >= len(row) {
		return ""
	}
	return row[col]
}

// cellName names the cell of a 0-based column and row: cellName(1, 0) is B1.
func cellName(col, row int) string {
	name, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		panic(err) // only for indexes that come from a sheet's rows
	}
	return name
}
