package workbook_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// wantProblem is a problem expected from Read; message is a substring of
// an error's, or of a warning's when it starts with "warning: ".
type wantProblem struct {
	sheet, cell, id, message string
}

func (w wantProblem) matches(p problem.Problem) bool {
	sev, message := problem.Error, w.message
	if m, ok := strings.CutPrefix(message, "warning: "); ok {
		sev, message = problem.Warning, m
	}
	return p.Sheet == w.sheet && p.Cell == w.cell && p.ID == w.id && p.Severity == sev && strings.Contains(p.Message, message)
}

// checkProblems asserts that got holds exactly the wanted problems.
func checkProblems(t *testing.T, path string, got []problem.Problem, want []wantProblem) {
	t.Helper()
	used := make([]bool, len(got))
outer:
	for _, w := range want {
		for i, p := range got {
			if !used[i] && w.matches(p) {
				used[i] = true
				if p.File != path {
					t.Errorf("problem %v names file %q, want %q", p, p.File, path)
				}
				continue outer
			}
		}
		t.Errorf("missing problem %s!%s (%s): …%s…", w.sheet, w.cell, w.id, w.message)
	}
	for i, p := range got {
		if !used[i] {
			t.Errorf("unexpected problem: %v", p)
		}
	}
}

// score describes what an entry should read as: "" for not scored.
func scoreOf(en evaluation.Entry) string {
	if !en.Scored {
		return ""
	}
	return en.Score.String()
}

