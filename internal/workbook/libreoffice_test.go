package workbook_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/summary"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// summaryJSON validates a workbook, requires it to be free of problems
// (but the warnings at the cells in warned), and returns its summary as
// JSON without the file name.
func summaryJSON(t *testing.T, path string, warned ...string) []byte {
	t.Helper()
	res := validate.File(path, testbase.Registry(t))
	var places []string
	for _, p := range res.Problems {
		if p.Severity != "warning" {
			places = append(places, "error "+p.Place())
			continue
		}
		places = append(places, p.Place())
	}
	if res.Evaluation == nil || !slices.Equal(places, warned) {
		t.Fatalf("%s: problems %v, want warnings at %q only", path, res.Problems, warned)
	}
	s := summary.Build(res.Evaluation)
	s.File = ""
	var buf bytes.Buffer
	if err := summary.JSON(&buf, s); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "file")
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestLibreOffice is every check of the package that needs LibreOffice:
// its files are made first and one soffice run does all LibreOffice's work,
// since starting it is most of the time.
//
//   - round trip: a full and an area-level workbook filled in, opened and
//     saved again by Calc, read the same;
//   - sorted rows: the rows sorted and blank rows inserted (with openpyxl),
//     Calc computes the formulas in their new places (prepareSortedRows);
//   - deleted row: a row deleted in Calc, as an evaluator does.
func TestLibreOffice(t *testing.T) {
	soffice := testkit.LibreOffice(t)
	calc := testkit.NewCalc(t)
	calc.Locale = "sv-SE" // as our users have Calc: the sums below are checked as Swedish Calc computes them
	roundTrip := prepareRoundTrip(t, calc)
	sorted := prepareSortedRows(t, calc)
	deleted := calc.DeleteRow(umea2007, deletedRow[0].sheet, deletedRow[0].row)
	// Under -update a committed workbook with a deleted row that is
	// missing is made again, with the LibreOffice installed.
	remade := map[string]string{}
	for _, tc := range deletedRow {
		path := filepath.Join("testdata", tc.file)
		if _, err := os.Stat(path); testkit.Update() && errors.Is(err, fs.ErrNotExist) {
			remade[path] = calc.DeleteRow(umea2007, tc.sheet, tc.row)
		}
	}
	calc.Run(t, soffice)
	for path, made := range remade {
		b, err := os.ReadFile(made)
		if err == nil {
			err = os.WriteFile(path, b, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("made %s again", path)
	}
	t.Run("round trip", roundTrip)
	t.Run("sorted rows", sorted)
	// A newer Calc's way of deleting a row than that of the committed
	// workbooks (TestLibreOfficeDeletedRow).
	t.Run("deleted row", func(t *testing.T) { checkDeletedRow(t, deleted, deletedRow[0].missing) })
}

// prepareRoundTrip fills in the workbooks of the round trip, has calc
// convert them and returns the check of the copies.
func prepareRoundTrip(t *testing.T, calc *testkit.Calc) func(*testing.T) {
	cases := []struct {
		name string
		ref  string
		fill func(t *testing.T, f *excelize.File)
	}{
		{
			name: "full",
			ref:  "kommunkompassen@2007",
			fill: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Scores(testkit.Umea2007Questions(t))
				w.Score("2.1", "7,5") // typed as text with a decimal comma
				w.Score("5", 78.0)
				w.Score(evaluation.TotalID, 645.0)
				w.Comment("7.1", "Rättat från 25 till 15 – se rapporten, avsnitt 4.")
				w.Comment(evaluation.TotalID, "Summa enligt delfrågorna.")
				w.Fact(workbook.FactEvaluators, "Leif Eldås; Lena Tegenfeldt")
				w.Fact(workbook.FactSources, "SKL: Kommunkompassen. Analys av Umeå kommun")
				w.Note("1", string(evaluation.Strength), "Tydlig vision för kommunen")
				w.Note("1", string(evaluation.Improvement), "Öppnare redovisning av resultat")
				// The evaluators' text, a table and the interviews (fictional).
				w.Text("Bakgrund", "Rubrik", "Om kommunen")
				w.Text("Bakgrund", "Stycke", "Ett *kursivt* stycke om kommunen, se Tabell 1.")
				w.Text("1", "Stycke", "En lista:\n- punkt ett\n- punkt två")
				w.Text("Sammanfattning", "Stycke", "Sammanfattning med **fet** text – och å, ä, ö.")
				w.Table("Bakgrund", "Tabell 1 Mandat", []string{"Parti", "2002", "2006"}, []string{"Exempelpartiet", "25", "26"}, []string{"Påhittspartiet", "24", "23"})
				w.Fact(workbook.FactInterviews, 24)
				w.Fact(workbook.FactInterviewed, "fiktiva förtroendevalda")
			},
		},
		{
			name: "area level",
			ref:  "kommunkompassen@2020",
			fill: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				for i, v := range []float64{73, 75, 80, 83, 86, 82, 86, 83.5} {
					w.Score(strconv.Itoa(i+1), v)
				}
				w.Score(evaluation.TotalID, 648.5)
				w.Fact(workbook.FactKommun, "Vallentuna")
				w.Fact(workbook.FactYear, 2021)
			},
		},
	}
	var paths, converted []string
	for _, tc := range cases {
		f := newTemplate(t, tc.ref)
		tc.fill(t, f)
		paths = append(paths, writeFile(t, "round-trip-"+strings.ReplaceAll(tc.name, " ", "-")+".xlsx", testkit.Bytes(t, f)))
		converted = append(converted, calc.Convert(paths[len(paths)-1]))
	}
	return func(t *testing.T) {
		for i, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				path, conv := paths[i], converted[i]
				// The score typed as text stays text, and kompass says so.
				var warned []string
				if tc.name == "full" {
					warned = []string{"Poäng!D7"}
				}
				before := summaryJSON(t, path, warned...)
				after := summaryJSON(t, conv, warned...) // also: no other problems after the round trip
				if !bytes.Equal(before, after) {
					t.Errorf("summary changed in the LibreOffice round trip\nbefore:\n%s\nafter:\n%s", before, after)
				}
				ev, _ := workbook.Read(conv)
				if tc.name == "full" && len(ev.Notes) != 2 {
					t.Errorf("notes after the round trip: %+v", ev.Notes)
				}
				// The text reads the same after LibreOffice saved it.
				orig, _ := workbook.Read(path)
				if tc.name == "full" && (len(orig.Text) != 4 || len(orig.Tables) != 1 || orig.Facts.Interviews != 24) {
					t.Fatalf("the text before the round trip: %+v, %+v, %d", orig.Text, orig.Tables, orig.Facts.Interviews)
				}
				if !reflect.DeepEqual(ev.Text, orig.Text) || !reflect.DeepEqual(ev.Tables, orig.Tables) ||
					ev.Facts.Interviews != orig.Facts.Interviews || ev.Facts.Interviewed != orig.Facts.Interviewed {
					t.Errorf("the text changed in the LibreOffice round trip:\n%+v\n%+v\n%d %q\nbefore:\n%+v\n%+v\n%d %q",
						ev.Text, ev.Tables, ev.Facts.Interviews, ev.Facts.Interviewed, orig.Text, orig.Tables, orig.Facts.Interviews, orig.Facts.Interviewed)
				}
			})
		}
	}
}

