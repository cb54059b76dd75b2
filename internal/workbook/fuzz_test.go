package workbook_test

import (
	"testing"

	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// The parts a fuzz target of the reader replaces.
const (
	factsPart  = "xl/worksheets/sheet2.xml"
	scoresPart = "xl/worksheets/sheet3.xml"
	notesPart  = "xl/worksheets/sheet4.xml"
	textPart   = "xl/worksheets/sheet5.xml"
	tablesPart = "xl/worksheets/sheet6.xml"
	sstPart    = "xl/sharedStrings.xml"
)

// FuzzRead replaces the facts, score and notes sheets and the shared
// strings of a real workbook with fuzzed XML and reads the result. Read must
// never panic, must not touch the file, and every problem must name the
// file; an evaluation it returns has each entry at a cell.
func FuzzRead(f *testing.F) {
	wb := testkit.ReadParts(f, "../../evaluations/umea-2007.xlsx")
	for _, p := range []testkit.Parts{wb, testkit.ReadParts(f, "testdata/libreoffice-umea-2007.xlsx"), testkit.ReadParts(f, "testdata/libreoffice-deleted-row-poang.xlsx")} {
		s := p.Strings(factsPart, scoresPart, notesPart, sstPart)
		f.Add(s[0], s[1], s[2], s[3])
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, facts, scores, notes, sst string) {
		path, data := wb.WriteWith(t, dir, map[string]string{factsPart: facts, scoresPart: scores, notesPart: notes, sstPart: sst})
		ev, probs := workbook.Read(path)
		testkit.CheckRead(t, path, data, probs)
		if ev == nil {
			return
		}
		for _, en := range ev.Entries {
			if en.ID == "" || en.Cell == "" || en.Row < 1 {
				t.Fatalf("entry without id or cell: %+v", en)
			}
		}
	})
}

// FuzzReadText replaces the sheets Bedömning and Tabeller and the shared
// strings of the fictional Exempelkommun 2007 (which holds a whole text
// and two tables) with fuzzed XML and reads the result. Read must never
// panic; every block of text must have a text and its cells, every table
// its cells and a cell for each row.
func FuzzReadText(f *testing.F) {
	wb := testkit.ReadParts(f, "../../evaluations/exempelkommun-2007.xlsx")
	s := wb.Strings(textPart, tablesPart, sstPart)
	f.Add(s[0], s[1], s[2])
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text, tables, sst string) {
		path, data := wb.WriteWith(t, dir, map[string]string{textPart: text, tablesPart: tables, sstPart: sst})
		ev, probs := workbook.Read(path)
		testkit.CheckRead(t, path, data, probs)
		if ev == nil {
			return
		}
		for _, b := range ev.Text {
			if b.Text == "" || b.Cell == "" || b.SectionCell == "" || b.KindCell == "" {
				t.Fatalf("block without text or cells: %+v", b)
			}
		}
		for _, tb := range ev.Tables {
			if tb.MarkCell == "" || tb.Cell == "" || tb.HeaderCell == "" || len(tb.RowCells) != len(tb.Rows) {
				t.Fatalf("table without its cells: %+v", tb)
			}
		}
	})
}
