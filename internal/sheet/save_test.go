package sheet_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/sheet"
)

// TestSaveRowHeights: a wrapped text merged across columns is as tall as
// the columns together need; a row FitText made taller for a text a
// formula computes keeps its height; a short text keeps the default.
func TestSaveRowHeights(t *testing.T) {
	f, st, err := sheet.NewFile("Text")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sh = "Text"
	text := strings.Repeat("ordet ", 20) // 120 characters
	if err := sheet.SetWidths(f, sh, 10, 10, 10, 10); err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= 2; r++ {
		c := sheet.Cell(1, r)
		if err := sheet.FirstErr(f.SetCellStr(sh, c, text), f.SetCellStyle(sh, c, c, st.LockedWrap)); err != nil {
			t.Fatal(err)
		}
	}
	// Row 1 merged over A:D (40 wide: 3 lines), row 2 only A (10 wide: 11 lines).
	if err := f.MergeCell(sh, "A1", "D1"); err != nil {
		t.Fatal(err)
	}
	// Row 3: a formula's text FitText knows of (5 lines in 10), beside a
	// typed text of 2 lines.
	if err := sheet.FirstErr(
		f.SetCellFormula(sh, "A3", `"x"`), f.SetCellStr(sh, "B3", strings.Repeat("a", 20)), f.SetCellStyle(sh, "B3", "B3", st.LockedWrap),
		sheet.FitText(f, sh, 3, strings.Repeat("b", 55), 10),
		f.SetCellStr(sh, "A4", "kort"), f.SetCellStyle(sh, "A4", "A4", st.LockedWrap),
	); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := sheet.Save(&buf, f); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for row, want := range map[int]float64{1: 3 * 15, 2: 11 * 15, 3: 5 * 15, 4: 15} {
		if h, err := g.GetRowHeight(sh, row); err != nil || h != want {
			t.Errorf("row %d: height %v (%v), want %v", row, h, err, want)
		}
	}
}
