package workbook_test

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// prepareSortedRows does what the instructions allow with rows: the Poäng
// sheet is sorted by ID (Z to A) and a blank row inserted above every area
// (testdata/sort-rows.py, with openpyxl), and calc (in the Swedish locale)
// computes the formulas in their new places. The check it returns: every
// Summa and Totalt must still be right — scores pasted as text ("7,5",
// "22.5") counted as kompass counts them — kompass must read the same
// scores, and Områdesnamn must be found for an Område typed as a number,
// as text with spaces, or picked. Without openpyxl nothing is prepared,
// and the check skips.
func prepareSortedRows(t *testing.T, calc *testkit.Calc) func(*testing.T) {
	python, err := testkit.OpenpyxlPath()
	if err != nil {
		return func(t *testing.T) { testkit.Openpyxl(t) }
	}
	cases := []struct {
		name, ref string
		scores    map[string]any
		notes     []typedNote
		sums      map[string]string // Summa by ID after LibreOffice computed it
	}{
		{
			name: "full", ref: "kommunkompassen@2007",
			scores: func() map[string]any {
				m := map[string]any{}
				for id, v := range testkit.Umea2007Questions(t) {
					if !strings.HasPrefix(id, "3.") {
						m[id] = v
					}
				}
				m["3"] = 64.5    // area 3 scored at area level: its own Poäng is its Summa
				m["2.1"] = "7,5" // text: the sums count it all the same
				m["8.1"] = "40.0"
				return m
			}(),
			notes: []typedNote{{3, "3", "Typed as a number", "3"}, {" 5 ", "5", "Typed as text with spaces", "5"}, {"8", "8", "As the template prepares it", "8"}, {6.0, "6", "Område changed in a row prepared for area 1", "1"}},
			sums: map[string]string{"1": "73", "2": "79.5", "3": "64.5", "4": "84.5", "5": "78", "6": "78", "7": "75", "8": "98",
				evaluation.TotalID: "630.5"},
		},
		{
			name: "area level", ref: "kommunkompassen@2020",
			scores: map[string]any{"1": 73.0, "2": 75.0, "3": 80.0, "4": 83.0, "5": 86.0, "6": 82.0, "7": 86.0, "8": "83.5"},
			notes:  []typedNote{{2, "2", "Typed as a number", "2"}},
			sums: map[string]string{"1": "73", "2": "75", "3": "80", "4": "83", "5": "86", "6": "82", "7": "86", "8": "83.5",
				evaluation.TotalID: "648.5"},
		},
	}
	dir := t.TempDir()
	var args, converted []string // one Python run sorts them all
	for _, tc := range cases {
		f := newTemplate(t, tc.ref)
		w := testkit.Fill(t, f)
		for id, v := range tc.scores {
			w.Score(id, v)
		}
		fillNotes(t, f, tc.notes...)
		name := "sorted-" + strings.ReplaceAll(tc.name, " ", "-") + ".xlsx"
		out := filepath.Join(dir, name)
		args = append(args, writeFile(t, name, testkit.Bytes(t, f)), out)
		converted = append(converted, calc.Convert(out))
	}
	if b, err := exec.Command(python, append([]string{"testdata/sort-rows.py"}, args...)...).CombinedOutput(); err != nil {
		t.Fatalf("sort-rows.py: %v\n%s", err, b)
	}
	return func(t *testing.T) {
		for i, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				f, err := excelize.OpenFile(converted[i])
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				w := testkit.Fill(t, f)
				if r := w.Row(evaluation.TotalID); r == 2+len(testbase.Instrument(t, tc.ref).Areas)+testbase.Instrument(t, tc.ref).Questions() {
					t.Fatalf("TOTAL is in row %d, where the template has it: the rows were not sorted", r)
				}
				for id, want := range tc.sums {
					ref := w.Cell(id, workbook.ColSum)
					if got, _ := f.GetCellValue(workbook.SheetScores, ref); got != want {
						t.Errorf("Summa of %s (%s) after the sort = %q, want %s", id, ref, got, want)
					}
				}

				// kompass reads the same scores from the sorted workbook.
				ev, _ := read(t, converted[i])
				got := map[string]string{}
				for _, en := range ev.Entries {
					if en.Scored {
						got[en.ID] = en.Score.String()
					}
				}
				for id, v := range tc.scores {
					want, isText := v.(string)
					if !isText {
						want = strconv.FormatFloat(v.(float64), 'f', -1, 64)
					}
					if p, err := points.Parse(want); err != nil || got[id] != p.String() {
						t.Errorf("%s read back as %q, want %s", id, got[id], want)
					}
				}
				if len(got) != len(tc.scores) {
					t.Errorf("%d scores read back, want %d", len(got), len(tc.scores))
				}

				// Områdesnamn, looked up by LibreOffice.
				rows, err := f.GetRows(workbook.SheetNotes)
				if err != nil {
					t.Fatal(err)
				}
				in := testbase.Instrument(t, tc.ref)
				for _, n := range tc.notes {
					a, _ := in.Area(n.id)
					i := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 3 && r[3] == n.text })
					if i < 0 {
						t.Errorf("note %q not found", n.text)
						continue
					}
					if want := a.ID + " " + a.Name; rows[i][1] != want {
						t.Errorf("Områdesnamn of Område %#v (row %d) = %q, want %q", n.area, i+1, rows[i][1], want)
					}
				}
			})
		}
	}
}

// typedNote is a styrka as an evaluator types it: Område is a number (as
// Excel stores a number typed or picked from the list) or text.
type typedNote struct {
	area any
	id   string // the area it means
	text string
	row  string // the area whose prepared row it is written into
}

// fillNotes writes styrkor into the sheet of notes, each into the next
// free row the template prepared for the area in its row field.
func fillNotes(t *testing.T, f *excelize.File, notes ...typedNote) {
	t.Helper()
	const sh = workbook.SheetNotes
	get := func(col string, r int) string {
		v, err := f.GetCellValue(sh, col+strconv.Itoa(r))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	used := map[int]bool{}
	for _, n := range notes {
		r := 2
		for ; used[r] || get("A", r) != n.row || get("D", r) != ""; r++ {
			if r > 1000 {
				t.Fatalf("no free row prepared for area %s", n.row)
			}
		}
		used[r] = true
		for col, v := range map[string]any{"A": n.area, "C": string(evaluation.Strength), "D": n.text} {
			if err := f.SetCellValue(sh, col+strconv.Itoa(r), v); err != nil {
				t.Fatal(err)
			}
		}
	}
}
