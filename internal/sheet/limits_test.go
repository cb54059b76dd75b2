package sheet_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/testbase"
)

func TestCellText(t *testing.T) {
	units := func(s string) int { return len(utf16.Encode([]rune(s))) }
	for _, c := range []struct {
		name string
		in   string
		cut  bool
	}{
		{"short", "Tydlig information.", false},
		{"exactly full", strings.Repeat("a", sheet.MaxCellChars), false},
		{"full of å", strings.Repeat("å", sheet.MaxCellChars), false},
		{"one too many", strings.Repeat("a", sheet.MaxCellChars+1), true},
		{"emoji count twice", strings.Repeat("😀", sheet.MaxCellChars/2+1), true},
		{"a megabyte", strings.Repeat("ord ", 1<<18), true},
	} {
		got := sheet.CellText(c.in)
		if n := units(got); n > sheet.MaxCellChars {
			t.Errorf("%s: %d characters, more than a cell holds", c.name, n)
		}
		if cut := got != c.in; cut != c.cut {
			t.Errorf("%s: cut %v, want %v", c.name, cut, c.cut)
		}
		if c.cut && (!strings.HasSuffix(got, "…") || !strings.HasPrefix(c.in, strings.TrimSuffix(got, "…"))) {
			t.Errorf("%s: cut text does not end in … after the start of the text", c.name)
		}
	}
}

// TestSaveLongText: a wrapped cell of any text a cell holds is saved, its
// row as tall as Excel allows and no taller (excelize refuses a taller
// one, which once made plan and consensus fail on ordinary long text).
func TestSaveLongText(t *testing.T) {
	f, st, err := sheet.NewFile("Text")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := []string{
		strings.Repeat("Redovisa för medborgarna vad verksamheterna har uppnått. ", 21), // 1,200 characters
		strings.Repeat("Intervjuad person\n", 28) + "Den sista",                         // 29 lines
		strings.Repeat("x", sheet.MaxCellChars),
		"kort",
	}
	for i, s := range texts {
		cell := sheet.Cell(1, i+1)
		if err := sheet.FirstErr(f.SetCellStr("Text", cell, s), f.SetCellStyle("Text", cell, cell, st.InputWrap)); err != nil {
			t.Fatal(err)
		}
	}
	if err := sheet.SetWidths(f, "Text", 36); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := sheet.Save(&buf, f); err != nil {
		t.Fatalf("Save: %v", err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for i, want := range []float64{sheet.MaxRowHeight, sheet.MaxRowHeight, sheet.MaxRowHeight, 15} {
		h, err := g.GetRowHeight("Text", i+1)
		if err != nil || h != want {
			t.Errorf("row %d: height %v (%v), want %v", i+1, h, err, want)
		}
	}
}

// TestExplain: the library's errors become the catalogue's, in Swedish by
// default; other errors pass unchanged.
func TestExplain(t *testing.T) {
	testbase.Language(t, msg.Swedish)
	f := excelize.NewFile()
	defer f.Close()
	err := sheet.Explain(f.SetRowHeight("Sheet1", 1, 500))
	if want := "Excel tar inte emot arbetsboken: en rad skulle bli högre än de 409 punkter Excel tillåter"; err == nil || err.Error() != want {
		t.Errorf("Explain(row height) = %v, want %s", err, want)
	}
	err = sheet.Explain(f.SetColWidth("Sheet1", "A", "A", 300))
	if err == nil || !strings.HasPrefix(err.Error(), "Excel tar inte emot arbetsboken: en kolumn") {
		t.Errorf("Explain(column width) = %v", err)
	}
	other := msg.Errorf("the folder %s does not exist", "x")
	if sheet.Explain(other) != other || sheet.Explain(nil) != nil {
		t.Error("Explain changed an error that is not the library's")
	}
}