func swapRows(t *testing.T, f *excelize.File, a, b int) {
	t.Helper()
	for c := 1; c <= 6; c++ {
		ca, _ := excelize.CoordinatesToCellName(c, a)
		cb, _ := excelize.CoordinatesToCellName(c, b)
		va, _ := f.GetCellValue(workbook.SheetScores, ca, excelize.Options{RawCellValue: true})
		vb, _ := f.GetCellValue(workbook.SheetScores, cb, excelize.Options{RawCellValue: true})
		ta, _ := f.GetCellType(workbook.SheetScores, ca)
		tb, _ := f.GetCellType(workbook.SheetScores, cb)
		set := func(ref, v string, typ excelize.CellType) {
			var err error
			if n, perr := strconv.ParseFloat(v, 64); perr == nil && (typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset) {
				err = f.SetCellFloat(workbook.SheetScores, ref, n, -1, 64)
			} else {
				err = f.SetCellStr(workbook.SheetScores, ref, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		set(ca, vb, tb)
		set(cb, va, ta)
	}
}

func TestReadScores(t *testing.T) {
	for _, tc := range []struct {
		name string
		// edit changes the template (Umeå 2007, kommunkompassen@2007).
		edit func(t *testing.T, f *excelize.File)
		// patch changes the written package, for what excelize cannot write.
		patch func(t *testing.T, data []byte) []byte
		// scores maps ids to the expected score ("" = not scored); cells
		// maps ids to the expected Poäng cell.
		scores   map[string]string
		cells    map[string]string
		problems []wantProblem
		absent   []string // ids that must not be read
	}{
		{
			name: "numbers",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("1.1", 28.0)
				w.Score("2.1", 7.5)
				w.Score("1", 73)
				w.Score(evaluation.TotalID, 645)
			},
			scores: map[string]string{"1.1": "28", "2.1": "7.5", "1": "73", evaluation.TotalID: "645", "1.2": ""},
			cells:  map[string]string{"1": "D2", "1.1": "D3", "2.1": "D7", evaluation.TotalID: "D47"},
		},
		{
			name: "text with decimal comma or point",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("2.1", "7,5")
				w.Score("2.2", " 7.5 ")
				w.Score("2.3", "18")
				w.Score("2.4", "\u00a017,0\u00a0")
			},
			scores: map[string]string{"2.1": "7.5", "2.2": "7.5", "2.3": "18", "2.4": "17"},
			// read, but named: sums in the sheet skip text
			problems: []wantProblem{
				{workbook.SheetScores, "D7", "2.1", `warning: Poäng "7,5" is stored as text; kompass reads it as 7,5, but sums in Excel and LibreOffice skip text — type 7,5 again as a number`},
				{workbook.SheetScores, "D8", "2.2", `warning: Poäng "7.5" is stored as text; kompass reads it as 7,5`},
				{workbook.SheetScores, "D9", "2.3", `warning: Poäng "18" is stored as text`},
				{workbook.SheetScores, "D10", "2.4", `warning: type 17 again as a number`},
			},
		},
		{
			name: "empty is not scored",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("1.1", "")
				w.Score("1.2", "   ")
				w.Score("1.3", 13.0)
			},
			scores: map[string]string{"1.1": "", "1.2": "", "1.3": "13", "1": ""},
		},
		{
			name: "rows swapped, ids with them",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("1.1", 28.0)
				w.Score("1.2", 32.0)
				w.Comment("1.1", "om 1.1")
				swapRows(t, f, w.Row("1.1"), w.Row("1.2"))
				swapRows(t, f, w.Row("2.6"), w.Row("8.4")) // across areas
				w.Score("2.6", 6.0)
			},
			scores: map[string]string{"1.1": "28", "1.2": "32", "2.6": "6", "8.4": ""},
			cells:  map[string]string{"1.1": "D4", "1.2": "D3", "2.6": "D46", "8.4": "D12"},
		},
		{
			name: "blank rows inserted and removed",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("1.1", 28.0)
				w.Score("8.4", 20.0)
				if err := f.InsertRows(workbook.SheetScores, 3, 2); err != nil { // above 1.1
					t.Fatal(err)
				}
				if err := f.InsertRows(workbook.SheetScores, 2, 1); err != nil { // right below the header
					t.Fatal(err)
				}
				if err := f.RemoveRow(workbook.SheetScores, 4); err != nil { // one of the two blank rows
					t.Fatal(err)
				}
				w.Score("1.2", 32.0)
			},
			scores: map[string]string{"1": "", "1.1": "28", "1.2": "32", "8.4": "20"},
			cells:  map[string]string{"1": "D3", "1.1": "D5", "1.2": "D6", "8.4": "D48", evaluation.TotalID: "D49"},
		},
		{
			name: "a wrong number in the Summa column is ignored",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Scores(testkit.Umea2007Questions(t))
				if err := f.SetCellFloat(workbook.SheetScores, w.Cell("1", workbook.ColSum), 999, -1, 64); err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellFloat(workbook.SheetScores, w.Cell(evaluation.TotalID, workbook.ColSum), 1, -1, 64); err != nil {
					t.Fatal(err)
				}
			},
			scores: map[string]string{"1": "", "1.1": "28", evaluation.TotalID: ""},
		},
		{
			name: "a formula in Summa with a wrong cached value is ignored",
			edit: func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Scores(testkit.Umea2007Questions(t)) },
			patch: func(t *testing.T, data []byte) []byte {
				data = patchCell(t, data, workbook.SheetScores, "E2", `<c r="E2"><f>IF(COUNT(D3:D5)&gt;0,SUM(D3:D5),IF(ISNUMBER(D2),D2,&quot;&quot;))</f><v>999</v></c>`)
				return patchCell(t, data, workbook.SheetScores, "E47", `<c r="E47"><f>SUM(E2,E6)</f><v>1</v></c>`)
			},
			scores: map[string]string{"1": "", "1.1": "28", evaluation.TotalID: ""},
		},
		{
			name: "a column inserted before Poäng",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.InsertCols(workbook.SheetScores, "D", 1); err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStr(workbook.SheetScores, "D1", "Egen kolumn"); err != nil {
					t.Fatal(err)
				}
				w := testkit.Fill(t, f)
				w.Score("1.1", 28.0)
				w.Comment("1.1", "flyttad")
				if err := f.SetCellStr(workbook.SheetScores, "D4", "12"); err != nil { // not Poäng any more
					t.Fatal(err)
				}
			},
			scores: map[string]string{"1.1": "28", "1.2": ""},
			cells:  map[string]string{"1.1": "E3", "1.2": "E4"},
		},
		{
			name: "columns reordered: Poäng before ID",
			edit: func(t *testing.T, f *excelize.File) {
				// Move ID to the far right: insert a column A, copy the
				// ids there, and clear the old column… then swap headers.
				if err := f.InsertCols(workbook.SheetScores, "A", 1); err != nil {
					t.Fatal(err)
				}
				rows, _ := f.GetRows(workbook.SheetScores)
				for r := range rows {
					v, _ := f.GetCellValue(workbook.SheetScores, "E"+strconv.Itoa(r+1)) // Poäng
					id, _ := f.GetCellValue(workbook.SheetScores, "B"+strconv.Itoa(r+1))
					_ = f.SetCellStr(workbook.SheetScores, "A"+strconv.Itoa(r+1), v)
					_ = f.SetCellStr(workbook.SheetScores, "E"+strconv.Itoa(r+1), "")
					_ = f.SetCellStr(workbook.SheetScores, "H"+strconv.Itoa(r+1), id)
					_ = f.SetCellStr(workbook.SheetScores, "B"+strconv.Itoa(r+1), "")
				}
				_ = f.SetCellStr(workbook.SheetScores, "E1", "Gammal")
				_ = f.SetCellStr(workbook.SheetScores, "B1", "Tom")
				w := testkit.Fill(t, f)
				w.Score("3.3", 25.5)
			},
			scores: map[string]string{"3.3": "25.5", "3": ""},
			cells:  map[string]string{"3.3": "A16", "1": "A2"},
		},
		{
			name: "formula in a Poäng cell",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.SetCellFormula(workbook.SheetScores, testkit.Fill(t, f).Cell("1.1", workbook.ColScore), "20+8"); err != nil {
					t.Fatal(err)
				}
			},
			scores:   map[string]string{"1.1": ""},
			problems: []wantProblem{{workbook.SheetScores, "D3", "1.1", "the Poäng cell holds a formula"}},
		},
		{
			name: "formula with a cached value in a Poäng cell",
			edit: func(t *testing.T, f *excelize.File) {},
			patch: func(t *testing.T, data []byte) []byte {
				return patchCell(t, data, workbook.SheetScores, "D4", `<c r="D4"><f>30+2</f><v>32</v></c>`)
			},
			scores:   map[string]string{"1.2": ""},
			problems: []wantProblem{{workbook.SheetScores, "D4", "1.2", "the Poäng cell holds a formula"}},
		},
		{
			name: "formula with a cached value in an ID cell",
			edit: func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Score("1.1", 28.0) },
			patch: func(t *testing.T, data []byte) []byte {
				return patchCell(t, data, workbook.SheetScores, "A3", `<c r="A3" t="str"><f>"1."&amp;"1"</f><v>1.1</v></c>`)
			},
			// The row is 1.1's, so it is not missing, but its score is not read.
			scores:   map[string]string{"1.1": ""},
			problems: []wantProblem{{workbook.SheetScores, "A3", "1.1", "the ID cell holds a formula"}},
		},
		{
			name: "formula without a cached value in an ID cell",
			edit: func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Score("1.1", 28.0) },
			patch: func(t *testing.T, data []byte) []byte {
				return patchCell(t, data, workbook.SheetScores, "A3", `<c r="A3" t="str"><f>"1."&amp;"1"</f></c>`)
			},
			absent:   []string{"1.1"},
			problems: []wantProblem{{workbook.SheetScores, "A3", "", "the ID cell holds a formula"}},
		},
		{
			name: "duplicate id",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("1.1", 28.0)
				w.Score("1.3", 13.0)
				if err := f.SetCellStr(workbook.SheetScores, w.Cell("1.3", workbook.ColID), "1.1"); err != nil {
					t.Fatal(err)
				}
			},
			scores:   map[string]string{"1.1": "28"},
			cells:    map[string]string{"1.1": "D3"},
			absent:   []string{"1.3"},
			problems: []wantProblem{{workbook.SheetScores, "A5", "1.1", "id 1.1 appears twice (first in row 3); this row is ignored"}},
		},
		{
			name: "merged Poäng cell",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("1.1", 28.0)
				w.Score("2.1", 7.5)
				if err := f.MergeCell(workbook.SheetScores, "D3", "E3"); err != nil {
					t.Fatal(err)
				}
				if err := f.MergeCell(workbook.SheetScores, "C7", "D7"); err != nil {
					t.Fatal(err)
				}
			},
			scores: map[string]string{"1.1": "", "2.1": "", "1.2": ""},
			problems: []wantProblem{
				{workbook.SheetScores, "D3", "1.1", "the Poäng cell is merged with other cells (D3:E3)"},
				{workbook.SheetScores, "D7", "2.1", "the Poäng cell is merged with other cells (C7:D7)"},
			},
		},
		{
			name: "Poäng cells merged with each other: one problem",
			edit: func(t *testing.T, f *excelize.File) {
				testkit.Fill(t, f).Scores(map[string]float64{"1.1": 28, "1.2": 32})
				if err := f.MergeCell(workbook.SheetScores, "D3", "D4"); err != nil {
					t.Fatal(err)
				}
			},
			scores:   map[string]string{"1.1": "", "1.2": ""},
			problems: []wantProblem{{workbook.SheetScores, "D3", "1.1", "the Poäng cell is merged with other cells (D3:D4)"}},
		},
		{
			name: "a dash is not a score",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("1.1", "-")
				w.Score("1.2", " – ")
			},
			scores: map[string]string{"1.1": "", "1.2": ""},
			problems: []wantProblem{
				{workbook.SheetScores, "D3", "1.1", `Poäng "-" is not a number; leave the cell empty for what is not scored`},
				{workbook.SheetScores, "D4", "1.2", `Poäng "–" is not a number; leave the cell empty for what is not scored`},
			},
		},
		{
			name: "text that is not a number",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Score("1.1", "abc")
				w.Score("1.2", "1 000")
				w.Score("1.3", "#REF!")
				w.Score("2.1", "7,5,0")
				w.Score("2.2", "1e1")
				w.Score("2.3", "7,")
			},
			scores: map[string]string{"1.1": "", "1.2": "", "1.3": "", "2.1": "", "2.2": "", "2.3": ""},
			problems: []wantProblem{
				{workbook.SheetScores, "D3", "1.1", `Poäng "abc" is not a number`},
				{workbook.SheetScores, "D4", "1.2", `Poäng "1 000" is not a number`},
				{workbook.SheetScores, "D5", "1.3", `Poäng "#REF!" is not a number`},
				{workbook.SheetScores, "D7", "2.1", `Poäng "7,5,0" is not a number`},
				{workbook.SheetScores, "D8", "2.2", `Poäng "1e1" is not a number`},
				{workbook.SheetScores, "D9", "2.3", `Poäng "7," is not a number`},
			},
		},
		{
			name: "error and boolean cells are not numbers",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.SetCellBool(workbook.SheetScores, "D4", true); err != nil {
					t.Fatal(err)
				}
			},
			patch: func(t *testing.T, data []byte) []byte {
				return patchCell(t, data, workbook.SheetScores, "D3", `<c r="D3" t="e"><v>#REF!</v></c>`)
			},
			scores: map[string]string{"1.1": "", "1.2": ""},
			problems: []wantProblem{
				{workbook.SheetScores, "D3", "1.1", `Poäng "#REF!" is not a number`},
				{workbook.SheetScores, "D4", "1.2", `Poäng "TRUE" is not a number`},
			},
		},
		{
			name: "missing Poäng sheet",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.DeleteSheet(workbook.SheetScores); err != nil {
					t.Fatal(err)
				}
			},
			absent:   []string{"1", "1.1", evaluation.TotalID},
			problems: []wantProblem{{workbook.SheetScores, "", "", `the sheet "Poäng" is missing; the workbook has the sheets Instruktioner, Uppgifter, Styrkor och förbättringsområden, Bedömning, Tabeller (rename`}},
		},
		{
			name: "renamed Poäng sheet: the sheets found are named",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.SetSheetName(workbook.SheetScores, "Poäng 2007"); err != nil {
					t.Fatal(err)
				}
			},
			absent:   []string{"1", "1.1", evaluation.TotalID},
			problems: []wantProblem{{workbook.SheetScores, "", "", `the sheet "Poäng" is missing; the workbook has the sheets Instruktioner, Uppgifter, Poäng 2007, Styrkor och förbättringsområden, Bedömning, Tabeller (rename the sheet back`}},
		},
		{
			name: "sheet names in another case",
			edit: func(t *testing.T, f *excelize.File) {
				testkit.Fill(t, f).Score("1.1", 28.0)
				for _, name := range []string{workbook.SheetScores, workbook.SheetFacts} {
					if err := f.SetSheetName(name, strings.ToUpper(name)); err != nil {
						t.Fatal(err)
					}
				}
			},
			scores: map[string]string{"1.1": "28"},
		},
		{
			name: "a very hidden Poäng sheet is not read",
			patch: func(t *testing.T, data []byte) []byte {
				parts := zipParts(t, data)
				parts["xl/workbook.xml"] = strings.Replace(parts["xl/workbook.xml"], `<sheet name="Poäng"`, `<sheet state="veryHidden" name="Poäng"`, 1)
				return rezip(t, data, parts)
			},
			absent:   []string{"1", "1.1"},
			problems: []wantProblem{{workbook.SheetScores, "", "", `the sheet "Poäng" is very hidden`}},
		},
		{
			// A very hidden copy of the sheet, with the same name and other
			// scores, is never read in place of the one the evaluator sees.
			name: "a very hidden copy of Poäng is not read",
			edit: func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Score("1.1", 28.0) },
			patch: func(t *testing.T, data []byte) []byte {
				parts := zipParts(t, data)
				visible := sheetPart(t, parts, workbook.SheetScores)
				hidden := regexp.MustCompile(`<c r="D3"([^>]*)><v>28</v>`).ReplaceAllString(parts[visible], `<c r="D3"$1><v>40</v>`)
				if hidden == parts[visible] {
					t.Fatal("no score 28 in D3 to change")
				}
				parts["xl/worksheets/hidden.xml"] = hidden
				parts["xl/workbook.xml"] = strings.Replace(parts["xl/workbook.xml"], `<sheet name="Styrkor`, `<sheet name="Poäng" sheetId="99" state="veryHidden" r:id="rIdHidden"/><sheet name="Styrkor`, 1)
				parts["xl/_rels/workbook.xml.rels"] = strings.Replace(parts["xl/_rels/workbook.xml.rels"], `</Relationships>`, `<Relationship Id="rIdHidden" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/hidden.xml"/></Relationships>`, 1)
				return rezipWith(t, data, parts, "xl/worksheets/hidden.xml")
			},
			scores: map[string]string{"1.1": "28"},
		},
		{
			name: "a date typed into a Poäng cell",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.SetCellValue(workbook.SheetScores, testkit.Fill(t, f).Cell("1.1", workbook.ColScore), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
					t.Fatal(err)
				}
			},
			scores:   map[string]string{"1.1": ""},
			problems: []wantProblem{{workbook.SheetScores, "D3", "1.1", "Poäng looks like a date (2025-01-01), not a number"}},
		},
		{
			name: "missing header",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.SetCellStr(workbook.SheetScores, "D1", "Poäng 2007"); err != nil {
					t.Fatal(err)
				}
			},
			absent:   []string{"1", "1.1"},
			problems: []wantProblem{{workbook.SheetScores, "A1", "", `no header row naming the columns "ID" and "Poäng"`}},
		},
		{
			name: "header lower down, with other spelling",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.InsertRows(workbook.SheetScores, 1, 3); err != nil {
					t.Fatal(err)
				}
				if err := f.SetCellStr(workbook.SheetScores, "A1", "Kommunkompassen"); err != nil {
					t.Fatal(err)
				}
				_ = f.SetCellStr(workbook.SheetScores, "A4", " id ")
				_ = f.SetCellStr(workbook.SheetScores, "D4", "POÄNG:")
				if err := f.SetCellFloat(workbook.SheetScores, "D6", 28, -1, 64); err != nil { // 1.1
					t.Fatal(err)
				}
			},
			scores: map[string]string{"1.1": "28"},
			cells:  map[string]string{"1.1": "D6"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newTemplate(t, "kommunkompassen@2007")
			if tc.edit != nil {
				tc.edit(t, f)
			}
			data := testkit.Bytes(t, f)
			if tc.patch != nil {
				data = tc.patch(t, data)
			}
			path := writeFile(t, "eval.xlsx", data)
			ev, probs := read(t, path)
			if ev == nil {
				t.Fatalf("no evaluation; problems %v", probs)
			}
			checkProblems(t, path, probs, tc.problems)
			for id, want := range tc.scores {
				en, ok := ev.Entry(id)
				if !ok {
					t.Errorf("no entry %s", id)
					continue
				}
				if got := scoreOf(en); got != want {
					t.Errorf("%s: score %q, want %q", id, got, want)
				}
			}
			for id, want := range tc.cells {
				en, ok := ev.Entry(id)
				if !ok {
					t.Errorf("no entry %s", id)
					continue
				}
				row, _ := strconv.Atoi(strings.TrimLeft(want, "ABCDEFGH"))
				if en.Cell != want || en.Row != row {
					t.Errorf("%s: cell %s row %d, want %s", id, en.Cell, en.Row, want)
				}
			}
			// A Poäng cell the reader reports an error at is unreadable:
			// never summed. (A warning, such as a score stored as text, is
			// read.)
			for _, w := range tc.problems {
				if strings.HasPrefix(w.message, "warning: ") {
					continue
				}
				if en, ok := ev.Entry(w.id); ok && (en.Cell == w.cell || en.IDCell == w.cell) && (!en.Unreadable || en.Scored) {
					t.Errorf("%s is reported at %s but not unreadable: %+v", w.id, w.cell, en)
				}
			}
			for _, id := range tc.absent {
				if en, ok := ev.Entry(id); ok {
					t.Errorf("entry %s read (%+v), want none", id, en)
				}
			}
			// Sums are never read from the workbook: a full set of delfrågor
			// always tallies to Umeå's figures whatever the Summa cells say.
			if tc.scores["1.1"] == "28" && len(ev.Entries) > 0 {
				var n int
				for _, en := range ev.Entries {
					if en.Scored {
						n++
					}
				}
				if n == len(testkit.Umea2007Questions(t)) {
					ev.Instrument = testbase.Instrument(t, "kommunkompassen@2007")
					tl := ev.Tally()
					for i, a := range tl.Areas {
						if !a.Score.Valid || a.Score.Value.String() != umea2007Areas[i] || a.Stated.Valid {
							t.Errorf("area %s: score %+v stated %+v, want %s from the delfrågor", a.ID, a.Score, a.Stated, umea2007Areas[i])
						}
					}
					if !tl.Score.Valid || tl.Score.Value.String() != "645" || tl.Stated.Valid {
						t.Errorf("total %+v stated %+v, want 645", tl.Score, tl.Stated)
					}
				}
			}
		})
	}
}

