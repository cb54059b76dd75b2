package plan

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// act is an åtgärd with a status per occasion ("" not reported).
func act(text, due string, row int, statuses ...Status) Action {
	a := Action{Text: text, Responsible: "Enhetschef " + text, Row: row}
	if due != "" {
		a.Due = day(due)
	}
	for i, s := range statuses {
		a.Reports = append(a.Reports, Report{Status: s, Cell: "X" + string(rune('0'+i))})
	}
	return a
}

// fictionalPlan is a plan of a fictional kommun with three occasions, of
// which two are reported:
//
//	1.F1 a: Genomförd in April                      due 2008-03-31
//	1.F1 b: Ej påbörjad in April, Delvis in August  due 2008-06-30 → overdue
//	1.F2   (no åtgärd)
//	5.F1 c: nothing reported                        due 2008-05-31 → overdue
//	5.F1 d: Delvis in April, nothing in August      no due date
//	3.F1 e: Ej genomförd in August                  due 2008-12-31 (not yet due)
//
// The evaluation lists area 3 before 5, the plan 5 before 3.
func fictionalPlan() *Plan {
	return &Plan{
		File: "exempel-plan.xlsx", Kommun: "Exempelkommun", Year: 2005, InstrumentID: "kommunkompassen", InstrumentVersion: "2007",
		Occasions: []Occasion{{"April 2008", day("2008-04-30")}, {"Augusti 2008", day("2008-08-31")}, {"Årsredovisning 2008", day("2008-12-31")}},
		Items: []Item{
			{Ref: "1.F1", Area: "1", Text: "Samla informationen", Actions: []Action{
				act("a", "2008-03-31", 5, Done, "", ""),
				act("b", "2008-06-30", 6, NotStarted, Partly, ""),
			}},
			{Ref: "1.F2", Area: "1", Text: "Redovisa måluppfyllelsen"},
			{Ref: "5.F1", Area: "5", Text: "Gemensam uppföljning", Actions: []Action{
				act("c", "2008-05-31", 8),
				act("d", "", 9, Partly, "", ""),
			}},
			{Ref: "3.F1", Area: "3", Text: "Färre mål", Actions: []Action{
				act("e", "2008-12-31", 10, "", NotDone, ""),
			}},
		},
	}
}

func fictionalEvaluation() *evaluation.Evaluation {
	in := &instrument.Instrument{ID: "kommunkompassen", Version: "2007"}
	for _, a := range []struct{ id, name string }{{"1", "Ett"}, {"2", "Två"}, {"3", "Tre"}, {"4", "Fyra"}, {"5", "Fem"}} {
		in.Areas = append(in.Areas, instrument.Area{ID: a.id, Name: a.name})
	}
	return &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: "Exempelkommun", Year: 2005, InstrumentID: "kommunkompassen", InstrumentVersion: "2007"}, Instrument: in}
}

func TestFollowUpLatest(t *testing.T) {
	pr := FollowUp(fictionalPlan(), fictionalEvaluation(), time.Time{})
	if pr.Standing != 1 || len(pr.Occasions) != 2 || pr.Occasions[1].Label != "Augusti 2008" {
		t.Fatalf("standing %d of %+v, want Augusti 2008 (1) of two", pr.Standing, pr.Occasions)
	}
	if !pr.Date.Equal(day("2008-08-31")) || pr.Per {
		t.Errorf("date %v per %v, want 2008-08-31 from the occasion", pr.Date, pr.Per)
	}
	if got := pr.Total.Reported; !reflect.DeepEqual(got, []int{3, 2}) {
		t.Errorf("reported per occasion %v, want [3 2]", got)
	}
	// a Done (April), b Partly, c —, d Partly (from April), e NotDone.
	want := Counts{Done: 1, Partly: 2, NotDone: 1, NotReported: 1}
	if pr.Total.Now != want || pr.Total.Actions != 5 || pr.Total.Improvements != 4 || pr.Total.Without != 1 || pr.Total.FromEarlier != 2 {
		t.Errorf("total %+v, want now %+v, 5 åtgärder, 4 förbättringsområden, 1 without, 2 from earlier", pr.Total, want)
	}
	wantOver := []Counts{{Done: 1, Partly: 1, NotStarted: 1, NotReported: 2}, want}
	if !reflect.DeepEqual(pr.Total.Over, wantOver) {
		t.Errorf("total over time %+v, want %+v", pr.Total.Over, wantOver)
	}
	var ids []string
	for _, a := range pr.Areas {
		ids = append(ids, a.Area+" "+a.Name)
	}
	if !reflect.DeepEqual(ids, []string{"1 Ett", "3 Tre", "5 Fem"}) {
		t.Errorf("areas %v, want 1, 3, 5 in the instrument's order, only those with förbättringsområden", ids)
	}
	a1 := pr.Areas[0]
	if a1.Now != (Counts{Done: 1, Partly: 1}) || a1.Improvements != 2 || a1.Without != 1 || a1.FromEarlier != 1 {
		t.Errorf("area 1 %+v", a1)
	}
	a5 := pr.Areas[2]
	if a5.Now != (Counts{Partly: 1, NotReported: 1}) || !reflect.DeepEqual(a5.Reported, []int{1, 0}) || !reflect.DeepEqual(a5.Over, []Counts{{Partly: 1, NotReported: 1}, {Partly: 1, NotReported: 1}}) {
		t.Errorf("area 5 %+v", a5)
	}
	if len(pr.Without) != 1 || pr.Without[0].Ref != "1.F2" {
		t.Errorf("without åtgärd %+v, want 1.F2", pr.Without)
	}
	wantOverdue := []Overdue{
		{Ref: "1.F1", Area: "1", Action: "b", Responsible: "Enhetschef b", Due: day("2008-06-30"), Status: Partly, Occasion: "Augusti 2008", Row: 6},
		{Ref: "5.F1", Area: "5", Action: "c", Responsible: "Enhetschef c", Due: day("2008-05-31"), Row: 8},
	}
	if !reflect.DeepEqual(pr.Overdue, wantOverdue) {
		t.Errorf("overdue\n%+v, want\n%+v", pr.Overdue, wantOverdue)
	}
	if len(pr.Unreported) != 0 {
		t.Errorf("unreported occasions without --per: %+v", pr.Unreported)
	}
}

