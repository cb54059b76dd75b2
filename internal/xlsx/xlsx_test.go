package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
)

// testLimits are the limits of the tests, those internal/sheet opens
// every workbook with (which this package's tests cannot import).
var testLimits = Limits{MaxEntries: 1000, MaxTotal: 50 << 20, MaxPart: 25 << 20, MaxRows: 5000, MaxCols: 256, MaxCells: 100000, MaxCellText: 1 << 20, MaxMerged: 10000, MaxStrings: 200000}

// Value returns the stored value at row and col, or "".
func (s *Sheet) Value(row, col int) string { return s.Cells[[2]int{row, col}].Value }

// zipOf builds an archive from name → content.
func zipOf(t *testing.T, parts map[string]string, order ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	wbXML   = `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad &amp; 1" sheetId="1" r:id="rId1"/></sheets></workbook>`
	relsXML = `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId9" Type="x/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`
	sstXML  = `<sst><si><t>ID</t></si><si><r><t>Po</t></r><r><t>äng</t></r></si><si><t>a</t><rPh><t>phonetic</t></rPh></si></sst>`
)

func book(t *testing.T, sheet string) []byte {
	return zipOf(t, map[string]string{
		"xl/workbook.xml":            wbXML,
		"xl/_rels/workbook.xml.rels": relsXML,
		"xl/sharedStrings.xml":       sstXML,
		"xl/worksheets/sheet1.xml":   sheet,
	}, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")
}

func TestSheetCells(t *testing.T) {
	data := book(t, `<worksheet><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
<row r="3"><c r="A3"><v>7.5</v></c><c r="B3" t="str"><f>A3*2</f><v>15</v></c><c r="C3" t="inlineStr"><is><t>7,5</t></is></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#REF!</v></c><c r="F3"><f t="shared" si="0"/><v>3</v></c><c r="G3" t="inlineStr"><is><r><t>a</t></r><rPh sb="0" eb="1"><t>phonetic</t></rPh><t>b</t></is></c></row>
<row><c><v>1</v></c><c><v>2</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="D5:B4"/></mergeCells></worksheet>`)
	f, err := Open(data, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.SheetNames(); len(got) != 1 || got[0] != "Blad & 1" {
		t.Fatalf("sheets %q", got)
	}
	sh, err := f.Sheet("Blad & 1")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Cell{
		"A1": {Type: TypeString, Value: "ID"},
		"B1": {Type: TypeString, Value: "Poäng"},
		"C1": {Type: TypeString, Value: "a"},
		"A3": {Type: TypeNumber, Value: "7.5"},
		"B3": {Type: TypeString, Value: "15", HasFormula: true, Formula: "A3*2"},
		"C3": {Type: TypeString, Value: "7,5"},
		"D3": {Type: TypeBool, Value: "1"},
		"E3": {Type: TypeError, Value: "#REF!"},
		"F3": {Type: TypeNumber, Value: "3", HasFormula: true},
		"G3": {Type: TypeString, Value: "ab"}, // the phonetic run is a reading aid, not the value
		"A4": {Type: TypeNumber, Value: "1"},
		"B4": {Type: TypeNumber, Value: "2"},
	}
	if len(sh.Cells) != len(want) {
		t.Errorf("%d cells, want %d", len(sh.Cells), len(want))
	}
	for ref, w := range want {
		col, row, _ := ParseCellName(ref)
		got, ok := sh.Cell(row, col)
		w.Row, w.Col = row, col
		if !ok || got != w {
			t.Errorf("%s = %+v, want %+v", ref, got, w)
		}
	}
	if len(sh.Merged) != 1 || sh.Merged[0].String() != "B4:D5" {
		t.Errorf("merged %v", sh.Merged)
	}
	rows := sh.Rows()
	if len(rows) != 3 || rows[0].N != 1 || rows[1].N != 3 || rows[1].At(3) != "7,5" || rows[1].At(99) != "" || rows[2].N != 4 {
		t.Errorf("rows %+v", rows)
	}
}

// TestLimitsCountContent: a limit on rows counts the rows that hold
// something, not the number of the last row or the declared dimension.
// LibreOffice Calc writes an empty row 1,048,576 and the dimension
// A1:F1048576 once a row has been deleted.
func TestLimitsCountContent(t *testing.T) {
	lim := testLimits
	lim.MaxRows, lim.MaxCells = 3, 4
	for name, xml := range map[string]string{
		"empty last row, full dimension": `<worksheet><dimension ref="A1:F1048576"/><sheetData>
<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row>
<row r="1048576" customFormat="false" ht="12.8"></row></sheetData></worksheet>`,
		"styled empty cells far down": `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>` +
			`<row r="500000"><c r="A500000" s="3"/><c r="B500000" s="3"/><c r="C500000" s="3"/><c r="D500000" s="3"/><c r="E500000" s="3"/></row></sheetData></worksheet>`,
		"content in the last row Excel has": `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>2</v></c></row></sheetData></worksheet>`,
	} {
		t.Run(name, func(t *testing.T) {
			f, err := Open(book(t, xml), lim)
			if err != nil {
				t.Fatal(err)
			}
			sh, err := f.Sheet("Blad & 1")
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if n := len(sh.Rows()); n > lim.MaxRows || n == 0 {
				t.Errorf("%d rows read", n)
			}
		})
	}
	// Four rows with content are one too many, wherever they are.
	four := `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="7"><c r="A7"><v>1</v></c></row>` +
		`<row r="9000"><c r="A9000"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData></worksheet>`
	f, err := Open(book(t, four), lim)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Sheet("Blad & 1"); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("four rows with content, at most three: %v", err)
	}
	// So are five cells with content in three rows.
	five := `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>1</v></c><c r="C1"><v>1</v></c></row>` +
		`<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2</f></c></row></sheetData></worksheet>`
	f, err = Open(book(t, five), lim)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Sheet("Blad & 1"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("five cells with content, at most four: %v", err)
	}
}

func TestLimitsAndDamage(t *testing.T) {
	big := "<worksheet><sheetData>" + strings.Repeat(`<row><c><v>1</v></c></row>`, 10) + "</sheetData></worksheet>"
	lim := testLimits
	lim.MaxRows = 5
	f, err := Open(book(t, big), lim)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Sheet("Blad & 1"); !errors.Is(err, ErrTooManyRows) {
		t.Errorf("rows: %v", err)
	}
	lim = testLimits
	lim.MaxTotal = 100
	if _, err := Open(book(t, big), lim); !errors.Is(err, ErrTooLarge) {
		t.Errorf("total: %v", err)
	}
	cases := map[string]string{
		"unclosed":        `<worksheet><sheetData><row><c><v>1</v>`,
		"bad shared":      `<worksheet><sheetData><row><c t="s"><v>99</v></c></row></sheetData></worksheet>`,
		"bad ref":         `<worksheet><sheetData><row><c r="1A"><v>1</v></c></row></sheetData></worksheet>`,
		"bad row":         `<worksheet><sheetData><row r="-3"><c><v>1</v></c></row></sheetData></worksheet>`,
		"huge row number": `<worksheet><sheetData><row r="99999999"><c><v>1</v></c></row></sheetData></worksheet>`,
	}
	for name, xml := range cases {
		f, err := Open(book(t, xml), testLimits)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Sheet("Blad & 1"); !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooManyRows) {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	if _, err := Open([]byte("not a zip"), testLimits); !errors.Is(err, ErrNotZip) {
		t.Errorf("not zip: %v", err)
	}
	if _, err := Open(zipOf(t, map[string]string{"a.txt": "x"}, "a.txt"), testLimits); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("no workbook: %v", err)
	}
}

func TestCellNames(t *testing.T) {
	for _, tt := range []struct {
		name     string
		col, row int
	}{{"A1", 1, 1}, {"Z9", 26, 9}, {"AA10", 27, 10}, {"AB12", 28, 12}, {"XFD1048576", 16384, 1048576}} {
		c, r, ok := ParseCellName(tt.name)
		if !ok || c != tt.col || r != tt.row || CellName(c, r) != tt.name {
			t.Errorf("%s: %d %d %v (%s)", tt.name, c, r, ok, CellName(c, r))
		}
	}
	for _, bad := range []string{"", "A", "1", "A0", "XFE1", "A1048577", "A-1", "Å1"} {
		if _, _, ok := ParseCellName(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

// realParts returns the Poäng sheet and the shared strings of a shipped
// workbook, as seeds for the fuzzers.
func realParts(t testing.TB, path string) (sheet, sst string) {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		switch zf.Name {
		case "xl/worksheets/sheet3.xml":
			sheet = string(b)
		case "xl/sharedStrings.xml":
			sst = string(b)
		}
	}
	return sheet, sst
}

// FuzzSheet feeds arbitrary sheet and shared-string XML through the reader
// (zipped inside the test: fuzzing compressed bytes would mostly hit the
// checksum). No input may panic, and what is accepted stays in the limits.
func FuzzSheet(f *testing.F) {
	sheet, sst := realParts(f, "../../evaluations/umea-2007.xlsx")
	f.Add(sheet, sst)
	f.Add(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>7.5</v></c><c r="C1"><f>A1</f></c></row></sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`, sstXML)
	f.Fuzz(func(t *testing.T, sheet, sst string) {
		data := zipOf(t, map[string]string{
			"xl/workbook.xml":            wbXML,
			"xl/_rels/workbook.xml.rels": relsXML,
			"xl/sharedStrings.xml":       sst,
			"xl/worksheets/sheet1.xml":   sheet,
		}, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")
		book, err := Open(data, testLimits)
		if err != nil {
			t.Fatalf("a valid archive was refused: %v", err)
		}
		sh, err := book.Sheet("Blad & 1")
		if err != nil {
			return
		}
		if len(book.strings) > testLimits.MaxStrings {
			t.Fatalf("%d shared strings read, more than the limit", len(book.strings))
		}
		rows := sh.Rows()
		if len(rows) > testLimits.MaxRows || sh.MaxCol > testLimits.MaxCols || len(sh.Cells) > testLimits.MaxCells {
			t.Fatalf("read past the limits: %d rows, %d cols, %d cells", len(rows), sh.MaxCol, len(sh.Cells))
		}
		for k, c := range sh.Cells {
			if k != [2]int{c.Row, c.Col} || c.Row < 1 || c.Col < 1 {
				t.Fatalf("cell %+v stored at %v", c, k)
			}
		}
	})
}

func TestShown(t *testing.T) {
	for _, tc := range []struct {
		typ       CellType
		raw, want string
	}{
		{TypeNumber, "8.199999999999999", "8.2"},
		{TypeNumber, "8.300000000000001", "8.3"},
		{TypeNumber, "1", "1"},
		{TypeNumber, "7.0", "7"},
		{TypeNumber, "2007", "2007"},
		{TypeNumber, "0.30000000000000004", "0.3"},
		{TypeNumber, "1.25", "1.25"},
		{TypeNumber, "-3.5", "-3.5"},
		{TypeNumber, "1E-3", "0.001"},
		{TypeNumber, "12345678901", "12345678900"},
		{TypeNumber, "NaN", "NaN"},
		{TypeNumber, "abc", "abc"},
		{TypeString, "8.199999999999999", "8.199999999999999"},
		{TypeString, "1.10", "1.10"},
	} {
		if got := (Cell{Type: tc.typ, Value: tc.raw}).Shown(); got != tc.want {
			t.Errorf("Shown(%v %q) = %q, want %q", tc.typ, tc.raw, got, tc.want)
		}
	}
}

func TestUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                   "plain",
		"rad ett_x000D_\nrad två": "rad ett\r\nrad två",
		"_x005F_x000D_":           "_x000D_",
		"a_x0041_b":               "aAb",
		"_x00e5_":                 "å",
		"_x12_ and _xZZZZ_":       "_x12_ and _xZZZZ_",
		"_x000D":                  "_x000D",
		"x_":                      "x_",
	} {
		if got := unescape(in); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
	// In shared and inline strings, not in numbers.
	f, err := Open(zipOf(t, map[string]string{
		"xl/workbook.xml":            wbXML,
		"xl/_rels/workbook.xml.rels": relsXML,
		"xl/sharedStrings.xml":       `<sst><si><t>a_x000D_b</t></si></sst>`,
		"xl/worksheets/sheet1.xml":   `<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>_x005F_x000D_</t></is></c></row></sheetData></worksheet>`,
	}, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := f.Sheet("Blad & 1")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := sh.Value(1, 1), sh.Value(1, 2); a != "a\rb" || b != "_x000D_" {
		t.Errorf("A1 = %q, B1 = %q", a, b)
	}
}

// TestSheetLookup: sheets are found as Excel finds them, ignoring case,
// and a very hidden sheet is never read in place of the one people see.
func TestSheetLookup(t *testing.T) {
	wb := `<workbook xmlns:r="r"><sheets>
<sheet name="Poäng" state="veryHidden" r:id="rId1"/><sheet name="POÄNG" r:id="rId2"/><sheet name="Dold" state="hidden" r:id="rId3"/><sheet name="Gömd" state="veryHidden" r:id="rId4"/>
</sheets></workbook>`
	rels := `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Target="worksheets/sheet4.xml"/></Relationships>`
	cell := func(v string) string {
		return `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>` + v + `</t></is></c></row></sheetData></worksheet>`
	}
	f, err := Open(zipOf(t, map[string]string{
		"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels,
		"xl/worksheets/sheet1.xml": cell("very hidden"), "xl/worksheets/sheet2.xml": cell("visible"),
		"xl/worksheets/sheet3.xml": cell("hidden"), "xl/worksheets/sheet4.xml": cell("gömd"),
	}, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/worksheets/sheet4.xml"), testLimits)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Poäng": "visible", "poäng": "visible", "POÄNG": "visible", "dold": "hidden"} {
		sh, err := f.Sheet(name)
		if err != nil || sh.Value(1, 1) != want || !f.HasSheet(name) {
			t.Errorf("Sheet(%q) = %v, %v; want the %s sheet", name, sh, err, want)
		}
	}
	if f.HasSheet("Gömd") || !f.VeryHidden("gömd") || f.VeryHidden("Dold") {
		t.Errorf("very hidden: HasSheet(Gömd) %v, VeryHidden(gömd) %v, VeryHidden(Dold) %v", f.HasSheet("Gömd"), f.VeryHidden("gömd"), f.VeryHidden("Dold"))
	}
	if _, err := f.Sheet("Gömd"); !errors.Is(err, ErrNoSheet) {
		t.Errorf("Sheet(Gömd): %v, want ErrNoSheet", err)
	}
	if got := f.SheetNames(); !slices.Equal(got, []string{"POÄNG", "Dold"}) {
		t.Errorf("SheetNames = %q", got)
	}
}

func TestDates(t *testing.T) {
	stylesXML := `<styleSheet><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="0.0&quot; dagar&quot;"/><numFmt numFmtId="166" formatCode="[Red][h]:mm"/></numFmts>
<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>
<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="2"/></cellXfs></styleSheet>`
	for _, tc := range []struct {
		date1904 bool
		cell     Cell
		want     string
	}{
		{false, Cell{Type: TypeNumber, Value: "45658", Style: 1}, "2025-01-01"},
		{false, Cell{Type: TypeNumber, Value: "45658.75", Style: 2}, "2025-01-01"},
		{false, Cell{Type: TypeNumber, Value: "1", Style: 1}, "1900-01-01"},
		{false, Cell{Type: TypeNumber, Value: "60", Style: 1}, "1900-02-29"},
		{false, Cell{Type: TypeNumber, Value: "61", Style: 1}, "1900-03-01"},
		{true, Cell{Type: TypeNumber, Value: "0", Style: 1}, "1904-01-01"},
		{false, Cell{Type: TypeNumber, Value: "1.5", Style: 4}, "1900-01-01"},
		{false, Cell{Type: TypeDate, Value: "2025-01-01T00:00:00"}, "2025-01-01"},
		{false, Cell{Type: TypeNumber, Value: "7.5", Style: 0}, ""},
		{false, Cell{Type: TypeNumber, Value: "7.5", Style: 3}, ""}, // "dagar" is quoted
		{false, Cell{Type: TypeNumber, Value: "7.5", Style: 5}, ""},
		{false, Cell{Type: TypeNumber, Value: "7.5", Style: 99}, ""},
		{false, Cell{Type: TypeNumber, Value: "1E+300", Style: 1}, ""},
		{false, Cell{Type: TypeNumber, Value: "-1", Style: 1}, ""},
		{false, Cell{Type: TypeNumber, Value: "NaN", Style: 1}, ""},
		{false, Cell{Type: TypeNumber, Value: "nan", Style: 2}, ""},
		{false, Cell{Type: TypeNumber, Value: "-Inf", Style: 1}, ""},
		{false, Cell{Type: TypeNumber, Value: "+Inf", Style: 1}, ""},
		{true, Cell{Type: TypeNumber, Value: "NaN", Style: 1}, ""},
		{false, Cell{Type: TypeString, Value: "45658", Style: 1}, ""},
		{false, Cell{Type: TypeDate, Value: "igår"}, ""},
	} {
		wb := wbXML
		if tc.date1904 {
			wb = strings.Replace(wb, "<sheets>", `<workbookPr date1904="1"/><sheets>`, 1)
		}
		f, err := Open(zipOf(t, map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": relsXML, "xl/styles.xml": stylesXML},
			"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"), testLimits)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := f.Date(tc.cell)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("Date(%+v, 1904: %v) = %q, %v; want %q", tc.cell, tc.date1904, got, ok, tc.want)
		}
	}
}

// TestStringsLimit: shared strings beyond MaxStrings are refused as the
// part is read, naming the part; exactly MaxStrings are read (the count is
// right where "<si" falls between two pieces of the inflated part).
func TestStringsLimit(t *testing.T) {
	const n = 100000
	sst := "<sst>" + strings.Repeat("<si><t>x</t></si>", n) + "</sst>"
	data := zipOf(t, map[string]string{
		"xl/workbook.xml":            wbXML,
		"xl/_rels/workbook.xml.rels": relsXML,
		"xl/sharedStrings.xml":       sst,
		"xl/worksheets/sheet1.xml":   `<worksheet><sheetData/></worksheet>`,
	}, "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")
	for _, c := range []struct {
		limit int
		ok    bool
	}{{n, true}, {n - 1, false}, {1000, false}} {
		lim := testLimits
		lim.MaxStrings = c.limit
		f, err := Open(data, lim)
		if err != nil {
			t.Fatal(err)
		}
		err = f.ReadStrings()
		if c.ok && (err != nil || len(f.strings) != n) {
			t.Errorf("limit %d: %v, %d strings", c.limit, err, len(f.strings))
		}
		if !c.ok && (!errors.Is(err, ErrTooManyStrings) || !strings.Contains(err.Error(), "xl/sharedStrings.xml")) {
			t.Errorf("limit %d: %v, want ErrTooManyStrings naming the part", c.limit, err)
		}
		if _, serr := f.Sheet("Blad & 1"); !c.ok && !errors.Is(serr, ErrTooManyStrings) {
			t.Errorf("limit %d: Sheet after the refusal: %v", c.limit, serr)
		}
	}
}

// TestOpenRefusesPartTwice: an archive that holds a part twice, in the
// same or another case, is refused by Open itself, naming the part.
func TestOpenRefusesPartTwice(t *testing.T) {
	wb := `<workbook><sheets><sheet name="A" r:id="rId1"/></sheets></workbook>`
	for _, second := range []string{"xl/worksheets/sheet1.xml", "XL/Worksheets/Sheet1.xml", "/xl/worksheets/sheet1.xml"} {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, p := range [][2]string{
			{"xl/workbook.xml", wb},
			{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`},
			{"xl/worksheets/sheet1.xml", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>first</t></is></c></row></sheetData></worksheet>`},
			{second, `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>second</t></is></c></row></sheetData></worksheet>`},
		} {
			w, err := zw.Create(p[0])
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, p[1])
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		_, err := Open(buf.Bytes(), testLimits)
		var dup *DuplicatePartError
		if !errors.As(err, &dup) || dup.Part != second {
			t.Errorf("the part twice as %s: error %v, want a DuplicatePartError naming it", second, err)
		}
	}
}
