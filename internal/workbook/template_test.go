package workbook_test

import (
	"bytes"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// scoreRow is one row the Poäng sheet of a template must have.
type scoreRow struct {
	id, text, max string
	area          bool // an area row (or TOTAL)
	questions     []string
}

// expectedRows lists the rows of the Poäng sheet in order, from the
// instrument: each area followed by its delfrågor, then TOTAL.
func expectedRows(in *instrument.Instrument) []scoreRow {
	var out []scoreRow
	for _, a := range in.Areas {
		r := scoreRow{id: a.ID, text: a.ID + " " + a.Name, max: a.Max.String(), area: true}
		for _, q := range a.Questions {
			r.questions = append(r.questions, q.ID)
		}
		out = append(out, r)
		for _, q := range a.Questions {
			out = append(out, scoreRow{id: q.ID, text: q.ID + " " + q.Text, max: q.Max.String()})
		}
	}
	return append(out, scoreRow{id: evaluation.TotalID, text: evaluation.TotalLabel, max: in.Max().String(), area: true})
}

// cellStyle returns the style of a cell.
func cellStyle(t *testing.T, f *excelize.File, sheet, ref string) *excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// isLocked reports whether a cell is locked by its style (cells are locked
// unless their style says otherwise).
func isLocked(t *testing.T, f *excelize.File, sheet, ref string) bool {
	t.Helper()
	st := cellStyle(t, f, sheet, ref)
	return st.Protection == nil || st.Protection.Locked
}

func TestTemplateLayout(t *testing.T) {
	for _, tc := range []struct {
		ref                string
		areas, questions   int
		hasQuestions       bool
		totalMax           string
		firstQuestionRowID string
	}{
		{ref: "kommunkompassen@2007", areas: 8, questions: 37, hasQuestions: true, totalMax: "800"},
		{ref: "kommunkompassen@2020", areas: 8, questions: 0, totalMax: "800"},
	} {
		t.Run(tc.ref, func(t *testing.T) {
			in := testbase.Instrument(t, tc.ref)
			f := newTemplate(t, tc.ref)

			if got := f.GetSheetList(); !slices.Equal(got, workbook.SheetOrder) {
				t.Fatalf("sheets = %q, want %q", got, workbook.SheetOrder)
			}
			if want := []string{"Instruktioner", "Uppgifter", "Poäng", "Styrkor och förbättringsområden", "Bedömning", "Tabeller"}; !slices.Equal(workbook.SheetOrder, want) {
				t.Fatalf("SheetOrder = %q, want %q", workbook.SheetOrder, want)
			}

			rows, err := f.GetRows(workbook.SheetScores, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			wantHeader := []string{"ID", "Område / delfråga", "Maxpoäng", "Poäng", "Summa", "Kommentar", "Motivering i rapporten", "Poäng som tal"}
			if !slices.Equal(rows[0], wantHeader) {
				t.Errorf("header = %q, want %q", rows[0], wantHeader)
			}

			want := expectedRows(in)
			nAreas, nQuestions := 0, 0
			for _, r := range want {
				switch {
				case r.id == evaluation.TotalID:
				case r.area:
					nAreas++
				default:
					nQuestions++
				}
			}
			if nAreas != tc.areas || nQuestions != tc.questions {
				t.Fatalf("instrument has %d areas and %d delfrågor, want %d and %d", nAreas, nQuestions, tc.areas, tc.questions)
			}
			if got := len(rows) - 1; got != len(want) {
				t.Fatalf("Poäng has %d rows below the header, want %d (%d areas + %d delfrågor + TOTAL)", got, len(want), tc.areas, tc.questions)
			}
			if last := want[len(want)-1]; last.max != tc.totalMax {
				t.Errorf("TOTAL max = %s, want %s", last.max, tc.totalMax)
			}

			dvs, err := f.GetDataValidations(workbook.SheetScores)
			if err != nil {
				t.Fatal(err)
			}
			dvByRef := map[string]*excelize.DataValidation{}
			for _, dv := range dvs {
				dvByRef[dv.Sqref] = dv
			}

			rowOf := map[string]int{}
			for i, w := range want {
				r := i + 2
				rowOf[w.id] = r
				got := rows[r-1]
				for len(got) < 6 {
					got = append(got, "")
				}
				if got[0] != w.id || got[1] != w.text || got[2] != w.max {
					t.Errorf("row %d = %q, want ID %q, text %q, max %q", r, got[:3], w.id, w.text, w.max)
				}
				if got[3] != "" {
					t.Errorf("row %d: Poäng %q, want empty", r, got[3])
				}

				// Every Poäng cell restricts input to 0…max in steps of 0,5
				// and says so in Swedish.
				d := "D" + strconv.Itoa(r)
				dv, ok := dvByRef[d]
				if !ok {
					t.Errorf("%s (%s): no data validation", d, w.id)
				} else {
					formula := fmt.Sprintf("AND(ISNUMBER(%[1]s),%[1]s>=0,%[1]s<=%[2]s,MOD(%[1]s,0.5)=0)", d, w.max)
					if dv.Type != "custom" || dv.Formula1 != formula {
						t.Errorf("%s: validation %s %q, want custom %q", d, dv.Type, dv.Formula1, formula)
					}
					if !strings.Contains(dv.Formula1, "<="+w.max+",") || !strings.Contains(dv.Formula1, ",0.5)") {
						t.Errorf("%s: formula %q lacks the max %s or the step 0.5", d, dv.Formula1, w.max)
					}
					wantMsg := fmt.Sprintf("skriv ett tal från 0 till %s i steg om 0,5, t.ex. 7,5. Lämna tomt om det inte är bedömt.", strings.Replace(w.max, ".", ",", 1))
					if dv.Error == nil || !strings.Contains(*dv.Error, wantMsg) {
						t.Errorf("%s: error message %v, want it to contain %q", d, deref(dv.Error), wantMsg)
					}
					if deref(dv.ErrorTitle) != "Ogiltig poäng" || deref(dv.ErrorStyle) != "stop" || !dv.ShowErrorMessage {
						t.Errorf("%s: error title %q style %q shown %v, want a stop titled \"Ogiltig poäng\"", d, deref(dv.ErrorTitle), deref(dv.ErrorStyle), dv.ShowErrorMessage)
					}
				}

				// Locked: ID, text, Maxpoäng, Summa, the number. Open: Poäng,
				// Kommentar, Motivering i rapporten.
				for col, wantLocked := range map[string]bool{"A": true, "B": true, "C": true, "D": false, "E": true, "F": false, "G": false, "H": true} {
					ref := col + strconv.Itoa(r)
					if got := isLocked(t, f, workbook.SheetScores, ref); got != wantLocked {
						t.Errorf("%s (%s): locked = %v, want %v", ref, w.id, got, wantLocked)
					}
				}

				// The hidden number: the row's own Poäng, text included.
				h := "H" + strconv.Itoa(r)
				if hf, _ := f.GetCellFormula(workbook.SheetScores, h); !slices.Equal(cellRefRE.FindAllString(hf, -1), []string{d, d}) || !strings.Contains(hf, "VALUE(") {
					t.Errorf("%s (%s): the number's formula %q, want one reading only %s", h, w.id, hf, d)
				}

				// Summa: a formula on area and total rows, none on delfrågor.
				// It finds its rows by ID over whole columns: the only cell it
				// names is the area's own number (H), in its own row, so that
				// sorting or inserting rows cannot break it.
				e := "E" + strconv.Itoa(r)
				formula, err := f.GetCellFormula(workbook.SheetScores, e)
				if err != nil {
					t.Fatal(err)
				}
				cells := cellRefRE.FindAllString(formula, -1)
				switch {
				case w.id == evaluation.TotalID:
					if len(cells) != 0 {
						t.Errorf("%s (TOTAL): Summa formula %q names the cells %q; it must find the areas by ID", e, formula, cells)
					}
					for _, a := range in.Areas {
						if !strings.Contains(formula, `"`+a.ID+`"`) {
							t.Errorf("%s (TOTAL): Summa formula %q does not find area %s by its ID", e, formula, a.ID)
						}
					}
				case w.area:
					if want := []string{h, h}; !slices.Equal(cells, want) {
						t.Errorf("%s (%s): Summa formula %q names the cells %q, want only its own number %s", e, w.id, formula, cells, h)
					}
					if len(w.questions) > 0 && !strings.Contains(formula, `"`+w.id+`.*"`) {
						t.Errorf("%s (%s): Summa formula %q does not find the delfrågor by the ID prefix %s.*", e, w.id, formula, w.id)
					}
				default:
					if formula != "" {
						t.Errorf("%s (%s): delfråga Summa has formula %q, want none", e, w.id, formula)
					}
				}
			}
			for _, col := range []string{"A", "B", "C", "D", "E", "F", "G", "H"} {
				if !isLocked(t, f, workbook.SheetScores, col+"1") {
					t.Errorf("header %s1 is not locked", col)
				}
			}
			if visible, err := f.GetColVisible(workbook.SheetScores, "H"); err != nil || visible {
				t.Errorf("the column of numbers: visible %v (%v), want hidden", visible, err)
			}
			if tc.hasQuestions != in.HasQuestions() {
				t.Errorf("HasQuestions = %v", in.HasQuestions())
			}

			// Facts: Kommun and År prefilled and open; the instrument locked.
			facts, err := f.GetRows(workbook.SheetFacts, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			wantFacts := map[string]struct {
				value  string
				locked bool
			}{
				workbook.FactKommun:     {"Umeå", false},
				workbook.FactYear:       {"2007", false},
				workbook.FactInstrument: {in.ID, true},
				workbook.FactVersion:    {in.Version, true},
				workbook.FactKind:       {"kommun", false},
				workbook.FactStatus:     {"Utkast", false},
			}
			seen := map[string]bool{}
			for r, row := range facts {
				if len(row) < 2 {
					continue
				}
				w, ok := wantFacts[row[0]]
				if !ok {
					continue
				}
				seen[row[0]] = true
				if row[1] != w.value {
					t.Errorf("fact %s = %q, want %q", row[0], row[1], w.value)
				}
				ref := "B" + strconv.Itoa(r+1)
				if got := isLocked(t, f, workbook.SheetFacts, ref); got != w.locked {
					t.Errorf("fact %s at %s: locked = %v, want %v", row[0], ref, got, w.locked)
				}
			}
			if len(seen) != len(wantFacts) {
				t.Errorf("facts found %v, want all of %v", seen, wantFacts)
			}
			if got, _ := f.GetCellValue(workbook.SheetFacts, "B2"); got != "Umeå" {
				t.Errorf("Uppgifter!B2 = %q, want Umeå", got)
			}
			if got, _ := f.GetCellValue(workbook.SheetFacts, "B3"); got != "2007" {
				t.Errorf("Uppgifter!B3 = %q, want 2007", got)
			}

			// Notes: Område, Typ and Text open; Områdesnamn locked.
			for col, wantLocked := range map[string]bool{"A": false, "B": true, "C": false, "D": false} {
				if got := isLocked(t, f, workbook.SheetNotes, col+"2"); got != wantLocked {
					t.Errorf("%s!%s2: locked = %v, want %v", workbook.SheetNotes, col, got, wantLocked)
				}
			}

			// Every sheet is protected, without a password.
			parts := zipParts(t, testkit.Bytes(t, f))
			for _, sh := range workbook.SheetOrder {
				xml := parts[sheetPart(t, parts, sh)]
				prot := regexp.MustCompile(`<sheetProtection[^>]*>`).FindString(xml)
				if !strings.Contains(prot, `sheet="true"`) {
					t.Errorf("%s: not protected (%q)", sh, prot)
				}
				for _, attr := range []string{"password=", "hashValue=", "saltValue=", "algorithmName="} {
					if strings.Contains(prot, attr) {
						t.Errorf("%s: protection has a password (%s): %q", sh, attr, prot)
					}
				}
			}

			// The template reads back clean, with one entry per row.
			ev, probs := read(t, save(t, f))
			if len(probs) != 0 {
				t.Errorf("empty template: problems %v", probs)
			}
			if ev.Facts.Kommun != "Umeå" || ev.Facts.Year != 2007 || ev.Facts.InstrumentID != in.ID || ev.Facts.InstrumentVersion != in.Version {
				t.Errorf("facts read back = %+v", ev.Facts)
			}
			if len(ev.Entries) != len(want) {
				t.Errorf("%d entries read back, want %d", len(ev.Entries), len(want))
			}
			for _, en := range ev.Entries {
				if en.Scored || en.Row != rowOf[en.ID] || en.Cell != "D"+strconv.Itoa(en.Row) {
					t.Errorf("entry %+v: want unscored at D%d", en, rowOf[en.ID])
				}
			}
		})
	}
}

// cellRefRE matches a reference to one cell (D5, $D$5), not a whole
// column ($A:$A).
var cellRefRE = regexp.MustCompile(`\$?[A-Z]{1,3}\$?[0-9]+`)

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestTemplateFormulasCompute evaluates the Summa formulas, so that what
// the evaluator sees in Excel is the sum kompass computes.
func TestTemplateFormulasCompute(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	w := testkit.Fill(t, f)
	w.Scores(testkit.Umea2007Questions(t))
	for i, want := range umea2007Areas {
		id := strconv.Itoa(i + 1)
		got, err := f.CalcCellValue(workbook.SheetScores, w.Cell(id, workbook.ColSum))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("Summa of area %s = %q, want %s", id, got, want)
		}
	}
	if got, _ := f.CalcCellValue(workbook.SheetScores, w.Cell(evaluation.TotalID, workbook.ColSum)); got != "645" {
		t.Errorf("Summa of TOTAL = %q, want 645", got)
	}

	// Scores typed as text count as kompass counts them: "22,5" and "22.5"
	// in place of 22.5 (3.1) and 28 (1.1) leave every sum as it was.
	w.Score("3.1", "22,5")
	w.Score("1.1", " 28 ")
	if got, _ := f.CalcCellValue(workbook.SheetScores, w.Cell(evaluation.TotalID, workbook.ColSum)); got != "645" {
		t.Errorf("Summa of TOTAL with text scores = %q, want 645", got)
	}
	w.Score("3.1", "22.5")
	if got, _ := f.CalcCellValue(workbook.SheetScores, w.Cell("3", workbook.ColSum)); got != umea2007Areas[2] {
		t.Errorf("Summa of area 3 with 3.1 = \"22.5\" = %q, want %s", got, umea2007Areas[2])
	}
	// (An area scored at area level is checked in LibreOffice,
	// TestLibreOfficeSortedRows: excelize's COUNTIFS counts the empty text
	// of an unscored row as ">=0", which Excel and LibreOffice do not.)
}

func TestTemplateDeterministic(t *testing.T) {
	for _, ref := range []string{"kommunkompassen@2007", "kommunkompassen@2020"} {
		in := testbase.Instrument(t, ref)
		var a, b, c bytes.Buffer
		tf := &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: "Umeå", Year: 2007}}
		if err := workbook.Write(&a, in, tf); err != nil {
			t.Fatal(err)
		}
		if err := workbook.Write(&b, in, tf); err != nil {
			t.Fatal(err)
		}
		if a.Len() == 0 || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two templates differ (%d and %d bytes)", ref, a.Len(), b.Len())
		}
		if err := workbook.Write(&c, in, &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: "Örebro", Year: 2012}}); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(a.Bytes(), c.Bytes()) {
			t.Errorf("%s: templates for different kommuner are identical", ref)
		}
	}
}