// TestLibreOfficeFixture reads a workbook saved once by LibreOffice Calc
// (evaluations/umea-2007.xlsx converted with soffice --convert-to xlsx), so
// that LibreOffice's way of writing xlsx stays covered without soffice.
//
// The copy is older than the column Motivering i rapporten and the fact
// Status: it is final, and its Kommentar (the corrections, then) is not
// published, with one warning that says so.
func TestLibreOfficeFixture(t *testing.T) {
	path := "testdata/libreoffice-umea-2007.xlsx"
	res := validate.File(path, testbase.Registry(t))
	if res.Evaluation == nil || len(res.Problems) != 1 || res.Problems[0].Place() != "Poäng!F1" || res.Problems[0].Severity != problem.Warning {
		t.Fatalf("problems %v, want one warning at Poäng!F1", res.Problems)
	}
	ev := res.Evaluation
	if ev.Facts.Status != "" || ev.Facts.Draft() {
		t.Errorf("Status %q of a workbook without the fact: want none, final", ev.Facts.Status)
	}
	if ev.Facts.Kommun != "Umeå" || ev.Facts.Year != 2007 || ev.Instrument.Ref() != "kommunkompassen@2007" {
		t.Errorf("facts %+v", ev.Facts)
	}
	tl := ev.Tally()
	if tl.Level != evaluation.LevelFull {
		t.Errorf("level %s, want full", tl.Level)
	}
	for i, a := range tl.Areas {
		if !a.Score.Valid || a.Score.Value.String() != umea2007Areas[i] {
			t.Errorf("area %s = %+v, want %s", a.ID, a.Score, umea2007Areas[i])
		}
	}
	if !tl.Score.Valid || tl.Score.Value.String() != "645" || !tl.Stated.Valid || tl.Stated.Value.String() != "645" {
		t.Errorf("total %+v (stated %+v), want 645", tl.Score, tl.Stated)
	}
	if q, ok := ev.Entry("2.1"); !ok || q.Score.String() != "7.5" {
		t.Errorf("2.1 = %+v, want 7.5", q)
	}
	if len(ev.Notes) == 0 {
		t.Error("no styrkor or förbättringsområden read")
	}
	// The same evaluation as the workbook kompass wrote, but for what it
	// publishes.
	if a, b := summaryJSON(t, path, "Poäng!F1"), withoutComments(t, summaryJSON(t, "../../evaluations/umea-2007.xlsx")); !bytes.Equal(a, b) {
		t.Errorf("LibreOffice's copy summarises differently from evaluations/umea-2007.xlsx\n%s\n%s", a, b)
	}
}

