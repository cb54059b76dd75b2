package workbook_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// textContents is a fictional text with every kind of block, more blocks
// than the template prepares, and two tables.
func textContents() *evaluation.Evaluation {
	c := &evaluation.Evaluation{
		Facts: evaluation.Facts{Kommun: "Umeå", Year: 2007, Interviews: 24, Interviewed: "kommunstyrelsens ordförande, förvaltningschefer"},
		Tables: []evaluation.Table{
			{Section: evaluation.SectionBackground, Title: "Tabell 1 Mandat", Header: []string{"Parti", "2002", "2006"},
				Rows: [][]string{{"Exempelpartiet", "25", "26"}, {"Påhittspartiet", "24", "23"}}},
			{Section: "5", Title: "Tabell 2 Mål", Header: []string{"Bedömning", "Antal"}, Rows: [][]string{{"Helt", "58"}}},
		},
	}
	for _, sec := range []string{evaluation.SectionBackground, evaluation.SectionSummary, "1", "3"} {
		c.Text = append(c.Text,
			evaluation.TextBlock{Section: sec, Kind: evaluation.Heading, Text: "Rubrik för " + sec},
			evaluation.TextBlock{Section: sec, Kind: evaluation.Paragraph, Text: "Ett *kursivt* och **fett** stycke om " + sec + "."},
			evaluation.TextBlock{Section: sec, Kind: evaluation.Paragraph, Text: "En lista:\n- ett\n- två"},
		)
	}
	for i := 0; i < 40; i++ { // beyond the prepared rows
		c.Text = append(c.Text, evaluation.TextBlock{Section: "8", Kind: evaluation.Paragraph, Text: "Stycke " + strconv.Itoa(i) + strings.Repeat(" x", i)})
	}
	return c
}

// TestTextRoundTrip: what Fill writes on Bedömning, Tabeller and Uppgifter
// is what Read gives back, in order, with the cells it stands in.
func TestTextRoundTrip(t *testing.T) {
	c := textContents()
	ev, probs := read(t, writeFile(t, "eval.xlsx", write(t, "kommunkompassen@2007", c)))
	for _, p := range probs {
		if p.Sheet == workbook.SheetText || p.Sheet == workbook.SheetTables {
			t.Errorf("problem on the text: %v", p)
		}
	}
	if len(ev.Text) != len(c.Text) {
		t.Fatalf("read %d blocks, wrote %d", len(ev.Text), len(c.Text))
	}
	for i, b := range ev.Text {
		w := c.Text[i]
		if b.Section != w.Section || b.Kind != w.Kind || b.Text != w.Text {
			t.Errorf("block %d = %+v, want %+v", i, b, w)
		}
		if row := strconv.Itoa(i + 2); b.Cell != "C"+row || b.SectionCell != "A"+row || b.KindCell != "B"+row {
			t.Errorf("block %d stands in %s, %s, %s; want row %s", i, b.SectionCell, b.KindCell, b.Cell, row)
		}
	}
	if len(ev.Tables) != 2 {
		t.Fatalf("read %d tables: %+v", len(ev.Tables), ev.Tables)
	}
	for i, tb := range ev.Tables {
		w := c.Tables[i]
		if tb.Section != w.Section || tb.Title != w.Title || !slices.Equal(tb.Header, w.Header) || len(tb.Rows) != len(w.Rows) {
			t.Errorf("table %d = %+v, want %+v", i, tb, w)
			continue
		}
		for r := range tb.Rows {
			if !slices.Equal(tb.Rows[r], w.Rows[r]) {
				t.Errorf("table %d row %d = %q, want %q", i, r, tb.Rows[r], w.Rows[r])
			}
		}
	}
	// Tabell 1 in rows 1–4, a blank row, Tabell 2 from row 6.
	if tb := ev.Tables[1]; tb.MarkCell != "A6" || tb.SectionCell != "B6" || tb.Cell != "C6" || tb.HeaderCell != "A7" || !slices.Equal(tb.RowCells, []string{"A8"}) {
		t.Errorf("Tabell 2 cells: %+v", tb)
	}
	if ev.Facts.Interviews != 24 || ev.Facts.Interviewed != "kommunstyrelsens ordförande, förvaltningschefer" {
		t.Errorf("interviews %d, %q", ev.Facts.Interviews, ev.Facts.Interviewed)
	}
}

// TestTextOptional: a template left empty, and a workbook without the
// sheets Bedömning and Tabeller (older workbooks, other programs), have no
// text and no problem with it.
func TestTextOptional(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	ev, probs := read(t, save(t, f))
	if len(ev.Text) != 0 || len(ev.Tables) != 0 || ev.Facts.Interviews != 0 || ev.Facts.Interviewed != "" {
		t.Errorf("an empty template reads as text %+v, tables %+v, interviews %d %q", ev.Text, ev.Tables, ev.Facts.Interviews, ev.Facts.Interviewed)
	}
	for _, sh := range []string{workbook.SheetText, workbook.SheetTables} {
		if err := f.DeleteSheet(sh); err != nil {
			t.Fatal(err)
		}
	}
	_, probs2 := read(t, save(t, f))
	if len(probs2) != len(probs) {
		t.Errorf("without the text sheets: %d problems, with them %d: %v", len(probs2), len(probs), probs2)
	}
}