// instructionText is the Instruktioner sheet as one text.
func instructionText(t *testing.T, f *excelize.File) string {
	t.Helper()
	rows, err := f.GetRows(workbook.SheetInstructions)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range rows {
		lines = append(lines, strings.Join(r, " "))
	}
	return strings.Join(lines, "\n")
}

// TestTemplateInstructions: the workbook opens on the instructions, which
// speak of delfrågor only for an instrument that has them, and promise
// about rows what the protection allows.
func TestTemplateInstructions(t *testing.T) {
	for _, ref := range []string{"kommunkompassen@2002", "kommunkompassen@2007", "kommunkompassen@2010", "kommunkompassen@2020"} {
		t.Run(ref, func(t *testing.T) {
			in := testbase.Instrument(t, ref)
			f := newTemplate(t, ref)
			if got := f.GetSheetName(f.GetActiveSheetIndex()); got != workbook.SheetInstructions {
				t.Errorf("the workbook opens on %q, want %s", got, workbook.SheetInstructions)
			}
			text := instructionText(t, f)
			mentions := strings.Contains(strings.ToLower(text), "delfråg")
			if mentions != in.HasQuestions() {
				t.Errorf("instrument with %d delfrågor: the instructions mention delfrågor = %v:\n%s", in.Questions(), mentions, text)
			}
			if !strings.Contains(text, fmt.Sprintf("%d huvudområden", len(in.Areas))) {
				t.Errorf("the instructions do not say the instrument has %d huvudområden:\n%s", len(in.Areas), text)
			}
			// What is published and what is not, in one sentence, and how a
			// draft becomes final (issue 19).
			if !strings.Contains(text, workbook.PublishedRule) || !strings.Contains(text, "aldrig kolumnen Kommentar") {
				t.Errorf("the instructions do not say what is published:\n%s", text)
			}
			if !strings.Contains(text, "välj Status Slutlig på bladet Uppgifter") {
				t.Errorf("the instructions do not say how a draft becomes final:\n%s", text)
			}

			// Inserting and deleting rows is allowed on every sheet, sorting
			// is not: the instructions say both.
			parts := zipParts(t, testkit.Bytes(t, f))
			for _, sh := range workbook.SheetOrder {
				prot := regexp.MustCompile(`<sheetProtection[^>]*>`).FindString(parts[sheetPart(t, parts, sh)])
				for attr, want := range map[string]string{"insertRows": "false", "deleteRows": "false", "sort": "true"} {
					if !strings.Contains(prot, attr+`="`+want+`"`) {
						t.Errorf("%s: protection %q lacks %s=%q", sh, prot, attr, want)
					}
				}
			}
			for _, promise := range []string{"Tomma rader får infogas även när bladet är skyddat", "Vill du sortera eller flytta rader, ta först bort skyddet"} {
				if !strings.Contains(text, promise) {
					t.Errorf("the instructions do not say %q:\n%s", promise, text)
				}
			}
		})
	}
}