// withoutComments is a summary as JSON without the comments, as a
// workbook made before the column Motivering i rapporten summarises.
func withoutComments(t *testing.T, b []byte) []byte {
	t.Helper()
	var m any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	var strip func(v any)
	strip = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			delete(x, "comment")
			for _, e := range x {
				strip(e)
			}
		case []any:
			for _, e := range x {
				strip(e)
			}
		}
	}
	strip(m)
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// umea2007 is the shipped workbook the LibreOffice tests start from.
const umea2007 = "../../evaluations/umea-2007.xlsx"

// deletedRow are the committed workbooks made by deleting one row of
// evaluations/umea-2007.xlsx in LibreOffice Calc 7.4 (testkit.Calc's
// DeleteRow; delete one and run TestLibreOffice with -update to make it
// again). Calc then writes an empty row 1048576 and a dimension that
// reaches it.
var deletedRow = []struct {
	file, sheet string
	row         int
	// missing is the problem validate reports, "" for none.
	missing string
}{
	{"libreoffice-deleted-row-poang.xlsx", workbook.SheetScores, 10, "2.4"},
	{"libreoffice-deleted-row-notes.xlsx", workbook.SheetNotes, 50, ""},
}

// checkDeletedRow checks a workbook with one row deleted in LibreOffice:
// it is read like any other, and the row is all that is missing.
func checkDeletedRow(t *testing.T, path, missing string) {
	t.Helper()
	ev, probs := read(t, path)
	if ev == nil || len(probs) != 0 {
		t.Fatalf("read: problems %v", probs)
	}
	shipped, _ := read(t, "../../evaluations/umea-2007.xlsx")
	want := len(shipped.Entries)
	wantNotes := len(shipped.Notes)
	if missing != "" {
		want--
	} else {
		wantNotes--
	}
	if len(ev.Entries) != want || len(ev.Notes) != wantNotes {
		t.Errorf("%d rows and %d notes read, want %d and %d", len(ev.Entries), len(ev.Notes), want, wantNotes)
	}
	// The row is all validate reports: its area is not also partly scored.
	res := validate.File(path, testbase.Registry(t))
	switch {
	case missing == "" && len(res.Problems) != 0:
		t.Errorf("problems %v, want none", res.Problems)
	case missing != "" && (len(res.Problems) != 1 || res.Problems[0].ID != missing || res.Problems[0].Message != "the row for "+missing+" is missing from the sheet"):
		t.Errorf("problems %v, want only the row for %s missing", res.Problems, missing)
	}
}

// TestLibreOfficeDeletedRow reads the committed workbooks with a row
// deleted in Calc.
func TestLibreOfficeDeletedRow(t *testing.T) {
	for _, tc := range deletedRow {
		t.Run(tc.file, func(t *testing.T) { checkDeletedRow(t, filepath.Join("testdata", tc.file), tc.missing) })
	}
}