func TestFollowUpPer(t *testing.T) {
	for _, tc := range []struct {
		name     string
		per      string
		standing int
		total    Counts
		overdue  []string
		unrep    []string
	}{
		// Before any occasion: nothing reported, but a is past due.
		{"before", "2008-04-15", -1, Counts{NotReported: 5}, []string{"a"}, nil},
		// At April's date: April counts; a is Genomförd, nothing else due.
		{"april", "2008-04-30", 0, Counts{Done: 1, Partly: 1, NotStarted: 1, NotReported: 2}, nil, nil},
		// In July: still April's standing; b's Klart senast has passed.
		{"july", "2008-07-01", 0, Counts{Done: 1, Partly: 1, NotStarted: 1, NotReported: 2}, []string{"b", "c"}, nil},
		// In the next year: August's standing; Årsredovisning 2008 is due
		// but not reported, and e's Klart senast has passed too.
		{"next year", "2009-02-01", 1, Counts{Done: 1, Partly: 2, NotDone: 1, NotReported: 1}, []string{"b", "c", "e"}, []string{"Årsredovisning 2008"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pr := FollowUp(fictionalPlan(), fictionalEvaluation(), day(tc.per))
			if pr.Standing != tc.standing || len(pr.Occasions) != tc.standing+1 {
				t.Errorf("standing %d with %d occasions, want %d", pr.Standing, len(pr.Occasions), tc.standing)
			}
			if !pr.Per || !pr.Date.Equal(day(tc.per)) {
				t.Errorf("date %v (per %v), want %s", pr.Date, pr.Per, tc.per)
			}
			if pr.Total.Now != tc.total {
				t.Errorf("total %+v, want %+v", pr.Total.Now, tc.total)
			}
			var od, un []string
			for _, o := range pr.Overdue {
				od = append(od, o.Action)
			}
			for _, o := range pr.Unreported {
				un = append(un, o.Label)
			}
			if !reflect.DeepEqual(od, tc.overdue) || !reflect.DeepEqual(un, tc.unrep) {
				t.Errorf("overdue %v, unreported %v; want %v, %v", od, un, tc.overdue, tc.unrep)
			}
		})
	}
}

func TestFollowUpNothingReported(t *testing.T) {
	p := fictionalPlan()
	for i := range p.Items {
		for j := range p.Items[i].Actions {
			p.Items[i].Actions[j].Reports = nil
		}
	}
	pr := FollowUp(p, nil, time.Time{})
	if pr.Standing != -1 || len(pr.Occasions) != 0 || !pr.Date.IsZero() || len(pr.Overdue) != 0 {
		t.Errorf("nothing reported: standing %d, occasions %v, date %v, overdue %v", pr.Standing, pr.Occasions, pr.Date, pr.Overdue)
	}
	if pr.Total.Now != (Counts{NotReported: 5}) {
		t.Errorf("total %+v, want 5 not reported", pr.Total.Now)
	}
	// Without the evaluation, areas are in the plan's order.
	var ids []string
	for _, a := range pr.Areas {
		ids = append(ids, a.Area)
	}
	if !reflect.DeepEqual(ids, []string{"1", "5", "3"}) {
		t.Errorf("areas without an evaluation %v, want the plan's order 1, 5, 3", ids)
	}
}