// TestTemplateInputColour: every cell the evaluator may edit has the same
// yellow, and no locked cell has it.
func TestTemplateInputColour(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	yellows := map[string]bool{}       // fills of the input cells
	lockedFills := map[string]string{} // fill → a locked cell that has it
	for _, sh := range workbook.SheetOrder {
		dim, err := f.GetSheetDimension(sh)
		if err != nil {
			t.Fatal(err)
		}
		_, last, _ := strings.Cut(dim, ":")
		maxCol, maxRow, err := excelize.CellNameToCoordinates(last)
		if err != nil {
			t.Fatalf("%s: dimension %q: %v", sh, dim, err)
		}
		for r := 1; r <= maxRow; r++ {
			for c := 1; c <= maxCol; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				st := cellStyle(t, f, sh, ref)
				fill := strings.Join(st.Fill.Color, ",")
				if st.Protection != nil && !st.Protection.Locked {
					yellows[fill] = true
				} else if _, seen := lockedFills[fill]; !seen {
					lockedFills[fill] = sh + "!" + ref
				}
			}
		}
	}
	if len(yellows) != 1 {
		t.Errorf("the input cells have %d colours %v, want one", len(yellows), yellows)
	}
	for fill := range yellows {
		if ref, ok := lockedFills[fill]; ok {
			t.Errorf("%s is locked but has the input colour %s", ref, fill)
		}
	}
}