// TestReadEntriesInSheetOrder checks that entries come in sheet order with
// one per id.
func TestReadEntriesInSheetOrder(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	swapRows(t, f, 2, 3) // area 1 below 1.1
	ev, probs := read(t, save(t, f))
	if len(probs) != 0 {
		t.Fatalf("problems %v", probs)
	}
	var ids []string
	for _, en := range ev.Entries {
		ids = append(ids, en.ID)
	}
	if len(ids) < 3 || !slices.Equal(ids[:3], []string{"1.1", "1", "1.2"}) || ids[len(ids)-1] != evaluation.TotalID {
		t.Errorf("ids %q, want 1.1, 1, 1.2, … TOTAL", ids)
	}
}

// TestReadPublished: the Kommentar is the evaluators' note, the Motivering
// i rapporten what is published; a workbook without that column (made
// before it) publishes nothing, and says so once when it has comments.
func TestReadPublished(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	w := testkit.Fill(t, f)
	w.Scores(testkit.Umea2007Questions(t))
	w.Comment("1.1", "Osäker – fråga kommundirektören igen")
	w.Published("7.1", "Rättat från 25 till 15.")
	ev, probs := read(t, save(t, f))
	if len(probs) != 0 {
		t.Errorf("problems %v", probs)
	}
	if en, _ := ev.Entry("1.1"); en.Comment != "Osäker – fråga kommundirektören igen" || en.Published != "" || en.CommentCell != "F3" || en.PublishedCell != "G3" {
		t.Errorf("1.1: %+v", en)
	}
	if en, _ := ev.Entry("7.1"); en.Comment != "" || en.Published != "Rättat från 25 till 15." {
		t.Errorf("7.1: %+v", en)
	}

	if err := f.RemoveCol(workbook.SheetScores, "G"); err != nil {
		t.Fatal(err)
	}
	path := save(t, f)
	ev, probs = read(t, path)
	checkProblems(t, path, probs, []wantProblem{{workbook.SheetScores, "F1", "", "warning: the sheet has no column Motivering i rapporten, so no Kommentar is published"}})
	if en, _ := ev.Entry("1.1"); en.Comment == "" || en.Published != "" {
		t.Errorf("1.1 without the column: %+v", en)
	}
}

