package plan_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/samples"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestParseStatus: a status is read whatever its case, white space and
// accents, NFC or NFD, and in its -t form; the status is the canonical one.
func TestParseStatus(t *testing.T) {
	for in, want := range map[string]plan.Status{
		"Genomförd":              plan.Done,
		"genomford":              plan.Done,
		"GENOMFÖRD":              plan.Done,
		"Genomfo\u0308rd":        plan.Done, // decomposed ö
		" genomfört ":            plan.Done,
		"delvis  genomförd":      plan.Partly,
		"Delvis genomfort":       plan.Partly,
		"Pågår":                  plan.InProgress,
		"pagar":                  plan.InProgress,
		"PÅGÅR":                  plan.InProgress,
		"ej genomförd":           plan.NotDone,
		"Ej påbörjat":            plan.NotStarted,
		"ej paborjad":            plan.NotStarted,
		"Klar":                   "",
		"Genomförs":              "",
		"":                       "",
		strings.Repeat("a", 100): "",
	} {
		got, ok := plan.ParseStatus(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

// TestStatusReadings: the mapping to måluppfyllelse and the statuses'
// order in the list.
func TestStatusReadings(t *testing.T) {
	want := map[plan.Status]plan.Fulfilment{
		plan.Done: plan.Fully, plan.Partly: plan.PartlyFulfilled, plan.InProgress: plan.PartlyFulfilled,
		plan.NotDone: plan.NotAtAll, plan.NotStarted: plan.NotAtAll, "": plan.FulfilmentUnknown,
	}
	for s, f := range want {
		if s.Fulfilment() != f {
			t.Errorf("%q reads as %v, want %v", s, s.Fulfilment(), f)
		}
	}
	if len(plan.Statuses) != 5 || plan.Statuses[2] != plan.InProgress {
		t.Errorf("statuses %v", plan.Statuses)
	}
	c := plan.Counts{Done: 2, Partly: 1, InProgress: 3, NotDone: 1, NotStarted: 4, NotReported: 5}
	if c.Fulfilment(plan.Fully) != 2 || c.Fulfilment(plan.PartlyFulfilled) != 4 || c.Fulfilment(plan.NotAtAll) != 5 || c.Fulfilment(plan.FulfilmentUnknown) != 5 || c.Total() != 16 {
		t.Errorf("fulfilment of %+v", c)
	}
}

// TestReading: the traffic light of an åtgärd at a standing of 31 August
// whose next occasion is 31 December.
func TestReading(t *testing.T) {
	next := date("2006-12-31")
	for _, tc := range []struct {
		status  plan.Status
		overdue bool
		due     string
		want    plan.Light
	}{
		{plan.Done, false, "2006-06-30", plan.OnTrack},
		{plan.Done, false, "", plan.OnTrack},
		{plan.InProgress, true, "2006-06-30", plan.Late},
		{plan.NotDone, false, "2007-06-30", plan.Late},
		{"", false, "2007-06-30", plan.AtRisk},
		{plan.Partly, false, "2006-12-31", plan.AtRisk}, // due on the next occasion's day
		{plan.InProgress, false, "2006-10-31", plan.AtRisk},
		{plan.InProgress, false, "2007-01-01", plan.OnTrack},
		{plan.NotStarted, false, "2007-06-30", plan.OnTrack},
		{plan.NotStarted, false, "", plan.AtRisk},
		{plan.InProgress, false, "", plan.OnTrack},
	} {
		var due time.Time
		if tc.due != "" {
			due = date(tc.due)
		}
		if got := plan.Reading(tc.status, tc.overdue, due, next); got != tc.want {
			t.Errorf("Reading(%q, overdue %v, due %s) = %s, want %s", tc.status, tc.overdue, tc.due, got, tc.want)
		}
	}
	// Without a next occasion, only a passed date makes an åtgärd at risk
	// or late.
	if got := plan.Reading(plan.Partly, false, date("2006-10-31"), time.Time{}); got != plan.OnTrack {
		t.Errorf("no next occasion: %s", got)
	}
	for _, l := range plan.Lights {
		if l.String() == "" || l.Mark() == "" {
			t.Errorf("light %d has no word or mark", l)
		}
	}
	if plan.Late.Counted(2) != "2 försenade" || plan.Late.Counted(1) != "1 försenad" || plan.AtRisk.Counted(3) != "3 risk" {
		t.Errorf("counted: %s, %s, %s", plan.Late.Counted(2), plan.Late.Counted(1), plan.AtRisk.Counted(3))
	}
}

// TestOccasionsOfTheStyrmodell: occasions named as the kommun names them,
// headed in its words, on the day their period ends, or on their own date.
func TestOccasionsOfTheStyrmodell(t *testing.T) {
	for _, tc := range []struct {
		names []string
		until int
		want  string
	}{
		{[]string{"tertial 1", "Tertial 2", "TERTIAL 3"}, 2026,
			"Tertial 1 2026 2026-04-30, Tertial 2 2026 2026-08-31, Tertial 3 2026 2026-12-31"},
		{[]string{"T1", "t2", "tertialrapport 3"}, 2026,
			"T1 2026 2026-04-30, T2 2026 2026-08-31, Tertialrapport 3 2026 2026-12-31"},
		{[]string{"delårsrapport", "arsredovisning", "delarsbokslut"}, 2027,
			"Delårsrapport 2026 2026-08-31, Delårsbokslut 2026 2026-08-31, Årsredovisning 2026 2026-12-31, Delårsrapport 2027 2027-08-31, Delårsbokslut 2027 2027-08-31, Årsredovisning 2027 2027-12-31"},
		// Names with their own date, once each, whatever --until says.
		{[]string{"T1:2026-04-30", "Delårsrapport:2026-08-31", "Årsredovisning:2027-02-28"}, 2026,
			"T1 2026 2026-04-30, Delårsrapport 2026 2026-08-31, Årsredovisning 2027 2027-02-28"},
		{[]string{"Årsredovisning 2026:2027-02-28", "Rapport för uppföljning och prognos:2026-05-15"}, 0,
			"Rapport för uppföljning och prognos 2026 2026-05-15, Årsredovisning 2026 2027-02-28"},
		// Yearly and dated together; the same occasion twice is one.
		{[]string{"april", "KS-dialog:2026-10-15", "April"}, 2026,
			"April 2026 2026-04-30, KS-dialog 2026 2026-10-15"},
	} {
		occ, err := plan.Occasions(2025, tc.until, tc.names)
		if err != nil {
			t.Errorf("Occasions(%q): %v", tc.names, err)
			continue
		}
		var got []string
		for _, o := range occ {
			got = append(got, o.Label+" "+o.Date.Format(time.DateOnly))
		}
		if strings.Join(got, ", ") != tc.want {
			t.Errorf("Occasions(%q)\n got %s\nwant %s", tc.names, strings.Join(got, ", "), tc.want)
		}
	}
	for _, bad := range []string{"tertial 4", "T1:30/4", ":2026-04-30", "T1:2025-04-30", "kvartal 1"} {
		if _, err := plan.Occasions(2025, 0, []string{bad}); err == nil {
			t.Errorf("Occasions(%q): no error", bad)
		}
	}
	for label, want := range map[string]string{
		"Tertial 1 2026": "tertial 1 2026", "T1 2026": "T1 2026", "Årsredovisning 2026": "årsredovisning 2026",
		"KS-dialog 2026": "KS-dialog 2026", "Delårsrapport 2026": "delårsrapport 2026", "April 2026": "april 2026",
	} {
		if got := plan.InSentence(label); got != want {
			t.Errorf("InSentence(%q) = %q, want %q", label, got, want)
		}
	}
}

// TestOwnOccasionsRoundTrip: a plan with occasions of the kommun's own
// names and dates reads back with them (their dates from the table on
// Uppgifter), and a date the kommun changes there is the one read; the
// plan's decision is read from the open part of Uppgifter; the examples
// follow the plan's years; a month typed without a day — as text, or into
// a date cell that shows no day — is its last day.
func TestOwnOccasionsRoundTrip(t *testing.T) {
	ev := readEvaluation(t, umea2007)
	occ, err := plan.Occasions(2007, 0, []string{"T1:2008-04-30", "Delårsrapport:2008-08-31", "Årsredovisning 2008:2009-02-28"})
	if err != nil {
		t.Fatal(err)
	}
	path := writePlan(t, ev, plan.Options{Occasions: occ})
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	facts, _ := f.GetRows(plan.SheetFacts)
	instr, _ := f.GetRows(plan.SheetInstructions)
	f.Close()
	var text []string
	for _, r := range instr {
		text = append(text, r...)
	}
	all := strings.Join(text, "\n")
	if !strings.Contains(all, "t.ex. 2008-06-30") || !strings.Contains(all, "juni 2008") || strings.Contains(all, "2026") {
		t.Errorf("the instructions' examples are not of the plan's years:\n%s", all)
	}
	row := map[string]int{}
	for i, r := range facts {
		if len(r) > 0 {
			row[r[0]] = i + 1
		}
	}
	edit(t, path, func(f *excelize.File, col map[string]string) {
		cells := map[string]any{
			"B" + strconv.Itoa(row[plan.FactDecisionBody]):      "Kommunfullmäktige",
			"B" + strconv.Itoa(row[plan.FactDecisionParagraph]): "§ 112",
			"B" + strconv.Itoa(row[plan.FactDecisionDate]):      "2008-01-28",
			"B" + strconv.Itoa(row["T1 2008"]):                  date("2008-05-15"), // the kommun's T1 reports in May
		}
		for c, v := range cells {
			if err := f.SetCellValue(plan.SheetFacts, c, v); err != nil {
				t.Fatal(err)
			}
		}
		set(t, f, col["Klart senast"]+"2", "juni 2008")
		set(t, f, col["Klart senast"]+"3", "2008-09")
		// "juni 2008" typed in a Swedish Excel: 1 June in the format mmm-yy
		// (built-in 17); the same day in the plan's own format stays 1 June.
		monthStyle, err := f.NewStyle(&excelize.Style{NumFmt: 17})
		if err != nil {
			t.Fatal(err)
		}
		set(t, f, col["Klart senast"]+"4", date("2008-06-01"))
		if err := f.SetCellStyle(plan.SheetPlan, col["Klart senast"]+"4", col["Klart senast"]+"4", monthStyle); err != nil {
			t.Fatal(err)
		}
		set(t, f, col["Klart senast"]+"5", date("2008-06-01"))
		set(t, f, col["Åtgärd"]+"2", "En åtgärd")
		set(t, f, col["Åtgärd"]+"3", "En till")
		set(t, f, col["Status T1 2008"]+"2", "pågår")
		set(t, f, col["Status Årsredovisning 2008"]+"3", "Genomförd")
	})
	p, probs := plan.Read(path)
	if len(probs) > 0 {
		t.Fatalf("Read: %v", probs)
	}
	var got []string
	for _, o := range p.Occasions {
		got = append(got, o.Label+" "+o.Date.Format(time.DateOnly))
	}
	if want := "T1 2008 2008-05-15, Delårsrapport 2008 2008-08-31, Årsredovisning 2008 2009-02-28"; strings.Join(got, ", ") != want {
		t.Errorf("occasions %s, want %s", strings.Join(got, ", "), want)
	}
	if d := p.Decision; d.Body != "Kommunfullmäktige" || d.Paragraph != "§ 112" || !d.Date.Equal(date("2008-01-28")) || d.Line() != "Beslutad av Kommunfullmäktige 2008-01-28, § 112." {
		t.Errorf("decision %+v %q", d, d.Line())
	}
	if a := p.Items[0].Actions[0]; !a.Due.Equal(date("2008-06-30")) || a.Reports[0].Status != plan.InProgress {
		t.Errorf("juni 2008: %+v", a)
	}
	if a := p.Items[1].Actions[0]; !a.Due.Equal(date("2008-09-30")) {
		t.Errorf("2008-09: %v", a.Due)
	}
	if a := p.Items[2].Actions[0]; !a.Due.Equal(date("2008-06-30")) {
		t.Errorf("a date cell shown as a month (mmm-yy): %v, want 2008-06-30", a.Due)
	}
	if a := p.Items[3].Actions[0]; !a.Due.Equal(date("2008-06-01")) {
		t.Errorf("a date cell shown with its day: %v, want 2008-06-01", a.Due)
	}
}

// TestBadOccasionDate: a date on Uppgifter that is none is named at its
// cell, with an example of the plan's own time.
func TestBadOccasionDate(t *testing.T) {
	ev := readEvaluation(t, umea2007)
	path := writePlan(t, ev, plan.Options{})
	edit(t, path, func(f *excelize.File, _ map[string]string) {
		for _, c := range []struct {
			cell string
			v    any
		}{{"B9", "snart"}, {"B13", "i vår"}} {
			if err := f.SetCellValue(plan.SheetFacts, c.cell, c.v); err != nil {
				t.Fatal(err)
			}
		}
	})
	_, probs := plan.Read(path)
	var got []string
	for _, p := range probs {
		got = append(got, p.Sheet+"!"+p.Cell+" "+p.Message)
	}
	want := []string{
		`Uppgifter!B9 Beslutsdatum "snart" is not a date; type a date such as 2008-06-30`,
		`Uppgifter!B13 Datum "i vår" is not a date; type a date such as 2008-06-30`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestCarryOverExempelkommun: the plan of Exempelkommun 2007 written with
// --from the shipped plan of 2005 carries over exactly the åtgärder of 2005
// not Genomförd in August 2007 (hand-listed from samples.ExempelPlan),
// below the förbättringsområden of 2007, with their history; it reads
// back and checks against the evaluation of 2007 without a problem.
func TestCarryOverExempelkommun(t *testing.T) {
	dir := "../../evaluations"
	prev, probs := plan.Read(filepath.Join(dir, samples.PlanFile))
	if prev == nil || len(probs) > 0 {
		t.Fatalf("the shipped plan: %v", probs)
	}
	ev2005 := readEvaluation(t, filepath.Join(dir, "exempelkommun-2005.xlsx"))
	ev2007 := readEvaluation(t, filepath.Join(dir, "exempelkommun-2007.xlsx"))
	carried := plan.CarryOver(plan.FollowUp(prev, ev2005, time.Time{}))
	type want struct{ ref, text, status string }
	wants := []want{
		{"2005:2.F1", "Redovisa synpunkterna och vad de lett till för kommunstyrelsen två gånger om året.", "Delvis genomförd (augusti 2007): Andra redovisningen flyttad till hösten."},
		{"2005:4.F1", "Ta fram en gemensam delegationsordning för alla nämnder.", "Delvis genomförd (augusti 2007): Sex av åtta nämnder klara."},
		{"2005:5.F2", "Redovisa brukarundersökningarnas resultat i varje nämnds verksamhetsplan.", "Delvis genomförd (augusti 2007): Sex nämnder av åtta."},
		{"2005:5.F2", "Gör en gemensam kalender för kommunens brukarundersökningar.", "Ej genomförd (april 2006): Ersätts av regionens gemensamma undersökningskalender."},
		{"2005:7.F2", "Redovisa sjukfrånvaron per förvaltning och arbetsplats varje kvartal.", "Pågår (augusti 2007): Per arbetsplats från hösten."},
		{"2005:8.F1", "Ta fram en gemensam lokalbank för föreningarna i de mindre tätorterna.", "Ej påbörjad (augusti 2007): Lokalinventeringen försenad."},
	}
	if len(carried) != len(wants) {
		t.Fatalf("%d carried over, want %d: %+v", len(carried), len(wants), carried)
	}
	for i, w := range wants {
		c := carried[i]
		if c.NewRef() != w.ref || c.Action.Text != w.text || !strings.HasSuffix(c.History, w.status) || !strings.HasPrefix(c.History, "Från åtgärdsplanen 2005 ("+strings.TrimPrefix(w.ref, "2005:")+")") {
			t.Errorf("carried %d: %s %q\n%s\nwant %+v", i, c.NewRef(), c.Action.Text, c.History, w)
		}
	}
	path := writePlan(t, ev2007, plan.Options{Carried: carried})
	p, probs := plan.Read(path)
	if p == nil || len(probs) > 0 {
		t.Fatalf("Read: %v", probs)
	}
	if probs := plan.Check(p, ev2007); problem.HasErrors(probs) || len(probs) > 0 {
		t.Fatalf("Check: %v", probs)
	}
	_, refs := plan.Refs(ev2007)
	var got []string
	for _, it := range p.Items[len(refs):] {
		for _, a := range it.Actions {
			got = append(got, it.Ref+" "+a.Text)
		}
		if it.From != 2005 || it.Text == "" {
			t.Errorf("carried item %+v", it)
		}
	}
	var wantRows []string
	for _, w := range wants {
		wantRows = append(wantRows, w.ref+" "+w.text)
	}
	if strings.Join(got, "\n") != strings.Join(wantRows, "\n") {
		t.Errorf("the plan of 2007 carries\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantRows, "\n"))
	}
	for i, it := range p.Items[:len(refs)] {
		if it.Ref != refs[i] || len(it.Actions) != 0 {
			t.Errorf("item %d: %+v, want %s without åtgärd", i, it, refs[i])
		}
	}
	// The carried åtgärder keep what was decided, not what was reported.
	a := p.Items[len(refs)].Actions[0]
	if a.Responsible != "Kanslichefen" || a.Board != "Kommunstyrelsen" || !a.Due.Equal(date("2007-06-30")) || a.Reports[0].Status != "" {
		t.Errorf("the first carried åtgärd: %+v", a)
	}
}

// TestGroups: the åtgärder of the shipped plan grouped per huvudområde and
// per nämnd, each once, in the plan's order.
func TestGroups(t *testing.T) {
	dir := "../../evaluations"
	p, probs := plan.Read(filepath.Join(dir, samples.PlanFile))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	pr := plan.FollowUp(p, readEvaluation(t, filepath.Join(dir, "exempelkommun-2005.xlsx")), time.Time{})
	for _, by := range []plan.GroupBy{plan.ByArea, plan.ByBoard} {
		seen := map[int]bool{}
		n := 0
		for _, g := range pr.Groups(by) {
			if g.Tally.Actions != len(g.Actions) {
				t.Errorf("group %s: tally of %d, %d listed", g.Label(), g.Tally.Actions, len(g.Actions))
			}
			for _, a := range g.Actions {
				if seen[a.Row] {
					t.Errorf("row %d twice", a.Row)
				}
				seen[a.Row] = true
				n++
			}
		}
		if n != pr.Total.Actions {
			t.Errorf("grouped %v: %d åtgärder, want %d", by, n, pr.Total.Actions)
		}
	}
	var boards []string
	for _, g := range pr.Groups(plan.ByBoard) {
		boards = append(boards, g.Label())
	}
	if want := "Kommunstyrelsen, Samhällsbyggnadsnämnden, Barn- och utbildningsnämnden, Kultur- och fritidsnämnden"; strings.Join(boards, ", ") != want {
		t.Errorf("nämnder %s, want %s", strings.Join(boards, ", "), want)
	}
	for _, s := range []string{"nämnd", "Nämnd", "namnd", "förvaltning"} {
		if g, ok := plan.ParseGroupBy(s); !ok || g != plan.ByBoard {
			t.Errorf("ParseGroupBy(%q)", s)
		}
	}
	for _, s := range []string{"område", "omrade", "area", "Huvudområde"} {
		if g, ok := plan.ParseGroupBy(s); !ok || g != plan.ByArea {
			t.Errorf("ParseGroupBy(%q)", s)
		}
	}
	if _, ok := plan.ParseGroupBy("ansvarig"); ok {
		t.Error("ParseGroupBy(ansvarig) is a grouping")
	}
}