// TestTemplateYear: the År cell accepts the years docs/workbook.md names,
// which are the years kompass template and the reader accept.
func TestTemplateYear(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	dvs, err := f.GetDataValidations(workbook.SheetFacts)
	if err != nil {
		t.Fatal(err)
	}
	yearCell := testkit.Fill(t, f).FactCell(workbook.FactYear)
	i := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == yearCell })
	if i < 0 {
		t.Fatalf("no data validation on %s", yearCell)
	}
	if dv := dvs[i]; dv.Type != "whole" || dv.Formula1 != strconv.Itoa(workbook.MinYear) || dv.Formula2 != strconv.Itoa(workbook.MaxYear) {
		t.Errorf("År: validation %s %s–%s, want whole %d–%d", dv.Type, dv.Formula1, dv.Formula2, workbook.MinYear, workbook.MaxYear)
	}
	doc, err := os.ReadFile("../../docs/workbook.md")
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("| År | yes | the evaluation year, four digits (%d–%d) |", workbook.MinYear, workbook.MaxYear)
	if !strings.Contains(string(doc), want) {
		t.Errorf("docs/workbook.md has no line %q", want)
	}
	for _, year := range []int{workbook.MinYear - 1, workbook.MaxYear + 1} {
		if _, err := workbook.Build(testbase.Instrument(t, "kommunkompassen@2007"), &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: "Umeå", Year: year}}, workbook.Extra{}); err == nil || !strings.Contains(err.Error(), strconv.Itoa(year)) {
			t.Errorf("template for %d: error %v, want one naming the year", year, err)
		}
	}
}

