package plan_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// edit opens the workbook at path with excelize, as another program
// would, lets change fill it and saves it in place.
func edit(t *testing.T, path string, change func(f *excelize.File, col map[string]string)) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.UnprotectSheet(plan.SheetPlan); err != nil {
		t.Fatal(err)
	}
	change(f, columnsOf(t, f))
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// columnsOf are the columns of the Åtgärdsplan sheet by their headers:
// "Klart senast" → "J".
func columnsOf(t *testing.T, f *excelize.File) map[string]string {
	t.Helper()
	header, err := f.GetRows(plan.SheetPlan)
	if err != nil || len(header) == 0 {
		t.Fatalf("no header row: %v", err)
	}
	col := map[string]string{}
	for i, h := range header[0] {
		name, _ := excelize.ColumnNumberToName(i + 1)
		col[h] = name
	}
	return col
}

func set(t *testing.T, f *excelize.File, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(plan.SheetPlan, cell, v); err != nil {
		t.Fatal(err)
	}
}

// TestFilledByProgram fills every row of the Umeå 2007 plan the way a
// program does, by row: an åtgärd, a date, statuses in every case; and
// inserts a second åtgärd for the first förbättringsområde.
func TestFilledByProgram(t *testing.T) {
	ev := readEvaluation(t, umea2007)
	path := writePlan(t, ev, plan.Options{})
	_, refs := plan.Refs(ev)
	edit(t, path, func(f *excelize.File, col map[string]string) {
		for i := range refs {
			r := strconv.Itoa(i + 2)
			set(t, f, col["Åtgärd"]+r, "Åtgärd "+r)
			set(t, f, col["Ansvarig"]+r, "Kommunstyrelsen")
			set(t, f, col["Klart senast"]+r, time.Date(2008, 6, 30, 0, 0, 0, 0, time.UTC))
			set(t, f, col["Status April 2008"]+r, []string{"Genomförd", "delvis genomförd", "EJ GENOMFÖRD", "Ej påbörjad"}[i%4])
			set(t, f, col["Kommentar April 2008"]+r, "Enligt plan.")
		}
		if err := f.InsertRows(plan.SheetPlan, 3, 1); err != nil {
			t.Fatal(err)
		}
		set(t, f, col["Ref"]+"3", refs[0])
		set(t, f, col["Åtgärd"]+"3", "En andra åtgärd")
		set(t, f, col["Klart senast"]+"3", "2009-01-31")
		set(t, f, col["Status Augusti 2008"]+"3", "Genomförd")
	})
	p, probs := plan.Read(path)
	if len(probs) > 0 {
		t.Fatalf("Read: %v", probs)
	}
	if probs := plan.Check(p, ev); len(probs) > 0 {
		t.Fatalf("Check: %v", probs)
	}
	if len(p.Items) != len(refs) {
		t.Fatalf("%d items, want %d", len(p.Items), len(refs))
	}
	first := p.Items[0]
	if len(first.Actions) != 2 {
		t.Fatalf("first item: %d åtgärder, want 2", len(first.Actions))
	}
	a, b := first.Actions[0], first.Actions[1]
	if a.Text != "Åtgärd 2" || a.Responsible != "Kommunstyrelsen" || !a.Due.Equal(time.Date(2008, 6, 30, 0, 0, 0, 0, time.UTC)) || a.Reports[0].Status != plan.Done || a.Reports[0].Comment != "Enligt plan." {
		t.Errorf("first åtgärd: %+v", a)
	}
	if last, i, ok := lastReport(b); !ok || i != 1 || last.Status != plan.Done || b.Row != 3 || !b.Due.Equal(time.Date(2009, 1, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("second åtgärd: %+v", b)
	}
	if got := p.Items[2].Actions[0].Reports[0].Status; got != plan.NotDone {
		t.Errorf("EJ GENOMFÖRD read as %q", got)
	}
}

// TestBadInput: each mistake is one problem naming the sheet and the cell.
func TestBadInput(t *testing.T) {
	ev := readEvaluation(t, umea2007)
	path := writePlan(t, ev, plan.Options{})
	var col map[string]string
	edit(t, path, func(f *excelize.File, c map[string]string) {
		col = c
		set(t, f, col["Status April 2008"]+"2", "Klar")
		set(t, f, col["Status Augusti 2008"]+"2", "Genomförs")
		set(t, f, col["Klart senast"]+"3", "snart")
		set(t, f, col["Klart senast"]+"4", "30/6 2008")
		set(t, f, col["Ref"]+"5", "9.F9")
		set(t, f, col["Åtgärd"]+"5", "Något")
		set(t, f, col["Ref"]+"6", "")
		set(t, f, col["Åtgärd"]+"6", "Utan Ref")
		set(t, f, col["Ref"]+"7", "nummer sju")
	})
	p, probs := plan.Read(path)
	probs = append(probs, plan.Check(p, ev)...)
	type want struct{ cell, severity, found, contains string }
	wants := []want{
		{col["Status April 2008"] + "2", "error", "Klar", `Status "Klar" is not one of the statuses; choose one`},
		{col["Status Augusti 2008"] + "2", "error", "Genomförs", `Status "Genomförs" is not one of the statuses; did you mean Genomförd?`},
		{col["Klart senast"] + "3", "error", "snart", `Klart senast "snart" is not a date; type a date such as 2008-06-30`},
		{col["Klart senast"] + "4", "error", "30/6 2008", `Klart senast "30/6 2008" is not a date`},
		{"A6", "error", "", "the row has an åtgärd but no Ref"},
		{"A7", "error", "nummer sju", `Ref "nummer sju" is not a reference`},
		{"A5", "error", "9.F9", "Ref 9.F9 is not a förbättringsområde of Umeå 2007 in umea-2007.xlsx"},
	}
	if len(probs) != len(wants) {
		t.Fatalf("%d problems, want %d:\n%v", len(probs), len(wants), probs)
	}
	for i, w := range wants {
		p := probs[i]
		if p.Sheet != plan.SheetPlan || p.Cell != w.cell || string(p.Severity) != w.severity || p.Found != w.found || !strings.Contains(p.Message, w.contains) {
			t.Errorf("problem %d: %s (%s %s %q), want %+v", i, p, p.Cell, p.Severity, p.Found, w)
		}
	}
}

// TestTextDiffers: a Förbättringsområde text that is not the evaluation's
// is a warning at its cell; the plan still validates.
func TestTextDiffers(t *testing.T) {
	ev := readEvaluation(t, umea2007)
	path := writePlan(t, ev, plan.Options{})
	edit(t, path, func(f *excelize.File, col map[string]string) {
		set(t, f, col["Förbättringsområde"]+"3", "Något helt annat")
	})
	p, probs := plan.Read(path)
	if len(probs) > 0 {
		t.Fatalf("Read: %v", probs)
	}
	probs = plan.Check(p, ev)
	if len(probs) != 1 || probs[0].Sheet != plan.SheetPlan || probs[0].Cell != "C3" || probs[0].Severity != "warning" || probs[0].Found != "Något helt annat" ||
		!strings.Contains(probs[0].Message, "the text of 1.F2 differs from the förbättringsområde in umea-2007.xlsx") {
		t.Errorf("problems: %v", probs)
	}
}

// TestDueNaN: a Klart senast cell formatted as a date whose stored value
// is NaN (as a program may write one) is no date: it read as 1899-12-31,
// and counted as overdue from then on.
func TestDueNaN(t *testing.T) {
	testbase.Language(t, msg.English)
	ev := readEvaluation(t, umea2007)
	path := writePlan(t, ev, plan.Options{})
	parts := testkit.ReadParts(t, path)
	const part = "xl/worksheets/sheet3.xml" // Åtgärdsplan
	cell := regexp.MustCompile(`<c r="J2"( s="\d+")?\s*(/>|></c>)`)
	xml := string(parts.Content[part])
	if !cell.MatchString(xml) {
		t.Fatalf("%s has no empty cell J2 (Klart senast)", part)
	}
	xml = cell.ReplaceAllString(xml, `<c r="J2"$1><v>NaN</v></c>`)
	nan, _ := parts.WriteWith(t, t.TempDir(), map[string]string{part: xml})
	p, probs := plan.Read(nan)
	if p == nil || len(p.Items) == 0 || !p.Items[0].Actions[0].Due.IsZero() {
		t.Fatalf("Read: %+v", p)
	}
	if len(probs) != 1 || probs[0].Cell != "J2" || probs[0].Message != `Klart senast "NaN" is not a date; type a date such as 2008-06-30` {
		t.Errorf("problems %v; want one: Klart senast \"NaN\" is not a date, at J2", probs)
	}
}

// lastReport is an åtgärd's latest reported status and the index of its
// occasion; ok is false when no occasion has a status.
func lastReport(a plan.Action) (r plan.Report, occasion int, ok bool) {
	for i := len(a.Reports) - 1; i >= 0; i-- {
		if a.Reports[i].Status != "" {
			return a.Reports[i], i, true
		}
	}
	return plan.Report{}, -1, false
}
