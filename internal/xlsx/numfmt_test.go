package xlsx

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFormatNumber checks that numbers print as Swedish Excel and
// LibreOffice show them with their cell's number format.
func TestFormatNumber(t *testing.T) {
	nb := "\u00a0"
	for _, tc := range []struct {
		code string
		v    float64
		want string
	}{
		{"", 6.1, "6,1"},
		{"General", 0.34, "0,34"},
		{"", 8.199999999999999, "8,2"},
		{"", 1234567, "1234567"},
		{"0", 6.5, "7"}, // Excel rounds half away from zero
		{"0.00", 6.1, "6,10"},
		{"0.0", 12, "12,0"},
		{"#,##0", 1234567, "1" + nb + "234" + nb + "567"},
		{"#,##0.00", 1234.5, "1" + nb + "234,50"},
		{"#,##0", -1234, "-1" + nb + "234"},
		{"0%", 0.34, "34%"},
		{"0.00%", 0.34, "34,00%"},
		{"0.00 %", 0.34, "34,00 %"},
		{"0.0#", 3.14159, "3,14"},
		{"0.0#", 3.1, "3,1"},
		{"#,##0 \"kr\"", 25000, "25" + nb + "000 kr"},
		{"[$kr-41D] #,##0", 1500, "kr 1" + nb + "500"},
		{"#,##0 ;(#,##0)", -1500, "(1" + nb + "500)"},
		{"#,##0.00;[Red]-#,##0.00", -2.5, "-2,50"},
		{"0.0\" dagar\"", 7.5, "7,5 dagar"},
		{"#,##0,", 1234567, "1" + nb + "235"},
		{"0.00E+00", 12345, "12345"}, // scientific: General
		{"# ?/?", 1.5, "1,5"},        // fractions: General
		{"[>=100]0;0.0", 5, "5"},     // conditions: General
		{"@", 42, "42"},              // text format: General
		{"yyyy-mm-dd", 45729, "2025-03-13"},
		{"[$-41D]D\\ MMMM\\ YYYY", 45729, "13 mars 2025"},
		{"d mmmm yyyy", 45729, "13 mars 2025"},
		{"[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", 45729, "13 mars 2025"},
		{"dddd d mmm yy", 45729, "torsdag 13 mar 25"},
		{"yyyy-mm-dd hh:mm", 45729.75, "2025-03-13 18:00"},
		{"h:mm:ss", 0.5 + 1.0/24/60*7 + 1.0/86400*9, "12:07:09"},
		{"[h]:mm", 1.5, "36:00"},
		{"h:mm AM/PM", 0.75, "6:00 em"},
	} {
		f := &File{}
		if got := f.formatNumber(tc.v, tc.code); got != tc.want {
			t.Errorf("formatNumber(%v, %q) = %q; want %q", tc.v, tc.code, got, tc.want)
		}
	}
}

// TestDisplay checks Display through a workbook's styles: built-in formats
// by number, custom ones by code, and each cell type.
func TestDisplay(t *testing.T) {
	stylesXML := `<styleSheet><numFmts count="2"><numFmt numFmtId="164" formatCode="[$-41D]D\ MMMM\ YYYY"/><numFmt numFmtId="165" formatCode="0.00&quot; %&quot;"/></numFmts>
<cellXfs><xf numFmtId="0"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="3"/><xf numFmtId="14"/><xf numFmtId="2"/></cellXfs></styleSheet>`
	f, err := Open(zipOf(t, map[string]string{"xl/workbook.xml": wbXML, "xl/_rels/workbook.xml.rels": relsXML, "xl/styles.xml": stylesXML},
		"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		cell Cell
		want string
	}{
		{Cell{Type: TypeNumber, Value: "6.1"}, "6,1"},
		{Cell{Type: TypeNumber, Value: "0.34", Style: 1}, "34,00%"},
		{Cell{Type: TypeNumber, Value: "45729", Style: 2}, "13 mars 2025"},
		{Cell{Type: TypeNumber, Value: "1234567", Style: 3}, "1\u00a0234\u00a0567"},
		{Cell{Type: TypeNumber, Value: "45729", Style: 4}, "2025-03-13"},
		{Cell{Type: TypeNumber, Value: "2", Style: 5}, "2,00"},
		{Cell{Type: TypeNumber, Value: "2", Style: 99}, "2"},
		{Cell{Type: TypeString, Value: "22.5", Style: 5}, "22.5"},
		{Cell{Type: TypeBool, Value: "1"}, "SANT"},
		{Cell{Type: TypeError, Value: "#REF!"}, "#REF!"},
		{Cell{Type: TypeDate, Value: "2025-03-13T00:00:00", Style: 2}, "13 mars 2025"},
		{Cell{Type: TypeDate, Value: "2025-03-13T00:00:00"}, "2025-03-13"},
		{Cell{Type: TypeNumber, Value: "NaN"}, "NaN"},
	} {
		if got := f.Display(tc.cell); got != tc.want {
			t.Errorf("Display(%+v) = %q; want %q", tc.cell, got, tc.want)
		}
	}
	if got, ok := f.LongDate(Cell{Type: TypeNumber, Value: "45729", Style: 4}); !ok || got != "13 mars 2025" {
		t.Errorf("LongDate = %q, %v; want 13 mars 2025", got, ok)
	}
	if got, ok := f.LongDate(Cell{Type: TypeNumber, Value: "45729"}); ok {
		t.Errorf("LongDate of a General number = %q, true; want none", got)
	}
	if got, ok := f.LongDate(Cell{Type: TypeNumber, Value: "0.75", Style: 4}); ok {
		t.Errorf("LongDate of a time of day = %q, true; want none", got)
	}
}

// FuzzFormatNumber makes sure no format code makes the renderer panic or
// loop, that what it prints is bounded by the code and the number, and
// that it is text when the code is.
func FuzzFormatNumber(f *testing.F) {
	for _, c := range []string{"ẞ d.m.yyyy", "İ hh:mm", "0.00%", "#,##0", "[$-41D]D\\ MMMM\\ YYYY", "\"a", "[", "0;", "_", "*", "\\", "[h]:mm:ss.00", "yyyy-mm-dd", "0.0#,,"} {
		f.Add(c, 1234.5)
	}
	f.Fuzz(func(t *testing.T, code string, v float64) {
		fl := &File{}
		s := fl.formatNumber(v, code)
		if s == "" && strings.TrimSpace(code) == "" {
			t.Errorf("formatNumber(%v, %q) is empty", v, code)
		}
		if len(s) > 1024+4*len(code) {
			t.Errorf("formatNumber(%v, %q) is %d bytes long", v, code, len(s))
		}
		if utf8.ValidString(code) && !utf8.ValidString(s) {
			t.Errorf("formatNumber(%v, %q) = %q is not UTF-8", v, code, s)
		}
	})
}

func TestRoundHalfUp(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		dec  int
		want string
	}{
		{6.5, 0, "7"}, {2.675, 2, "2.68"}, {0.34 * 100, 2, "34.00"}, {9.995, 2, "10.00"}, {0.004, 2, "0.00"},
		{0.005, 2, "0.01"}, {1234567, 0, "1234567"}, {0, 2, "0.00"}, {99.5, 0, "100"}, {0.000001, 2, "0.00"}, {123.456, 1, "123.5"},
	} {
		if got := roundHalfUp(tc.v, tc.dec); got != tc.want {
			t.Errorf("roundHalfUp(%v, %d) = %q; want %q", tc.v, tc.dec, got, tc.want)
		}
	}
}