// TestTemplateRefusesAmbiguousIDs: the sums find an area's delfrågor by
// the prefix "id." and compare ids without regard to case; an instrument
// whose area ids they cannot tell apart is refused.
func TestTemplateRefusesAmbiguousIDs(t *testing.T) {
	base := testbase.Instrument(t, "kommunkompassen@2020")
	for _, tc := range []struct {
		ids  []string
		want []string // in the error
	}{
		{[]string{"1", "2", "1.5"}, []string{"1.5", `"1."`}},
		{[]string{"a", "A"}, []string{"a", "A"}},
	} {
		in := *base
		in.Areas = nil
		for _, id := range tc.ids {
			in.Areas = append(in.Areas, instrument.Area{ID: id, Name: "Område " + id, Max: base.Areas[0].Max})
		}
		_, err := workbook.Build(&in, &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: "Umeå", Year: 2021}}, workbook.Extra{})
		if err == nil {
			t.Errorf("areas %q: no error", tc.ids)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("areas %q: error %q does not name %s", tc.ids, err, w)
			}
		}
	}
}

// TestTemplateAreaName: Områdesnamn is found whether Område holds the
// id as text, as a number (how Excel stores a number typed or picked from
// the list) or with spaces around it.
func TestTemplateAreaName(t *testing.T) {
	f := newTemplate(t, "kommunkompassen@2007")
	for _, tc := range []struct {
		area any
		want string
	}{
		{"1", "1 Offentlighet och demokratisk kontroll"},
		{3, "3 Tydlighet i samspelet mellan politiker och tjänstemän"},
		{8.0, "8 Kommunen som samhällsbyggare"},
		{" 5 ", "5 Kontroll och rapportering"},
		{"9", ""},
		{nil, ""},
	} {
		if err := f.SetCellValue(workbook.SheetNotes, "A2", tc.area); err != nil {
			t.Fatal(err)
		}
		got, err := f.CalcCellValue(workbook.SheetNotes, "B2")
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("Område %#v: Områdesnamn %q, want %q", tc.area, got, tc.want)
		}
	}
}