func TestCounts(t *testing.T) {
	var c Counts
	for _, s := range []Status{Done, Done, Partly, NotDone, NotStarted, NotStarted, NotStarted, ""} {
		c.add(s)
	}
	if c.Total() != 8 || c.Of(Done) != 2 || c.Of(Partly) != 1 || c.Of(NotDone) != 1 || c.Of(NotStarted) != 3 || c.Of("") != 1 {
		t.Errorf("counts %+v", c)
	}
}

// TestFollowUpItems: every åtgärd as it stands, in plan order, with the
// status, occasion and comment it has at the standing and whether it is
// overdue — what the report renders without working it out again.
func TestFollowUpItems(t *testing.T) {
	p := fictionalPlan()
	p.Items[2].Actions[1].Reports[0].Comment = "Halvvägs."
	p.Items[1].Text = "" // the evaluation's text stands in
	ev := fictionalEvaluation()
	ev.Notes = []evaluation.Note{
		{Area: "1", Kind: evaluation.Improvement, Text: "Första"},
		{Area: "1", Kind: evaluation.Strength, Text: "En styrka"},
		{Area: "1", Kind: evaluation.Improvement, Text: "Redovisa måluppfyllelsen bättre"},
	}
	pr := FollowUp(p, ev, time.Time{})
	if pr.Evaluation != ev {
		t.Errorf("the follow-up does not name the evaluation it follows")
	}
	type state struct {
		ref, text        string
		status           Status
		occasion, commnt string
		overdue          bool
	}
	var got []state
	for _, it := range pr.Items {
		if len(it.Actions) == 0 {
			got = append(got, state{ref: it.Ref, text: it.Text})
		}
		for _, a := range it.Actions {
			got = append(got, state{it.Ref, a.Text, a.Status, a.Occasion, a.Comment, a.Overdue})
		}
	}
	want := []state{
		{"1.F1", "a", Done, "April 2008", "", false},
		{"1.F1", "b", Partly, "Augusti 2008", "", true},
		{ref: "1.F2", text: "Redovisa måluppfyllelsen bättre"},
		{"5.F1", "c", "", "", "", true},
		{"5.F1", "d", Partly, "April 2008", "Halvvägs.", false},
		{"3.F1", "e", NotDone, "Augusti 2008", "", false},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("items\n got %+v\nwant %+v", got, want)
	}
	if len(pr.Overdue) != 2 || pr.Overdue[0].Action != "b" || pr.Overdue[1].Action != "c" {
		t.Errorf("overdue %+v, want b and c", pr.Overdue)
	}
}

// TestFollow: the follow-up is of the latest evaluation a plan follows;
// none without one.
func TestFollow(t *testing.T) {
	p := fictionalPlan()
	older, followed, newer := fictionalEvaluation(), fictionalEvaluation(), fictionalEvaluation()
	older.Facts.Year, newer.Facts.Year = 2003, 2007
	if pr := Follow([]*Plan{p}, []*evaluation.Evaluation{older, followed, newer}, time.Time{}); pr == nil || pr.Evaluation != followed || pr.File != p.File {
		t.Errorf("Follow = %+v, want the plan of 2005", pr)
	}
	if pr := Follow([]*Plan{p}, []*evaluation.Evaluation{older, newer}, time.Time{}); pr != nil {
		t.Errorf("Follow without a plan of any = %+v, want nil", pr)
	}
	other := *p
	other.Year, other.File = 2003, "other.xlsx"
	if pr := Follow([]*Plan{&other, p}, []*evaluation.Evaluation{older, followed}, time.Time{}); pr == nil || pr.File != p.File {
		t.Errorf("Follow with plans of 2003 and 2005 = %+v, want 2005's", pr)
	}
}

// TestParseRef: a Ref as people type it, and one carried over from the
// plan of an earlier evaluation.
func TestParseRef(t *testing.T) {
	for in, want := range map[string]string{
		"5.F2": "0 5 2", " 5.f2 ": "0 5 2", "2005:2.F1": "2005 2 1", "2005 : 2.f1": "2005 2 1",
		"2005:2005:1.F1": "bad", "05:2.F1": "bad", "1800:2.F1": "bad", "2005:": "bad", "5.F0": "bad", "5.F+2": "bad", "F2": "bad",
	} {
		from, area, n, ok := parseRef(in)
		got := "bad"
		if ok {
			got = fmt.Sprint(from, " ", area, " ", n)
		}
		if got != want {
			t.Errorf("parseRef(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestMonthOnly: which number formats of a date cell show a month and a
// year but no day.
func TestMonthOnly(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy-mm-dd": false, "d mmmm yyyy": false, "DD/MM/YYYY": false, "[$-41D]d mmm yy": false, "": false, "h:mm": false,
		"mmm-yy": true, "MMMM YYYY": true, "[$-41D]mmmm yyyy": true, `mmmm "den" yyyy`: true, `\d mmm yyyy`: true,
	} {
		if got := monthOnly(code); got != want {
			t.Errorf("monthOnly(%q) = %v, want %v", code, got, want)
		}
	}
}