func TestReadFacts(t *testing.T) {
	for _, tc := range []struct {
		name     string
		edit     func(t *testing.T, f *excelize.File)
		problems []wantProblem // from Read
		check    func(t *testing.T, ev *evaluation.Evaluation)
		// validation is the set of messages validate adds about facts.
		validation []wantProblem
	}{
		{
			name: "prefilled",
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				want := evaluation.Facts{Kommun: "Umeå", Year: 2007, InstrumentID: "kommunkompassen", InstrumentVersion: "2007", Kind: evaluation.KindKommun}
				got := ev.Facts
				if got.Kommun != want.Kommun || got.Year != want.Year || got.InstrumentID != want.InstrumentID || got.InstrumentVersion != want.InstrumentVersion || got.Kind != want.Kind {
					t.Errorf("facts %+v, want %+v", got, want)
				}
				for label, cell := range map[string]string{"Kommun": "B2", "År": "B3", "Instrument": "B4", "Version": "B5"} {
					if ev.Facts.Cells[label] != cell {
						t.Errorf("%s read at %q, want %s", label, ev.Facts.Cells[label], cell)
					}
				}
			},
		},
		{
			name: "year as text with spaces, kommun spaced, kind medelvärde, other facts",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Fact(workbook.FactYear, " 2005 ")
				w.Fact(workbook.FactKommun, "  Umeå   kommun ")
				w.Fact(workbook.FactKind, "Medelvärde")
				w.Fact(workbook.FactEvaluators, "Leif Eldås")
				w.Fact(workbook.FactDates, "19–21 september 2007")
				w.Fact(workbook.FactSources, "Rapport\nrad två")
			},
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if ev.Facts.Year != 2005 || ev.Facts.Kommun != "Umeå kommun" || ev.Facts.Kind != evaluation.KindMean {
					t.Errorf("facts %+v", ev.Facts)
				}
				if ev.Facts.Evaluators != "Leif Eldås" || ev.Facts.Dates != "19–21 september 2007" || ev.Facts.Sources != "Rapport\nrad två" {
					t.Errorf("facts %+v", ev.Facts)
				}
			},
		},
		{
			// Status: the template's Utkast is a draft; Slutlig is final;
			// any case.
			name: "status prefilled",
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if ev.Facts.Status != evaluation.StatusDraft || !ev.Facts.Draft() || ev.Facts.Cells[workbook.FactStatus] != "B7" {
					t.Errorf("status %q at %s, want Utkast at B7", ev.Facts.Status, ev.Facts.Cells[workbook.FactStatus])
				}
			},
		},
		{
			name: "status final",
			edit: func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Fact(workbook.FactStatus, " slutlig ") },
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if ev.Facts.Status != evaluation.StatusFinal || ev.Facts.Draft() {
					t.Errorf("status %q, want Slutlig", ev.Facts.Status)
				}
			},
		},
		{
			name:     "status empty counts as a draft",
			edit:     func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Fact(workbook.FactStatus, "") },
			problems: []wantProblem{{workbook.SheetFacts, "B7", "", "warning: Status is empty, so the evaluation counts as a draft (Utkast)"}},
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if !ev.Facts.Draft() {
					t.Errorf("status %q, want a draft", ev.Facts.Status)
				}
			},
		},
		{
			name:     "status unknown",
			edit:     func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Fact(workbook.FactStatus, "Klar") },
			problems: []wantProblem{{workbook.SheetFacts, "B7", "", `Status "Klar" is neither Utkast nor Slutlig`}},
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if !ev.Facts.Draft() {
					t.Errorf("status %q, want a draft", ev.Facts.Status)
				}
			},
		},
		{
			// An older workbook has no row Status: its results were
			// published as they stand, so it is final.
			name: "no status row",
			edit: func(t *testing.T, f *excelize.File) {
				_, row, err := excelize.CellNameToCoordinates(testkit.Fill(t, f).FactCell(workbook.FactStatus))
				if err != nil {
					t.Fatal(err)
				}
				if err := f.RemoveRow(workbook.SheetFacts, row); err != nil {
					t.Fatal(err)
				}
			},
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if ev.Facts.Status != "" || ev.Facts.Draft() {
					t.Errorf("status %q, want none (final)", ev.Facts.Status)
				}
			},
		},
		{
			// Dates are printed as the sheet shows them: a date typed as a
			// date, as Swedish Excel and LibreOffice store "13 mars 2025"
			// (a number formatted as a date), is a Swedish date, whatever
			// its format; a number in a text fact is shown with a comma.
			name: "dates as dates",
			edit: func(t *testing.T, f *excelize.File) {
				w := testkit.Fill(t, f)
				w.Fact(workbook.FactDates, time.Date(2025, 3, 13, 0, 0, 0, 0, time.UTC))
				w.Fact(workbook.FactEvaluators, 2.5)
			},
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if ev.Facts.Dates != "13 mars 2025" || ev.Facts.Evaluators != "2,5" {
					t.Errorf("Datum %q, Utvärderare %q; want 13 mars 2025 and 2,5", ev.Facts.Dates, ev.Facts.Evaluators)
				}
			},
		},
		{
			name:     "year not a number",
			edit:     func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Fact(workbook.FactYear, "20x7") },
			problems: []wantProblem{{workbook.SheetFacts, "B3", "", `År "20x7" is not a year`}},
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if ev.Facts.Year != 0 {
					t.Errorf("year %d, want 0", ev.Facts.Year)
				}
			},
		},
		{
			name:     "year out of range",
			edit:     func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Fact(workbook.FactYear, 1800) },
			problems: []wantProblem{{workbook.SheetFacts, "B3", "", `År "1800" is not a year`}},
		},
		{
			name:     "year with decimals",
			edit:     func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Fact(workbook.FactYear, 2007.5) },
			problems: []wantProblem{{workbook.SheetFacts, "B3", "", `År "2007.5" is not a year`}},
		},
		{
			name:       "kommun only spaces",
			edit:       func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Fact(workbook.FactKommun, "   ") },
			validation: []wantProblem{{workbook.SheetFacts, "B2", "", "Kommun is empty"}},
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if ev.Facts.Kommun != "" {
					t.Errorf("kommun %q, want empty", ev.Facts.Kommun)
				}
			},
		},
		{
			name: "year empty",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.SetCellStr(workbook.SheetFacts, "B3", ""); err != nil {
					t.Fatal(err)
				}
			},
			validation: []wantProblem{{workbook.SheetFacts, "B3", "", "År is empty"}},
		},
		{
			name: "missing fact rows",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.RemoveRow(workbook.SheetFacts, 2); err != nil { // Kommun
					t.Fatal(err)
				}
				if err := f.RemoveRow(workbook.SheetFacts, 4); err != nil { // Version (now row 4)
					t.Fatal(err)
				}
			},
			validation: []wantProblem{
				{workbook.SheetFacts, "", "", "no row labelled Kommun in column A"},
				{workbook.SheetFacts, "", "", "no row labelled Version in column A"},
			},
		},
		{
			name: "missing Uppgifter sheet",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.DeleteSheet(workbook.SheetFacts); err != nil {
					t.Fatal(err)
				}
			},
			problems: []wantProblem{{workbook.SheetFacts, "", "", `the sheet "Uppgifter" is missing`}},
			validation: []wantProblem{
				{workbook.SheetFacts, "", "", "no row labelled Kommun in column A"},
				{workbook.SheetFacts, "", "", "no row labelled År in column A"},
				{workbook.SheetFacts, "", "", "no row labelled Instrument in column A"},
				{workbook.SheetFacts, "", "", "no row labelled Version in column A"},
			},
		},
		{
			name: "fact labels with colon and other case, rows moved",
			edit: func(t *testing.T, f *excelize.File) {
				if err := f.InsertRows(workbook.SheetFacts, 2, 2); err != nil {
					t.Fatal(err)
				}
				_ = f.SetCellStr(workbook.SheetFacts, "A4", "kommun:")
				_ = f.SetCellStr(workbook.SheetFacts, "B4", "Umeå")
			},
			check: func(t *testing.T, ev *evaluation.Evaluation) {
				if ev.Facts.Kommun != "Umeå" || ev.Facts.Cells["Kommun"] != "B4" || ev.Facts.Year != 2007 || ev.Facts.Cells["År"] != "B5" {
					t.Errorf("facts %+v", ev.Facts)
				}
			},
		},
		{
			name: "fact given twice",
			edit: func(t *testing.T, f *excelize.File) {
				_ = f.SetCellStr(workbook.SheetFacts, "A12", "Kommun")
				_ = f.SetCellStr(workbook.SheetFacts, "B12", "Umeå")
			},
			problems: []wantProblem{{workbook.SheetFacts, "A12", "", "Kommun is given twice (first at B2)"}},
		},
		{
			name:     "kind neither",
			edit:     func(t *testing.T, f *excelize.File) { testkit.Fill(t, f).Fact(workbook.FactKind, "region") },
			problems: []wantProblem{{workbook.SheetFacts, "B6", "", `Avser "region" is neither kommun, medelvärde nor bedömning`}},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newTemplate(t, "kommunkompassen@2007")
			if tc.edit != nil {
				tc.edit(t, f)
			}
			path := save(t, f)
			ev, probs := read(t, path)
			if ev == nil {
				t.Fatalf("no evaluation: %v", probs)
			}
			checkProblems(t, path, probs, tc.problems)
			if tc.check != nil {
				tc.check(t, ev)
			}
			// validate.File adds the fact problems, plus "not scored" for
			// the eight areas of the empty template.
			res := validate.File(path, testbase.Registry(t))
			var facts []problem.Problem
			for _, p := range res.Problems {
				if p.Sheet == workbook.SheetFacts {
					facts = append(facts, p)
				}
			}
			checkProblems(t, path, facts, append(append([]wantProblem{}, tc.problems...), tc.validation...))
		})
	}
}