// TestTextAsTyped: the reader takes what an evaluator types: Typ and
// Område in any case, an area picked as a number, a text with blank lines
// around it and Windows line breaks, a table row of numbers, a table
// ended by a blank row; and keeps what is wrong for the validator.
func TestTextAsTyped(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	set := func(sheet, ref string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	set(workbook.SheetText, "A2", "bakgrund")
	set(workbook.SheetText, "B2", "RUBRIK")
	set(workbook.SheetText, "C2", "\n\n  Om kommunen \n")
	set(workbook.SheetText, "A3", 3)
	set(workbook.SheetText, "B3", "stycke")
	set(workbook.SheetText, "C3", "Första raden\r\n- punkt\r\n- punkt två")
	set(workbook.SheetText, "A4", "Inledning")
	set(workbook.SheetText, "B4", "Underrubrik")
	set(workbook.SheetText, "C4", "text")
	set(workbook.SheetText, "A5", nil)
	set(workbook.SheetText, "C5", "utan område")
	set(workbook.SheetTables, "B1", "Sammanfattning")
	set(workbook.SheetTables, "C1", "Tabell 1")
	for i, v := range []any{"År", "Antal"} {
		set(workbook.SheetTables, sheet.Cell(i+1, 2), v)
	}
	set(workbook.SheetTables, "A3", 2007)
	set(workbook.SheetTables, "B3", 24.5)
	set(workbook.SheetTables, "C3", time.Date(2007, 10, 9, 0, 0, 0, 0, time.UTC)) // a number formatted as a date
	set(workbook.SheetTables, "A4", "kort")
	set(workbook.SheetTables, "A6", "utanför")
	set(workbook.SheetTables, "A8", "tabell")
	set(workbook.SheetTables, "C8", "Utan rubrikrad")
	if err := f.SetCellInt(workbook.SheetFacts, factCell(t, f, workbook.FactInterviews), 12); err != nil {
		t.Fatal(err)
	}
	ev, probs := read(t, save(t, f))
	// The row outside a table is named once; nothing else is a problem of
	// the reader's (the validator reports what is wrong with the text).
	var onText []string
	for _, p := range probs {
		if p.Sheet == workbook.SheetText || p.Sheet == workbook.SheetTables {
			onText = append(onText, p.Place()+" "+p.Message)
		}
	}
	if want := []string{"Tabeller!A6 row 6 is not in a table, so it is not read; a table starts with a row with Tabell in column A, its Område in B and its title in C"}; !slices.Equal(onText, want) {
		t.Errorf("problems %q, want %q", onText, want)
	}
	want := []evaluation.TextBlock{
		{Section: evaluation.SectionBackground, Kind: evaluation.Heading, Text: "Om kommunen"},
		{Section: "3", Kind: evaluation.Paragraph, Text: "Första raden\n- punkt\n- punkt två"},
		{Section: "Inledning", Kind: "Underrubrik", Text: "text"},
		{Section: "", Kind: evaluation.Heading, Text: "utan område"}, // row 5 is prepared as Sammanfattning, Rubrik
	}
	if len(ev.Text) != len(want) {
		t.Fatalf("text = %+v", ev.Text)
	}
	for i, b := range ev.Text {
		if b.Section != want[i].Section || b.Kind != want[i].Kind || b.Text != want[i].Text {
			t.Errorf("block %d = %+v, want %+v", i, b, want[i])
		}
	}
	if len(ev.Tables) != 2 {
		t.Fatalf("tables = %+v", ev.Tables)
	}
	t1, t2 := ev.Tables[0], ev.Tables[1]
	if t1.Section != evaluation.SectionSummary || !slices.Equal(t1.Header, []string{"År", "Antal"}) || len(t1.Rows) != 2 ||
		!slices.Equal(t1.Rows[0], []string{"2007", "24,5", "2007-10-09"}) || !slices.Equal(t1.Rows[1], []string{"kort"}) {
		t.Errorf("Tabell 1 = %+v", t1)
	}
	if t2.Title != "Utan rubrikrad" || t2.Header != nil || t2.MarkCell != "A8" || t2.HeaderCell != "A9" {
		t.Errorf("the table without header = %+v", t2)
	}
	if ev.Facts.Interviews != 12 {
		t.Errorf("Antal intervjuer = %d, want 12", ev.Facts.Interviews)
	}
}

// TestTemplateTextSheets: Bedömning has its header frozen and printed on
// every page, the prepared rows per section with lists of Område and Typ;
// Tabeller has one empty table block; Antal intervjuer accepts whole
// numbers from 0.
func TestTemplateTextSheets(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	rows, err := f.GetRows(workbook.SheetText)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rows[0], []string{"Område", "Typ", "Text"}) {
		t.Errorf("header %q", rows[0])
	}
	if got, want := len(rows)-1, 10*3; got != want {
		t.Errorf("%d prepared rows, want %d (Bakgrund, Sammanfattning and 8 areas, 3 each)", got, want)
	}
	if !slices.Equal(rows[1], []string{"Bakgrund", "Rubrik"}) || !slices.Equal(rows[2], []string{"Bakgrund", "Stycke"}) || !slices.Equal(rows[len(rows)-1], []string{"8", "Stycke"}) {
		t.Errorf("prepared rows %q … %q", rows[1:3], rows[len(rows)-1])
	}
	dvs, err := f.GetDataValidations(workbook.SheetText)
	if err != nil {
		t.Fatal(err)
	}
	lists := map[string]string{}
	for _, dv := range dvs {
		lists[dv.Sqref] = dv.Formula1
	}
	if got := lists["A2:A31"]; !strings.Contains(got, "Bakgrund,Sammanfattning,1,2,3,4,5,6,7,8") {
		t.Errorf("Område list %q (lists %v)", got, lists)
	}
	if got := lists["B2:B31"]; !strings.Contains(got, "Rubrik,Stycke") {
		t.Errorf("Typ list %q", got)
	}
	panes, err := f.GetPanes(workbook.SheetText)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("Bedömning panes %+v, %v", panes, err)
	}
	printed := false
	for _, dn := range f.GetDefinedName() {
		printed = printed || dn.Name == "_xlnm.Print_Titles" && dn.Scope == workbook.SheetText && strings.HasSuffix(dn.RefersTo, "!$1:$1")
	}
	if !printed {
		t.Errorf("Bedömning does not print its header row on every page: %+v", f.GetDefinedName())
	}
	for _, sh := range []string{workbook.SheetText, workbook.SheetTables} {
		if lay, err := f.GetPageLayout(sh); err != nil || lay.Orientation == nil || *lay.Orientation != "landscape" || lay.Size == nil || *lay.Size != 9 {
			t.Errorf("%s does not print landscape on A4: %+v, %v", sh, lay, err)
		}
	}
	if !isLocked(t, f, workbook.SheetText, "A1") || isLocked(t, f, workbook.SheetText, "C2") || isLocked(t, f, workbook.SheetTables, "H14") || !isLocked(t, f, workbook.SheetTables, "I1") {
		t.Error("the input cells of Bedömning and Tabeller are not the prepared ones")
	}
	trows, err := f.GetRows(workbook.SheetTables)
	if err != nil || len(trows) != 1 || !slices.Equal(trows[0], []string{"Tabell"}) {
		t.Errorf("Tabeller holds %q (%v), want one table mark", trows, err)
	}
	fdvs, err := f.GetDataValidations(workbook.SheetFacts)
	if err != nil {
		t.Fatal(err)
	}
	ref := factCell(t, f, workbook.FactInterviews)
	found := false
	for _, dv := range fdvs {
		if dv.Sqref == ref {
			found = dv.Type == "whole" && dv.Operator == "greaterThanOrEqual" && dv.Formula1 == "0"
		}
	}
	if !found {
		t.Errorf("Antal intervjuer (%s) has no validation of a whole number ≥ 0: %+v", ref, fdvs)
	}
	if factCell(t, f, workbook.FactInterviewed) == "" {
		t.Error("no Intervjuade on Uppgifter")
	}
	text := instructionText(t, f)
	for _, s := range []string{"Bedömning (frivilligt)", "Tabeller (frivilligt)", "antal intervjuer och vilka som intervjuades"} {
		if !strings.Contains(text, s) {
			t.Errorf("the instructions do not speak of %q", s)
		}
	}
}

// factCell is the value cell of a fact on Uppgifter.
func factCell(t *testing.T, f *excelize.File, label string) string {
	t.Helper()
	rows, err := f.GetRows(workbook.SheetFacts)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		if len(row) > 0 && row[0] == label {
			return sheet.Cell(2, r+1)
		}
	}
	return ""
}

// TestTextSheetWithoutHeader: a sheet Bedömning that holds text but not
// the template's header is a warning, since its text is not read.
func TestTextSheetWithoutHeader(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	for _, c := range []string{"A1", "B1", "C1"} {
		if err := f.SetCellValue(workbook.SheetText, c, "Något annat"); err != nil {
			t.Fatal(err)
		}
	}
	ev, probs := read(t, save(t, f))
	var got []problem.Problem
	for _, p := range probs {
		if p.Sheet == workbook.SheetText {
			got = append(got, p)
		}
	}
	if len(got) != 1 || got[0].Severity != problem.Warning || got[0].Cell != "A1" || !strings.Contains(got[0].Message, "the text on the sheet is not read") {
		t.Errorf("problems on Bedömning: %v", got)
	}
	if len(ev.Text) != 0 {
		t.Errorf("text read: %+v", ev.Text)
	}
}
