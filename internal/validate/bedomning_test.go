package validate_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// textWorkbook is a fictional full evaluation (the Umeå 2007 scores) with
// the text written by fill, saved; it returns its path.
func textWorkbook(t *testing.T, fill func(w testkit.Filler)) string {
	t.Helper()
	f := testkit.Template(t, "kommunkompassen@2007", evaluation.Facts{Kommun: "Exempelkommun", Year: 2007})
	w := testkit.Fill(t, f)
	w.Scores(testkit.Umea2007Questions(t))
	fill(w)
	path := filepath.Join(t.TempDir(), "text.xlsx")
	if err := os.WriteFile(path, testkit.Bytes(t, f), 0o666); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTextValid: text in every section, bullet lists, tables of every
// width and Antal intervjuer as a number or as text are no problem.
func TestTextValid(t *testing.T) {
	path := textWorkbook(t, func(w testkit.Filler) {
		w.Text("Bakgrund", "Rubrik", "Om kommunen")
		w.Text("bakgrund", "stycke", "Ett stycke med *kursiv* text.\n- en punkt\n- en till")
		w.Text("Sammanfattning", "RUBRIK", "Sammanfattning")
		w.Text("8", "Stycke", "Om område 8.")
		w.Table("Bakgrund", "Tabell 1 Mandat", []string{"Parti", "2002", "2006"}, []string{"A", "1", "2"}, []string{"B", "3", "4"})
		w.Table("3", "Tabell 2 En kolumn", []string{"Mål"}, []string{"ett"})
		w.Fact(workbook.FactInterviews, " 24 ")
		w.Fact(workbook.FactInterviewed, "fiktiva förtroendevalda")
	})
	r := validate.File(path, testbase.Registry(t))
	if !r.OK() || len(r.Problems) != 0 {
		t.Fatalf("problems: %v", r.Problems)
	}
	if ev := r.Evaluation; len(ev.Text) != 4 || len(ev.Tables) != 2 || ev.Facts.Interviews != 24 {
		t.Errorf("read %d blocks, %d tables, %d interviews", len(ev.Text), len(ev.Tables), ev.Facts.Interviews)
	}
}

// TestTextProblems: each mistake in the text is reported at its cell with
// what was expected, and nothing else is.
func TestTextProblems(t *testing.T) {
	path := textWorkbook(t, func(w testkit.Filler) {
		w.Text("9", "Rubrik", "Ett område som inte finns")     // row 2
		w.Text("Inledning", "Stycke", "Inget avsnitt")         // row 3
		w.Text("1", "Underrubrik", "Fel typ")                  // row 4
		w.Text("", "Stycke", "Inget område")                   // row 5
		w.Text("2", "", "Ingen typ")                           // row 6
		w.Text("Sammanfattning", "Stycke", "Det här är rätt.") // row 7
		w.Table("Bakgrund", "Tabell 1", []string{"Parti", "2002", "2006"},
			[]string{"A", "1", "2"}, []string{"B", "3"}, []string{"C", "4", "5", "6"}) // rows 1–5
		w.Table("Okänt", "Tabell 2", []string{"Mål"}, []string{"ett"}) // rows 7–9
		w.Fact(workbook.FactInterviews, "ca 20")
	})
	r := validate.File(path, testbase.Registry(t))
	type where struct{ sheet, cell, id, found, expected, message string }
	var got []where
	for _, p := range r.Problems {
		// An optional fact that is off only warns (the evaluation stays in).
		if p.Sheet == "Uppgifter" {
			if p.Severity != problem.Warning || p.Cell != "B11" || p.Found != "ca 20" ||
				p.Message != `Antal intervjuer "ca 20" is not a whole number of 0 or more, so the report does not give it` {
				t.Errorf("Antal intervjuer: %v (%s), want a warning at B11", p, p.Severity)
			}
			continue
		}
		if p.Severity != problem.Error {
			t.Errorf("not an error: %v", p)
		}
		got = append(got, where{p.Sheet, p.Cell, p.ID, p.Found, p.Expected, p.Message})
	}
	area := "an area id of kommunkompassen@2007, Sammanfattning or Bakgrund"
	want := []where{
		{"Bedömning", "A2", "9", "9", area, `Område "9" is neither an area of kommunkompassen@2007 nor Sammanfattning or Bakgrund`},
		{"Bedömning", "A3", "Inledning", "Inledning", area, `Område "Inledning" is neither an area of kommunkompassen@2007 nor Sammanfattning or Bakgrund`},
		{"Bedömning", "B4", "1", "Underrubrik", "Rubrik, Stycke or Tabell", `Typ "Underrubrik" is neither Rubrik, Stycke nor Tabell`},
		{"Bedömning", "A5", "", "", "an area id, Sammanfattning or Bakgrund", "the row has a text but no Område"},
		{"Bedömning", "B6", "2", "", "Rubrik, Stycke or Tabell", "the row has a text but no Typ"},
		{"Tabeller", "C4", "Bakgrund", "2 cells", "3 cells", `the row has 2 cells, but the header of table "Tabell 1" has 3 cells; every row of a table is as wide as its header (write – for an empty cell)`},
		{"Tabeller", "D5", "Bakgrund", "4 cells", "3 cells", `the row has 4 cells, but the header of table "Tabell 1" has 3 cells; every row of a table is as wide as its header (write – for an empty cell)`},
		{"Tabeller", "B7", "Okänt", "Okänt", area, `Område "Okänt" is neither an area of kommunkompassen@2007 nor Sammanfattning or Bakgrund`},
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d", len(got), len(want))
	}
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("missing %+v", want[i])
		case i >= len(want):
			t.Errorf("unexpected %+v", got[i])
		case got[i] != want[i]:
			t.Errorf("got  %+v\nwant %+v", got[i], want[i])
		}
	}
}