// TestTemplatePrinting: every sheet prints landscape on A4, one page wide,
// with its name and the page number in the footer; the sheets of many rows
// repeat their header on every page; no empty rows are prepared; rows are
// as tall as their text, with heights the programs may grow.
func TestTemplatePrinting(t *testing.T) {
	in := testbase.Instrument(t, "kommunkompassen@2007")
	var buf bytes.Buffer
	if err := workbook.Write(&buf, in, &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: "Umeå", Year: 2007}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sh := range workbook.SheetOrder {
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if deref(pl.Orientation) != "landscape" || pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v, want landscape A4 one page wide", sh, pl)
		}
		hf, err := f.GetHeaderFooter(sh)
		if err != nil || hf == nil || !strings.Contains(hf.OddFooter, "&A") || !strings.Contains(hf.OddFooter, "&P av &N") {
			t.Errorf("%s: footer %+v (%v), want the sheet's name and the page number", sh, hf, err)
		}
	}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, sh := range []string{workbook.SheetScores, workbook.SheetNotes} {
		if want := "'" + sh + "'!$1:$1"; titles[sh] != want {
			t.Errorf("%s: print titles %q, want %q", sh, titles[sh], want)
		}
	}
	if dim, _ := f.GetSheetDimension(workbook.SheetNotes); dim != fmt.Sprintf("A1:D%d", 1+len(in.Areas)*6) {
		t.Errorf("%s: rows %s, want the header and 3 of each kind per area", workbook.SheetNotes, dim)
	}

	parts := zipParts(t, buf.Bytes())
	scores := parts[sheetPart(t, parts, workbook.SheetScores)]
	if strings.Contains(scores, "customHeight") {
		t.Errorf("%s: a row has a fixed height; a long Kommentar would be cut", workbook.SheetScores)
	}
	w := testkit.Fill(t, f)
	for id, lines := range map[string]int{"1.1": 1, "3.3": 2} {
		row := w.Row(id)
		h, err := f.GetRowHeight(workbook.SheetScores, row)
		if err != nil {
			t.Fatal(err)
		}
		if h != float64(15*lines) {
			t.Errorf("%s (row %d): height %v, want %d lines of 15 points", id, row, h, lines)
		}
	}
}
