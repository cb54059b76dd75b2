package plan_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// The acceptance of issue 23: a plan of the fictional Exempelkommun 2005
// with tertial occasions and the new columns, filled in with LibreOffice
// Calc the way a kommun's official does it — the decision on Uppgifter,
// åtgärder with their nämnd, a row inserted for a second åtgärd and
// Område–Maxpoäng copied into it (Ctrl+D), a Klart senast typed as a month
// without a day, statuses with Pågår, and spelt as people spell them
// (genomford, pagar, GENOMFÖRD, a decomposed Genomförd) — followed up in
// text, xlsx and HTML and in the report of the next evaluation, 2007, with
// the counts a hand count gives.
//
// The åtgärder (standing: Tertial 2 2006, 31 August; the next occasion is
// Tertial 3 2006, 31 December):
//
//	row  Ref   nämnd                         Klart senast  T1            T2             at T2          light
//	 2   1.F1  Kommunstyrelsen               2006-06-30    Pågår         NFD Genomförd  Genomförd      enligt plan
//	 3   1.F2  Kommunstyrelsen               juni 2006     Ej påbörjad   pagar          Pågår          försenad (overdue)
//	 4   1.F2  Kommunstyrelsen (inserted)    2006-12-31                  GENOMFÖRD      Genomförd      enligt plan
//	 5   2.F1  Socialnämnden                 2006-12-31    Ej påbörjad   Pågår          Pågår          risk (due by T3)
//	 6   2.F2  Socialnämnden                 2007-06-30    Delvis genomförd              Delvis         enligt plan
//	 7   3.F1  (no åtgärd)
//	 8   4.F1  Kommunstyrelsen               2006-03-31    Ej genomförd                 Ej genomförd   försenad (overdue)
//	 9   5.F1  Barn- och utbildningsnämnden  2006-08-31    genomford                    Genomförd      enligt plan
//	10   5.F2  (none)                        –                           Ej påbörjad    Ej påbörjad    risk (no date)
//	11   6.F1  (no åtgärd)
//	12   7.F1  Kommunstyrelsen               2007-03-31                                 ej rapporterad risk
//	13   7.F2  (no åtgärd)
//	14   8.F1  Kultur- och fritidsnämnden    2006-10-31                  Delvis genomförd Delvis       risk (due by T3)
func TestStyrmodellInCalc(t *testing.T) {
	soffice := testkit.LibreOffice(t)
	testbase.Language(t, msg.Swedish)
	reg := testbase.Registry(t)
	dir := t.TempDir()
	for _, f := range []string{"exempelkommun-2005.xlsx", "exempelkommun-2007.xlsx"} {
		b, err := os.ReadFile(filepath.Join("../../evaluations", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ev := readEvaluation(t, filepath.Join(dir, "exempelkommun-2005.xlsx"))
	occ, err := plan.Occasions(2005, 2006, []string{"tertial 1", "tertial 2", "tertial 3"})
	if err != nil {
		t.Fatal(err)
	}
	written := writePlan(t, ev, plan.Options{Occasions: occ})

	// The columns, as the plan's header row has them.
	f, err := excelize.OpenFile(written)
	if err != nil {
		t.Fatal(err)
	}
	col := columnsOf(t, f)
	f.Close()
	for _, h := range []string{"Status Tertial 1 2006", "Kommentar Tertial 2 2006", "Status Tertial 3 2006", plan.ColBoard, plan.ColPriority, plan.ColIndicator, plan.ColTarget} {
		if col[h] == "" {
			t.Fatalf("the plan has no column %q: %v", h, col)
		}
	}
	sh := plan.SheetPlan
	typ := func(row int, column, text string) testkit.CalcEdit {
		return testkit.Type(sh, fmt.Sprintf("%s%d", col[column], row), text)
	}
	const t1, t2 = "Status Tertial 1 2006", "Status Tertial 2 2006"
	action := func(row int, text, responsible, board, due string) []testkit.CalcEdit {
		edits := []testkit.CalcEdit{typ(row, plan.ColAction, text), typ(row, plan.ColResponsible, responsible)}
		if board != "" {
			edits = append(edits, typ(row, plan.ColBoard, board))
		}
		if due != "" {
			edits = append(edits, typ(row, plan.ColDue, due))
		}
		return edits
	}
	var edits []testkit.CalcEdit
	add := func(e ...testkit.CalcEdit) { edits = append(edits, e...) }
	add(testkit.Type(plan.SheetFacts, "B7", "Kommunstyrelsen"), testkit.Type(plan.SheetFacts, "B8", "§ 48"), testkit.Type(plan.SheetFacts, "B9", "2006-02-15"))
	// The second åtgärd of 1.F2 first, in a row inserted under its row,
	// with Område to Maxpoäng copied down; the rows below move down one.
	add(testkit.InsertRow(sh, 4), testkit.Type(sh, "A4", "1.F2"), testkit.Copy(sh, "B3:E3", "B4"))
	add(action(4, "Dela ut en broschyr till hushållen.", "Kommunikationschefen", "Kommunstyrelsen", "2006-12-31")...)
	add(typ(4, t2, "GENOMFÖRD"))
	add(action(2, "Samla vägarna att påverka på en sida.", "Kommunikationschefen", "Kommunstyrelsen", "2006-06-30")...)
	add(typ(2, plan.ColPriority, "Hög"), typ(2, plan.ColIndicator, "Besök på sidan"), typ(2, plan.ColTarget, "1 000 per månad"))
	add(typ(2, t1, "Pågår"), typ(2, t2, "Genomfo\u0308rd"), typ(2, "Kommentar Tertial 2 2006", "Sidan publicerad i juni."))
	add(action(3, "Skriv en lättläst årsredovisning.", "Ekonomichefen", "Kommunstyrelsen", "juni 2006")...)
	add(typ(3, t1, "Ej påbörjad"), typ(3, t2, "pagar"))
	add(action(5, "Inför ett system för synpunkter.", "Kanslichefen", "Socialnämnden", "2006-12-31")...)
	add(typ(5, t1, "Ej påbörjad"), typ(5, t2, "Pågår"))
	add(action(6, "Mät hur servicegarantierna hålls.", "Kvalitetsstrategen", "Socialnämnden", "2007-06-30")...)
	add(typ(6, t1, "Delvis genomförd"))
	add(action(8, "Ta fram en delegationsordning.", "Kanslichefen", "Kommunstyrelsen", "2006-03-31")...)
	add(typ(8, t1, "Ej genomförd"), typ(8, "Kommentar Tertial 1 2006", "Skjuts upp."))
	add(action(9, "Inför en gemensam mall för uppföljningen.", "Ekonomichefen", "Barn- och utbildningsnämnden", "2006-08-31")...)
	add(typ(9, t1, "genomford"))
	add(action(10, "Redovisa brukarundersökningarna i verksamhetsplanen.", "Förvaltningscheferna", "", "")...)
	add(typ(10, t2, "Ej påbörjad"))
	add(action(12, "Starta ett program för ledarutveckling.", "Personalchefen", "Kommunstyrelsen", "2007-03-31")...)
	add(action(14, "Bilda ett föreningsråd i varje tätort.", "Kultur- och fritidschefen", "Kultur- och fritidsnämnden", "2006-10-31")...)
	add(typ(14, t2, "Delvis genomförd"))

	calc := testkit.NewCalc(t)
	filled := calc.Edit(t, written, edits...)
	calc.Run(t, soffice)
	path := filepath.Join(dir, "exempelkommun-2005-atgardsplan.xlsx")
	if err := os.Rename(filled, path); err != nil {
		t.Fatal(err)
	}

	// Read back: no problem, the statuses in their canonical form, the
	// month without a day its last day, the decision, and on the inserted
	// row the förbättringsområde Calc looked up through the copied formulas.
	p, probs := plan.Read(path)
	if len(probs) > 0 {
		t.Fatalf("Read: %v", probs)
	}
	if probs := plan.Check(p, ev); len(probs) > 0 {
		t.Fatalf("Check: %v", probs)
	}
	if d := p.Decision; d.Body != "Kommunstyrelsen" || d.Paragraph != "§ 48" || !d.Date.Equal(time.Date(2006, 2, 15, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("the decision %+v", d)
	}
	var labels []string
	for _, o := range p.Occasions {
		labels = append(labels, o.Label+" "+o.Date.Format(time.DateOnly))
	}
	if got, want := strings.Join(labels, ", "), "Tertial 1 2006 2006-04-30, Tertial 2 2006 2006-08-31, Tertial 3 2006 2006-12-31"; got != want {
		t.Errorf("occasions %s, want %s", got, want)
	}
	byRef := map[string]plan.Item{}
	for _, it := range p.Items {
		byRef[it.Ref] = it
	}
	f12 := byRef["1.F2"].Actions
	if len(f12) != 2 || !f12[0].Due.Equal(time.Date(2006, 6, 30, 0, 0, 0, 0, time.UTC)) || f12[0].Reports[1].Status != plan.InProgress ||
		f12[1].Reports[1].Status != plan.Done || f12[1].Row != 4 {
		t.Errorf("1.F2: %+v", f12)
	}
	if s := byRef["1.F1"].Actions[0].Reports[1].Status; s != plan.Done {
		t.Errorf("a decomposed Genomförd read as %q", s)
	}
	if a := byRef["1.F1"].Actions[0]; a.Board != "Kommunstyrelsen" || a.Priority != "Hög" || a.Indicator != "Besök på sidan" || a.Target != "1 000 per månad" {
		t.Errorf("1.F1's columns: %+v", a)
	}
	g, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	notes, _ := plan.Refs(ev)
	for _, c := range []struct{ cell, want string }{
		{col[plan.ColText] + "4", notes["1.F2"].Text},
		{col[plan.ColArea] + "4", "1 Offentlighet och demokratisk kontroll"},
		{col[plan.ColText] + "14", notes["8.F1"].Text},
	} {
		if got, _ := g.GetCellValue(plan.SheetPlan, c.cell); got != c.want {
			t.Errorf("%s shows %q, want %q", c.cell, got, c.want)
		}
	}
	g.Close()

	// The follow-up, hand-counted.
	pr := plan.FollowUp(p, ev, time.Time{})
	if pr.Standing != 1 || !pr.Date.Equal(time.Date(2006, 8, 31, 0, 0, 0, 0, time.UTC)) || !pr.Next.Equal(time.Date(2006, 12, 31, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("standing %d on %v, next %v", pr.Standing, pr.Date, pr.Next)
	}
	wantTotal := plan.Counts{Done: 3, Partly: 2, InProgress: 2, NotDone: 1, NotStarted: 1, NotReported: 1}
	if pr.Total.Now != wantTotal || pr.Total.Lights != (plan.LightCounts{OnTrack: 4, AtRisk: 4, Late: 2}) || pr.Total.Improvements != 12 || pr.Total.Without != 3 {
		t.Errorf("total %+v %+v", pr.Total.Now, pr.Total.Lights)
	}
	areas := []count{
		{"1 Offentlighet och demokratisk kontroll", 2, 3, plan.Counts{Done: 2, InProgress: 1}, 2, 0, 1},
		{"2 Tillgänglighet och medborgar-/brukarorientering", 2, 2, plan.Counts{Partly: 1, InProgress: 1}, 1, 1, 0},
		{"3 Tydlighet i samspelet mellan politiker och tjänstemän", 1, 0, plan.Counts{}, 0, 0, 0},
		{"4 Ledning, decentralisering och delegering", 1, 1, plan.Counts{NotDone: 1}, 0, 0, 1},
		{"5 Kontroll och rapportering", 2, 2, plan.Counts{Done: 1, NotStarted: 1}, 1, 1, 0},
		{"6 Personalpolitik", 1, 0, plan.Counts{}, 0, 0, 0},
		{"7 Verksamhetsutveckling", 2, 1, plan.Counts{NotReported: 1}, 0, 1, 0},
		{"8 Kommunen som samhällsbyggare", 1, 1, plan.Counts{Partly: 1}, 0, 1, 0},
	}
	boards := []count{
		{"Kommunstyrelsen", 4, 5, plan.Counts{Done: 2, InProgress: 1, NotDone: 1, NotReported: 1}, 2, 1, 2},
		{"Socialnämnden", 2, 2, plan.Counts{Partly: 1, InProgress: 1}, 1, 1, 0},
		{"Barn- och utbildningsnämnden", 1, 1, plan.Counts{Done: 1}, 1, 0, 0},
		{"Kultur- och fritidsnämnden", 1, 1, plan.Counts{Partly: 1}, 0, 1, 0},
		{plan.NoBoardLabel, 1, 1, plan.Counts{NotStarted: 1}, 0, 1, 0},
	}
	check := func(what string, got []plan.Tally, want []count) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d, want %d", what, len(got), len(want))
		}
		for i, w := range want {
			g := got[i]
			if g.Label() != w.label || g.Improvements != w.improvements || g.Actions != w.n || g.Now != w.counts || g.Lights != (plan.LightCounts{OnTrack: w.onTrack, AtRisk: w.risk, Late: w.late}) {
				t.Errorf("%s %d: %s %d %d %+v %+v, want %+v", what, i, g.Label(), g.Improvements, g.Actions, g.Now, g.Lights, w)
			}
		}
	}
	check("areas", pr.Areas, areas)
	check("nämnder", pr.Boards, boards)
	var overdue []string
	for _, o := range pr.Overdue {
		overdue = append(overdue, o.Ref+" "+string(o.Status))
	}
	if got := strings.Join(overdue, ", "); got != "1.F2 Pågår, 4.F1 Ej genomförd" {
		t.Errorf("overdue: %s", got)
	}

	// countRow is a row of the counts: the label, förbättringsområden,
	// åtgärder, the five statuses, not reported (and the lights).
	countRow := func(c count, lights bool) []string {
		v := []int{c.improvements, c.n, c.counts.Done, c.counts.Partly, c.counts.InProgress, c.counts.NotDone, c.counts.NotStarted, c.counts.NotReported}
		if lights {
			v = append(v, c.onTrack, c.risk, c.late)
		}
		out := []string{c.label}
		for _, n := range v {
			out = append(out, fmt.Sprint(n))
		}
		return out
	}
	total := count{"Totalt", 12, 10, wantTotal, 4, 4, 2}

	// Text: a row per area and per nämnd.
	var txt bytes.Buffer
	if err := plan.FollowUpText(&txt, pr, plan.ByArea); err != nil {
		t.Fatal(err)
	}
	for _, c := range append(append(append([]count(nil), areas...), boards...), count{"TOTALT", 12, 10, wantTotal, 0, 0, 0}) {
		cells := countRow(c, false)
		label := cells[0]
		if len(label) > 40 {
			label = label[:30] // the text table cuts a long name
		}
		re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(label) + `.*?\s+` + strings.Join(cells[1:], `\s+`) + `$`)
		if !re.Match(txt.Bytes()) {
			t.Errorf("the text has no row %v:\n%s", cells, txt.String())
		}
	}
	if !strings.Contains(txt.String(), "Trafikljus vid läget: ● 4 enligt plan, ▲ 4 risk, ■ 2 försenade") ||
		!strings.Contains(txt.String(), "Beslutad av Kommunstyrelsen 2006-02-15, § 48.") {
		t.Errorf("the text lacks the lights or the decision:\n%s", txt.String())
	}

	// xlsx, grouped per nämnd: the summary's rows, every åtgärd once under
	// its nämnd, the overdue ones.
	var xb bytes.Buffer
	if err := plan.FollowUpXLSX(&xb, pr, plan.ByBoard); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&xb)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows("Uppföljning")
	if err != nil {
		t.Fatal(err)
	}
	summary := map[string][]string{}
	for _, r := range rows {
		if len(r) > 0 {
			if _, seen := summary[r[0]]; !seen {
				summary[r[0]] = r
			}
		}
	}
	for _, c := range append(append(append([]count(nil), areas...), boards...), total) {
		want := countRow(c, true)
		if got := summary[c.label]; strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("xlsx summary row %q, want %q", got, want)
		}
	}
	rows, err = x.GetRows("Åtgärder")
	if err != nil {
		t.Fatal(err)
	}
	var groups, actions []string
	for _, r := range rows[1:] {
		switch {
		case len(r) == 1:
			groups = append(groups, r[0])
		case len(r) > 2:
			actions = append(actions, r[0]+" "+r[4]+" "+r[10])
		}
	}
	if want := []string{
		"Kommunstyrelsen – 5 åtgärder: 2 genomförda, 1 pågår, 1 ej genomförd, 1 ej rapporterad",
		"Socialnämnden – 2 åtgärder: 1 delvis genomförd, 1 pågår",
		"Barn- och utbildningsnämnden – 1 åtgärd: 1 genomförd",
		"Kultur- och fritidsnämnden – 1 åtgärd: 1 delvis genomförd",
		plan.NoBoardLabel + " – 1 åtgärd: 1 ej påbörjad",
	}; strings.Join(groups, "\n") != strings.Join(want, "\n") {
		t.Errorf("xlsx groups\n%s\nwant\n%s", strings.Join(groups, "\n"), strings.Join(want, "\n"))
	}
	if len(actions) != 10 || actions[0] != "1.F1 Kommunstyrelsen ● Enligt plan" || actions[1] != "1.F2 Kommunstyrelsen ■ Försenad" {
		t.Errorf("xlsx åtgärder %q", actions)
	}
	if rows, _ := x.GetRows("Försenade"); len(rows) < 3 || rows[1][0] != "1.F2" || rows[2][0] != "4.F1" || rows[2][5] != "Ej genomförd" {
		t.Errorf("xlsx overdue %q", rows)
	}

	// HTML: the same rows of counts, and every åtgärd.
	var hb bytes.Buffer
	if err := plan.FollowUpHTML(&hb, pr, plan.ByArea); err != nil {
		t.Fatal(err)
	}
	page := hb.String()
	for _, c := range append(append(append([]count(nil), areas...), boards...), total) {
		cells := countRow(c, true)
		row := "<th scope=\"row\">" + htmlEscape(cells[0]) + "</th><td class=\"num\">" + strings.Join(cells[1:], "</td><td class=\"num\">") + "</td></tr>"
		if !strings.Contains(page, row) {
			t.Errorf("the HTML has no row %v", cells)
		}
	}
	if n := strings.Count(page, `<td class="ref" data-label="Ref">`); n != 10+2 {
		t.Errorf("the HTML lists %d åtgärder and overdue rows, want 10 + 2", n)
	}

	// The next evaluation's report, 2007, shows the same.
	set, err := evalset.Load(dir, reg)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Excluded) > 0 || len(set.Plans) != 1 {
		t.Fatalf("the data folder: %d plans, left out %+v", len(set.Plans), set.Excluded)
	}
	r, err := report.Build(set, report.Options{Kommun: "Exempelkommun"})
	if err != nil {
		t.Fatal(err)
	}
	fu := r.FollowUp
	if fu == nil || fu.Year != 2005 {
		t.Fatalf("the 2007 report has no follow-up of 2005: %+v", fu)
	}
	if got, want := fu.Count.Line(), "10 åtgärder: 3 genomförda, 2 delvis genomförda, 2 pågår, 1 ej genomförd, 1 ej påbörjad, 1 ej rapporterad"; got != want {
		t.Errorf("the report's total %q, want %q", got, want)
	}
	for i, a := range fu.Areas {
		want := plan.CountLine(byID(areas, a.ID).counts)
		if byID(areas, a.ID).n == 0 {
			want = "Ingen åtgärd" // as the report starts a sentence
		}
		if a.Count.Line() != want {
			t.Errorf("the report's area %s: %q, want %q (%d)", a.ID, a.Count.Line(), want, i)
		}
	}
	if len(fu.Boards) != len(boards) {
		t.Fatalf("the report's nämnder %+v", fu.Boards)
	}
	for i, b := range fu.Boards {
		if b.Name != boards[i].label || b.Count.Line() != plan.CountLine(boards[i].counts) {
			t.Errorf("the report's nämnd %d: %s %q, want %s", i, b.Name, b.Count.Line(), boards[i].label)
		}
	}
	var rb bytes.Buffer
	if err := report.Write(&rb, r, report.WriteOptions{ScriptSrc: report.ScriptFile}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		"<strong>Totalt:</strong> 10 åtgärder: 3 genomförda, 2 delvis genomförda, 2 pågår, 1 ej genomförd, 1 ej påbörjad, 1 ej rapporterad.",
		"<tr><th scope=\"row\">Kommunstyrelsen</th><td>5 åtgärder: 2 genomförda, 1 pågår, 1 ej genomförd, 1 ej rapporterad</td>",
		"<p class=\"fu-count\">3 åtgärder: 2 genomförda, 1 pågår.</p>",
	} {
		if !strings.Contains(rb.String(), s) {
			t.Errorf("the report lacks %s", s)
		}
	}
}

// count is a hand count of an area, a nämnd or the total: its label, its
// förbättringsområden and åtgärder, their statuses and traffic lights.
type count struct {
	label               string
	improvements, n     int
	counts              plan.Counts
	onTrack, risk, late int
}

// byID is the count of an area by its id (the first word of its label).
func byID(cs []count, id string) count {
	for _, c := range cs {
		if strings.HasPrefix(c.label, id+" ") {
			return c
		}
	}
	return count{}
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;").Replace(s)
}