func TestReadNotes(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	sh := workbook.SheetNotes
	set := func(ref, v string) {
		t.Helper()
		if err := f.SetCellStr(sh, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	// Prepared rows: 2–4 Styrka of area 1, 5–7 Förbättringsområde of area 1.
	set("D2", "Tydlig vision")
	set("D5", " Fler mätningar ")
	set("D3", "")        // an empty prepared row is skipped
	set("C4", "Styrkan") // unknown kind
	set("D4", "Något")
	set("A50", "") // an open row with a text but no area
	set("C50", "Styrka")
	set("D50", "Utan område")
	set("A51", "3") // an open row, filled by hand
	set("C51", "förbättringsområde")
	set("D51", "Budgetprocessen")
	set("A52", "9") // an area the instrument does not have
	set("C52", "Styrka")
	set("D52", "Okänt")
	path := save(t, f)
	ev, probs := read(t, path)
	checkProblems(t, path, probs, []wantProblem{
		{sh, "C4", "1", `Typ "Styrkan" is neither Styrka nor Förbättringsområde`},
		{sh, "A50", "", "the row has a text but no Område"},
	})
	want := []evaluation.Note{
		{Area: "1", Kind: evaluation.Strength, Text: "Tydlig vision", Cell: "D2", AreaCell: "A2"},
		{Area: "1", Kind: evaluation.Improvement, Text: "Fler mätningar", Cell: "D5", AreaCell: "A5"},
		{Area: "3", Kind: evaluation.Improvement, Text: "Budgetprocessen", Cell: "D51", AreaCell: "A51"},
		{Area: "9", Kind: evaluation.Strength, Text: "Okänt", Cell: "D52", AreaCell: "A52"},
	}
	if !slices.Equal(ev.Notes, want) {
		t.Errorf("notes\n got %+v\nwant %+v", ev.Notes, want)
	}
	res := validate.File(path, testbase.Registry(t))
	var notes []problem.Problem
	for _, p := range res.Problems {
		if p.Sheet == sh {
			notes = append(notes, p)
		}
	}
	checkProblems(t, path, notes, []wantProblem{
		{sh, "C4", "1", `Typ "Styrkan" is neither Styrka nor Förbättringsområde`},
		{sh, "A50", "", "the row has a text but no Område"},
		// An area the instrument does not have is named where it is typed.
		{sh, "A52", "9", `styrka belongs to area "9", which the instrument kommunkompassen@2007 does not have`},
	})
}

func TestReadNotesMissingSheetAndHeader(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	if err := f.DeleteSheet(workbook.SheetNotes); err != nil {
		t.Fatal(err)
	}
	path := save(t, f)
	_, probs := read(t, path)
	checkProblems(t, path, probs, []wantProblem{{workbook.SheetNotes, "", "", `the sheet "Styrkor och förbättringsområden" is missing`}})

	g := newTemplate(t, "kommunkompassen@2007")
	if err := g.SetCellStr(workbook.SheetNotes, "C1", "Sort"); err != nil {
		t.Fatal(err)
	}
	path = save(t, g)
	_, probs = read(t, path)
	checkProblems(t, path, probs, []wantProblem{{workbook.SheetNotes, "A1", "", `no header row naming the columns "Område", "Typ" and "Text"`}})
}

// TestReadAreaLevel reads an area-level workbook of the 2020 instrument.
func TestReadAreaLevel(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2020")
	w := testkit.Fill(t, f)
	want := []float64{73, 75, 80, 83, 86, 82, 86, 83}
	for i, v := range want {
		w.Score(strconv.Itoa(i+1), v)
	}
	w.Score(evaluation.TotalID, 648.0)
	path := save(t, f)
	res := validate.File(path, testbase.Registry(t))
	if len(res.Problems) != 0 {
		t.Fatalf("problems %v", res.Problems)
	}
	tl := res.Evaluation.Tally()
	if tl.Level != evaluation.LevelArea || !tl.Score.Valid || tl.Score.Value.String() != "648" {
		t.Errorf("tally level %s score %+v, want area 648", tl.Level, tl.Score)
	}
	for i, a := range tl.Areas {
		if got := a.Score.Value.String(); !a.Score.Valid || got != fmt.Sprint(want[i]) {
			t.Errorf("area %s = %s, want %v", a.ID, got, want[i])
		}
	}
}

// TestUnknownIDCellWithMovedColumns checks that problems about an id name
// the ID cell where it is, after columns were inserted before it.
func TestUnknownIDCellWithMovedColumns(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2020")
	if err := f.InsertCols(workbook.SheetScores, "A", 2); err != nil {
		t.Fatal(err)
	}
	w := testkit.Fill(t, f)
	for i := 1; i <= 8; i++ {
		w.Score(strconv.Itoa(i), 50.0)
	}
	if err := f.SetCellStr(workbook.SheetScores, "C12", "9"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(workbook.SheetScores, "F12", "10"); err != nil {
		t.Fatal(err)
	}
	path := save(t, f)
	res := validate.File(path, testbase.Registry(t))
	checkProblems(t, path, res.Problems, []wantProblem{
		{workbook.SheetScores, "C12", "9", `id "9" is not in the instrument kommunkompassen@2020`},
		{workbook.SheetScores, "F12", "9", `warning: Poäng "10" is stored as text`},
	})
	if en, ok := res.Evaluation.Entry("9"); !ok || en.IDCell != "C12" || en.Cell != "F12" || en.Score.String() != "10" {
		t.Errorf("entry 9 = %+v, want ID cell C12, Poäng F12 = 10", en)
	}
}
