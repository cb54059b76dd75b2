package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzReadText replaces the sheets Bedömning and Tabeller and the shared
// strings of the fictional Exempelkommun 2007 (which holds a whole text
// and two tables) with fuzzed XML and reads the result. Read must never
// panic; every block of text must have a text and its cells, every table
// its cells and a cell for each row.
func FuzzReadText(f *testing.F) {
	names, content := parts(f, "../../evaluations/exempelkommun-2007.xlsx")
	const textPart, tablesPart, sstPart = "xl/worksheets/sheet5.xml", "xl/worksheets/sheet6.xml", "xl/sharedStrings.xml"
	f.Add(string(content[textPart]), string(content[tablesPart]), string(content[sstPart]))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text, tables, sst string) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, name := range names {
			w, _ := zw.Create(name)
			switch name {
			case textPart:
				io.WriteString(w, text)
			case tablesPart:
				io.WriteString(w, tables)
			case sstPart:
				io.WriteString(w, sst)
			default:
				w.Write(content[name])
			}
		}
		zw.Close()
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		ev, probs := Read(path)
		for _, p := range probs {
			if p.File != path || p.Message == "" || strings.Contains(p.Message, "internal error") {
				t.Fatalf("problem: %+v", p)
			}
		}
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