// TestTableWithoutHeader: a table whose header row is blank is reported at
// the header's cell; so is a table without Område at its Område cell.
func TestTableWithoutHeader(t *testing.T) {
	path := textWorkbook(t, func(w testkit.Filler) {
		w.Table("", "Tabell 1 utan område", []string{"a"}, []string{"b"})
		w.Table("Bakgrund", "Tabell 2 utan rubrikrad", nil)
	})
	r := validate.File(path, testbase.Registry(t))
	var got []string
	for _, p := range r.Problems {
		got = append(got, p.Place()+" "+p.Message)
	}
	want := []string{
		`Tabeller!B1 the table "Tabell 1 utan område" has no Område`,
		`Tabeller!A6 the table "Tabell 2 utan rubrikrad" has no header row; the row below Tabell names its columns`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTextTooLong: a cell longer than Excel keeps (which other programs
// can write, though excelize and Excel cut it) is reported at its cell;
// the count is Excel's, in UTF-16 units, so 𝄞 counts twice.
func TestTextTooLong(t *testing.T) {
	ev := evaluationOf(t, "kommunkompassen@2007", testkit.Umea2007Questions(t))
	ok := strings.Repeat("å", validate.MaxCellChars)
	ev.Text = []evaluation.TextBlock{
		{Section: "1", Kind: evaluation.Paragraph, Text: ok, Cell: "C2", SectionCell: "A2", KindCell: "B2"},
		{Section: "2", Kind: evaluation.Paragraph, Text: ok[len("å"):] + "𝄞", Cell: "C3", SectionCell: "A3", KindCell: "B3"},
	}
	ev.Tables = []evaluation.Table{{Section: "3", Title: "T", Header: []string{"a", ok + "b"}, Rows: [][]string{{"c", "d"}},
		Cell: "C1", MarkCell: "A1", SectionCell: "B1", HeaderCell: "A2", RowCells: []string{"A3"}}}
	var got []string
	for _, p := range validate.Evaluation(ev, testbase.Registry(t)) {
		got = append(got, p.Place()+" "+p.Found+" "+p.Message)
	}
	want := []string{
		"Bedömning!C3 32768 characters the cell holds 32768 characters, more than the 32767 Excel keeps in a cell; split the text into several paragraphs",
		"Tabeller!B2 32768 characters the cell holds 32768 characters, more than the 32767 Excel keeps in a cell; split the text into several paragraphs",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTableRefs: a row Tabell names a table of its section by its label;
// a note row under a table is read as its note. Each mistake is named at
// the row's Text cell: no such label, a table of another section, a table
// placed twice, a text that is no label; two tables with one label in a
// section are a warning.
func TestTableRefs(t *testing.T) {
	path := textWorkbook(t, func(w testkit.Filler) {
		w.Text("Bakgrund", "Stycke", "Mandaten framgår av tabellen.")                                                                                        // row 2
		w.Text("Bakgrund", "Tabell", "tabell  1")                                                                                                            // row 3: placed
		w.Text("Bakgrund", "Tabell", "Tabell 1")                                                                                                             // row 4: twice
		w.Text("Bakgrund", "Tabell", "Tabell 7")                                                                                                             // row 5: none
		w.Text("Bakgrund", "Tabell", "Tabell 2")                                                                                                             // row 6: of area 3
		w.Text("Bakgrund", "Tabell", "Mandaten")                                                                                                             // row 7: no label
		w.Text("3", "Tabell", "Tabell 2")                                                                                                                    // row 8: placed
		w.Table("Bakgrund", "Tabell 1 Mandat", []string{"Parti", "2006"}, []string{"S", "26*"}, []string{"* Ett lokalt parti"}, []string{"Källa: kommunen"}) // rows 1–5
		w.Table("3", "Tabell 2 Mål", []string{"Mål"}, []string{"ett"})                                                                                       // rows 8–10
		w.Table("3", "Tabell 2 Samma", []string{"Mål"}, []string{"två"})                                                                                     // rows 11–13
	})
	r := validate.File(path, testbase.Registry(t))
	var got []string
	for _, p := range r.Problems {
		got = append(got, string(p.Severity)+" "+p.Place()+" "+p.Message)
	}
	want := []string{
		"error Bedömning!C4 Tabell 1 is placed already, at C3; a table stands in one place",
		"error Bedömning!C5 there is no table Tabell 7 of this section on the sheet Tabeller",
		"error Bedömning!C6 Tabell 2 is a table of Område 3 on the sheet Tabeller, not of Bakgrund; a table is placed in its own section",
		`error Bedömning!C7 a row Tabell names the table it places by its label, such as Tabell 1; "Mandaten" is none`,
		"warning Tabeller!C11 two tables of the section are labelled Tabell 2 (the other at C7); the text and the rows Tabell on Bedömning cannot tell them apart",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tb := r.Evaluation.Tables[0]
	if len(tb.Rows) != 1 || strings.Join(tb.Notes, "|") != "* Ett lokalt parti|Källa: kommunen" {
		t.Errorf("table 1 read as rows %q, notes %q", tb.Rows, tb.Notes)
	}
}

// TestHeadingLikeParagraph: a Rubrik that reads like a paragraph — long,
// or a sentence ending with a full stop, or several lines — is a warning
// at its Text cell that names the Typ cell; a short heading is not.
func TestHeadingLikeParagraph(t *testing.T) {
	long := "Kommunen har under de senaste åren arbetat målmedvetet med att utveckla sin styrmodell och sin uppföljning av verksamheterna."
	path := textWorkbook(t, func(w testkit.Filler) {
		w.Text("1", "Rubrik", "Information och dialog")                  // row 2
		w.Text("1", "Rubrik", "Hur informeras medborgarna?")             // row 3
		w.Text("1", "Rubrik", long)                                      // row 4
		w.Text("1", "Rubrik", "Kommunen har en tydlig och känd vision.") // row 5
		w.Text("1", "Rubrik", "Två\nrader")                              // row 6
		w.Text("1", "Rubrik", "Mål.")                                    // row 7
	})
	r := validate.File(path, testbase.Registry(t))
	var got []string
	for _, p := range r.Problems {
		got = append(got, string(p.Severity)+" "+p.Place()+" "+p.Message)
	}
	want := []string{
		"warning Bedömning!C4 this Rubrik reads like a paragraph (125 characters, ends with a full stop); if it is one, set its Typ (B4) to Stycke",
		"warning Bedömning!C5 this Rubrik reads like a paragraph (39 characters, ends with a full stop); if it is one, set its Typ (B5) to Stycke",
		"warning Bedömning!C6 this Rubrik reads like a paragraph (9 characters, holds a line break); if it is one, set its Typ (B6) to Stycke",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
