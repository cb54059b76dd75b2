package report_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/report"
)

const followUpGolden = "testdata/exempelkommun-uppfoljning.golden.html"

// exempelOccasions are the reporting occasions of the fictional plan:
// april, augusti and årsredovisning 2006, april and augusti 2007.
var exempelOccasions = []plan.Occasion{
	{Label: "April 2006", Date: day(2006, 4, 30)},
	{Label: "Augusti 2006", Date: day(2006, 8, 31)},
	{Label: "Årsredovisning 2006", Date: day(2006, 12, 31)},
	{Label: "April 2007", Date: day(2007, 4, 30)},
	{Label: "Augusti 2007", Date: day(2007, 8, 31)},
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// fictionalAction is one åtgärd of the fictional plan and its status by
// occasion ("" not reported; the index of exempelOccasions).
type fictionalAction struct {
	text, responsible string
	due               time.Time
	reports           map[int]plan.Status
	comment           string // with the last status
	goal              string // Koppling till mål
}

// exempelActions are the åtgärder of the fictional plan that follows
// Exempelkommun 2005, by förbättringsområde; 2.F2 has none.
var exempelActions = map[string][]fictionalAction{
	"1.F1": {{"Samla alla vägar att påverka på en sida på webbplatsen.", "Kommunikationschefen", day(2006, 6, 30),
		map[int]plan.Status{0: plan.Partly, 1: plan.Done}, "", ""}},
	"1.F2": {{"Ge ut en lättläst sammanfattning av årsredovisningen.", "Ekonomichefen", day(2007, 4, 30),
		map[int]plan.Status{0: plan.NotStarted, 2: plan.Partly}, "Första utgåvan är skriven men inte tryckt.", ""}},
	"2.F1": {
		{"Upphandla ett gemensamt system för synpunkter och klagomål.", "Kommundirektören", day(2006, 12, 31),
			map[int]plan.Status{0: plan.Partly, 1: plan.Partly, 2: plan.NotDone}, "Upphandlingen avbröts.", ""},
		{"Utbilda kontaktcentret i det nya systemet.", "", time.Time{}, nil, "", ""},
	},
	"3.F1": {{"Halvera antalet nämndmål i budget 2007.", "Kommunstyrelsens ordförande", day(2006, 11, 30),
		map[int]plan.Status{0: plan.Partly, 2: plan.Done}, "", ""}},
	"4.F1": {{"Ta fram en gemensam delegationsordning.", "Kanslichefen", day(2007, 6, 30),
		map[int]plan.Status{0: plan.NotStarted, 4: plan.NotStarted}, "", ""}},
	"5.F1": {
		{"Inför en gemensam modell för nämndernas uppföljning.", "Ekonomichefen", day(2006, 9, 30),
			map[int]plan.Status{0: plan.Partly, 1: plan.Done}, "", "Alla nämnder följer upp sina mål på samma sätt."},
		{"Utbilda nämndernas presidier i modellen.", "Personalchefen", day(2006, 12, 31),
			map[int]plan.Status{2: plan.Done}, "", ""},
	},
	"5.F2": {{"Redovisa brukarundersökningarna i verksamhetsplanerna.", "Förvaltningscheferna", day(2007, 3, 31),
		map[int]plan.Status{2: plan.Partly, 3: plan.Partly}, "Fyra av sex nämnder.", ""}},
	"6.F1": {{"Lägg jämförelser med andra kommuner i budgetunderlaget.", "Ekonomichefen", day(2007, 2, 28),
		map[int]plan.Status{3: plan.NotDone}, "", ""}},
	"7.F1": {{"Starta ett program för ledarutveckling.", "Personalchefen", day(2006, 12, 31),
		map[int]plan.Status{4: plan.Done}, "", ""}},
	"7.F2": {{"Redovisa sjukfrånvaron per arbetsplats i månadsrapporten.", "Personalchefen", day(2006, 6, 30),
		map[int]plan.Status{1: plan.Done}, "", ""}},
	"8.F1": {{"Bilda ett föreningsråd i varje tätort.", "Kultur- och fritidschefen", day(2007, 6, 30),
		map[int]plan.Status{4: plan.Partly}, "", ""}},
}

// exempelPlan is a fictional åtgärdsplan for the evaluation, its rows the
// evaluation's förbättringsområden (plan.Refs) with the åtgärder given.
func exempelPlan(ev *evaluation.Evaluation, actions map[string][]fictionalAction) *plan.Plan {
	p := &plan.Plan{
		File: fmt.Sprintf("exempelkommun-%d-atgardsplan.xlsx", ev.Facts.Year), Kommun: ev.Facts.Kommun, Year: ev.Facts.Year,
		InstrumentID: ev.Facts.InstrumentID, InstrumentVersion: ev.Facts.InstrumentVersion,
		Occasions: exempelOccasions,
	}
	notes, refs := plan.Refs(ev)
	row := 4
	for _, ref := range refs {
		it := plan.Item{Ref: ref, Area: notes[ref].Area, Text: notes[ref].Text}
		for _, fa := range actions[ref] {
			a := plan.Action{Text: fa.text, Responsible: fa.responsible, Due: fa.due, Goal: fa.goal, Row: row,
				Reports: make([]plan.Report, len(exempelOccasions))}
			last := -1
			for i, s := range fa.reports {
				a.Reports[i].Status = s
				last = max(last, i)
			}
			if last >= 0 {
				a.Reports[last].Comment = fa.comment
			}
			it.Actions = append(it.Actions, a)
			row++
		}
		if len(it.Actions) == 0 {
			row++
		}
		p.Items = append(p.Items, it)
	}
	return p
}

// evaluationOf returns the evaluation read from the file of that name.
func evaluationOf(t *testing.T, set *evalset.Set, file string) *evaluation.Evaluation {
	t.Helper()
	for _, ev := range set.Evaluations {
		if filepath.Base(ev.File) == file {
			return ev
		}
	}
	t.Fatalf("%s: no evaluation read from %s", set.Dir, file)
	return nil
}

// withPlans returns a copy of set that holds the plans.
func withPlans(set *evalset.Set, plans ...*plan.Plan) *evalset.Set {
	out := *set
	out.Plans = append(slices.Clone(set.Plans), plans...)
	return &out
}

// followUpReport is the report of Exempelkommun 2007, against its mean
// series, with the fictional plan that follows the 2005 evaluation.
func followUpReport(t *testing.T, actions map[string][]fictionalAction) *report.Report {
	t.Helper()
	set := exempelSet(t)
	p := exempelPlan(evaluationOf(t, set, "exempelkommun-2005.xlsx"), actions)
	return buildFrom(t, withPlans(set, p), report.Options{Kommun: "Exempelkommun", Group: "Exempelsnitt 2007"})
}

// TestFollowUp checks the section of the 2007 report that looks back at
// the förbättringsområden of 2005: after Huvudområdena, numbered, in the
// contents; each förbättringsområde with its text, its åtgärder and their
// last status, and the area's change; counts that a hand count gives.
func TestFollowUp(t *testing.T) {
	r := followUpReport(t, exempelActions)
	var sections []string
	for _, s := range r.Sections {
		sections = append(sections, fmt.Sprintf("%d %s", s.Number, s.Title))
	}
	want := []string{"1 Om Kommunkompassen", "2 Sammanfattning", "3 Huvudområdena",
		"4 Uppföljning av förbättringsområden från 2005", "5 Poängsammanställning", "6 Om metoden"}
	if !slices.Equal(sections, want) {
		t.Fatalf("sections %q, want %q", sections, want)
	}
	page := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile})
	doc := parseHTML(t, page)
	checkStructure(t, r, doc, report.WriteOptions{ScriptSrc: report.ScriptFile})
	var toc []string
	for _, li := range doc.first("nav").first("ol").Children {
		if li.Tag == "li" {
			toc = append(toc, squash(li.first("a").text()))
		}
	}
	if !slices.Equal(toc, want) {
		t.Errorf("contents %q, want %q", toc, want)
	}
	sec := doc.byID("uppfoljning")
	if sec == nil {
		t.Fatal("no element #uppfoljning")
	}
	intro := squash(sec.first("p").text())
	for _, s := range []string{"är augusti 2007", "utvärderingen 2005"} {
		if !strings.Contains(intro, s) {
			t.Errorf("the introduction %q does not name %q", intro, s)
		}
	}
	// the file is named in the colophon, not in the text a reader reads
	if strings.Contains(intro, ".xlsx") {
		t.Errorf("the introduction names a file: %q", intro)
	}
	if colophon := squash(doc.first("footer").text()); !strings.Contains(colophon, "åtgärdsplanen exempelkommun-2005-atgardsplan.xlsx") {
		t.Errorf("the colophon does not name the åtgärdsplan: %q", colophon)
	}
	if got, want := squash(sec.all("p")[1].text()), "Totalt: 13 åtgärder: 6 genomförda, 3 delvis genomförda, 2 ej genomförda, 1 ej påbörjad, 1 ej rapporterad."; got != want {
		t.Errorf("the total count reads %q, want %q", got, want)
	}

	// area 5: 51 → 62, both förbättringsområden, three åtgärder
	a5 := doc.byID("uppfoljning-5")
	if a5 == nil {
		t.Fatal("no element #uppfoljning-5")
	}
	if got, want := squash(a5.first("p").text()), "2005: 51 av 100 poäng 2007: 62 av 100 poäng Förändring +11"; got != want {
		t.Errorf("area 5 reads %q, want %q", got, want)
	}
	if got, want := squash(a5.all("p")[1].text()), "3 åtgärder: 2 genomförda, 1 delvis genomförd."; got != want {
		t.Errorf("area 5's count reads %q, want %q", got, want)
	}
	var items []string
	for _, h := range a5.all("h4") {
		items = append(items, squash(h.text()))
	}
	if want := []string{
		"5.F1 Inför en gemensam modell för nämndernas uppföljning av mål och kvalitet.",
		"5.F2 Använd resultaten av brukarundersökningarna i verksamhetsplaneringen.",
	}; !slices.Equal(items, want) {
		t.Errorf("area 5's förbättringsområden %q, want %q", items, want)
	}
	var rows []string
	for _, tr := range a5.all("tr") {
		rows = append(rows, cells(tr))
	}
	if want := []string{
		"Åtgärd | Ansvarig | Klart senast | Senaste status",
		"Inför en gemensam modell för nämndernas uppföljning. Mål: Alla nämnder följer upp sina mål på samma sätt. | Ekonomichefen | 30 september 2006 | Genomförd (augusti 2006) ● Enligt plan",
		"Utbilda nämndernas presidier i modellen. | Personalchefen | 31 december 2006 | Genomförd (årsredovisning 2006) ● Enligt plan",
		"Åtgärd | Ansvarig | Klart senast | Senaste status",
		"Redovisa brukarundersökningarna i verksamhetsplanerna. | Förvaltningscheferna | 31 mars 2007 passerat | Delvis genomförd (april 2007) ■ Försenad Fyra av sex nämnder.",
	}; !slices.Equal(rows, want) {
		t.Errorf("area 5's åtgärder:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}

	// area 2: an åtgärd not reported, a förbättringsområde without åtgärd
	a2 := doc.byID("uppfoljning-2")
	if a2 == nil {
		t.Fatal("no element #uppfoljning-2")
	}
	rows = nil
	for _, n := range a2.Children {
		switch {
		case n.Tag == "div" && n.hasClass("fu-head"):
			for _, p := range n.all("p") {
				rows = append(rows, squash(p.text()))
			}
		case n.Tag == "div":
			rows = append(rows, squash(n.first("h4").text()))
			for _, tr := range n.all("tr")[min(1, len(n.all("tr"))):] {
				rows = append(rows, cells(tr))
			}
			if p := n.first("p"); p != nil {
				rows = append(rows, squash(p.text()))
			}
		}
	}
	if want := []string{
		"2005: 61 av 100 poäng 2007: 68 av 100 poäng Förändring +7",
		"2 åtgärder: 1 ej genomförd, 1 ej rapporterad.",
		"2.F1 Inför ett gemensamt system för synpunkter och klagomål.",
		"Upphandla ett gemensamt system för synpunkter och klagomål. | Kommundirektören | 31 december 2006 passerat | Ej genomförd (årsredovisning 2006) ■ Försenad Upphandlingen avbröts.",
		"Utbilda kontaktcentret i det nya systemet. | – | – | Ej rapporterad ▲ Risk",
		"2.F2 Följ upp servicegarantierna och redovisa hur de hålls.",
		"Ingen åtgärd beslutad för detta förbättringsområde.",
	}; !slices.Equal(rows, want) {
		t.Errorf("area 2:\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	// every status has its mark, a class the stylesheet knows
	marks := 0
	sec.walk(func(n *node) {
		if n.hasClass("fu-status") {
			marks++
			if c := n.classes(); len(c) != 2 || !strings.Contains(report.CSS, "."+c[1]) {
				t.Errorf("status %q has classes %q, not styled", n.text(), c)
			}
		}
	})
	if marks != 13 {
		t.Errorf("%d status marks, want 13", marks)
	}
	// every förbättringsområde of 2005, in order
	notes, refs := plan.Refs(evaluationOf(t, exempelSet(t), "exempelkommun-2005.xlsx"))
	var got, wantItems []string
	for _, h := range sec.all("h4") {
		got = append(got, squash(h.text()))
	}
	for _, ref := range refs {
		wantItems = append(wantItems, ref+" "+notes[ref].Text)
	}
	if !slices.Equal(got, wantItems) {
		t.Errorf("förbättringsområden %q, want %q", got, wantItems)
	}
	goldenPage(t, followUpGolden, page)
}

// TestFollowUpNone checks that a report whose earlier evaluation has no
// plan has no such section, and that a plan of the report's own year is
// not looked back on but noted in Sammanfattning.
func TestFollowUpNone(t *testing.T) {
	set := exempelSet(t)
	ev2007 := evaluationOf(t, set, "exempelkommun-2007.xlsx")
	_, refs := plan.Refs(ev2007)
	own := exempelPlan(ev2007, map[string][]fictionalAction{
		"1.F1": {{"Fiktiv åtgärd.", "Kommunikationschefen", day(2008, 6, 30), map[int]plan.Status{0: plan.Done}, "", ""}},
		"2.F2": {
			{"Fiktiv åtgärd.", "", time.Time{}, map[int]plan.Status{0: plan.Partly, 1: plan.NotStarted}, "", ""},
			{"Fiktiv åtgärd.", "", time.Time{}, nil, "", ""},
		},
	})
	own.Occasions = []plan.Occasion{{Label: "April 2008", Date: day(2008, 4, 30)}, {Label: "Augusti 2008", Date: day(2008, 8, 31)}}
	for name, s := range map[string]*evalset.Set{"no plan": set, "a plan of 2007": withPlans(set, own)} {
		r := buildFrom(t, s, report.Options{Kommun: "Exempelkommun", Group: "Exempelsnitt 2007"})
		if r.FollowUp != nil {
			t.Errorf("%s: the report has a follow-up of %d", name, r.FollowUp.Year)
		}
		page := write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile})
		if bytes.Contains(page, []byte(`id="uppfoljning`)) || bytes.Contains(page, []byte("Uppföljning av förbättringsområden")) {
			t.Errorf("%s: the page has a follow-up", name)
		}
		doc := parseHTML(t, page)
		note := doc.byID("atgardsplan")
		switch {
		case name == "no plan" && note != nil:
			t.Errorf("%s: the page has a note on an åtgärdsplan", name)
		case name == "no plan":
		case note == nil:
			t.Errorf("%s: the page has no note on its åtgärdsplan", name)
		default:
			want := []string{fmt.Sprintf("Förbättringsområden med åtgärd | 2 av %d", len(refs)),
				"Senaste uppföljning | augusti 2008", "Läge | 3 åtgärder: 1 genomförd, 1 ej påbörjad, 1 ej rapporterad"}
			var got []string
			dl := note.first("dl")
			for i := 0; i+1 < len(dl.Children); i++ {
				if dl.Children[i].Tag == "dt" {
					got = append(got, squash(dl.Children[i].text())+" | "+squash(dl.Children[i+1].text()))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: the note reads %q, want %q", name, got, want)
			}
			if doc.byID("sammanfattning").byID("atgardsplan") == nil || !strings.Contains(squash(note.text()), "från utvärderingen 2007 med en åtgärdsplan") {
				t.Errorf("%s: the note is not in Sammanfattning or does not say which evaluation the plan follows: %q", name, squash(note.text()))
			}
		}
	}
}

// TestFollowUpNotComparable checks a plan that follows an evaluation made
// with an instrument version the report's cannot be compared with: the
// section says so and shows the scores of then alone.
func TestFollowUpNotComparable(t *testing.T) {
	set := loadSet(t, programmeDir)
	ev := evaluationOf(t, set, "exempelkommun-a-2007.xlsx")
	p := exempelPlan(ev, nil)
	p.Items = []plan.Item{{Ref: "1.F1", Area: "1", Text: "Fiktivt förbättringsområde.", Actions: []plan.Action{
		{Text: "Fiktiv åtgärd.", Reports: []plan.Report{{Status: plan.Done}}},
	}}}
	r := buildFrom(t, withPlans(set, p), report.Options{Kommun: "Exempelkommun A", Year: 2012})
	if len(r.Earlier) == 0 {
		t.Fatalf("Exempelkommun A 2012 and 2007 are comparable: the test would prove nothing")
	}
	if r.FollowUp == nil || r.FollowUp.Comparable || r.FollowUp.Year != 2007 {
		t.Fatalf("follow-up %+v, want one of 2007 that is not comparable", r.FollowUp)
	}
	doc := parseHTML(t, write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile}))
	sec := doc.byID("uppfoljning")
	if sec == nil {
		t.Fatal("no element #uppfoljning")
	}
	text := squash(sec.text())
	then := points.Sv(ev.Tally().Areas[0].Score.Ptr())
	for _, s := range []string{"Poängen 2007 och 2012 är inte jämförbara", "2007: " + then + " av 100 poäng", "1 åtgärd: 1 genomförd.",
		"Genomförd (april 2006)"} {
		if !strings.Contains(text, s) {
			t.Errorf("the section lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "Förändring") || strings.Contains(text, "2012: ") {
		t.Errorf("the section gives a score of 2012 or a change:\n%s", text)
	}
}

// TestFollowUpHostile puts markup and script into every text of the plan
// the report shows: they come out as text.
func TestFollowUpHostile(t *testing.T) {
	set := exempelSet(t)
	p := exempelPlan(evaluationOf(t, set, "exempelkommun-2005.xlsx"), map[string][]fictionalAction{
		"1.F1": {{"Åtgärd: " + hostileText, "Ansvarig: " + payloadImg, day(2006, 6, 30), map[int]plan.Status{1: plan.Done}, "Kommentar: " + payloadScript, "Mål: " + payloadQuotes}},
	})
	p.File = "plan-" + payloadQuotes + ".xlsx"
	p.Occasions = slices.Clone(p.Occasions)
	p.Occasions[1].Label = "Augusti " + payloadScript
	p.Items[1].Text = "Förbättringsområde: " + payloadImg
	r := buildFrom(t, withPlans(set, p), report.Options{Kommun: "Exempelkommun"})
	page := write(t, r, report.WriteOptions{})
	for _, bad := range []string{"<script>window.__pwned", "<img src=x", `onerror="`, payloadImg, payloadQuotes} {
		if i := bytes.Index(page, []byte(bad)); i >= 0 {
			t.Errorf("the page holds %q unescaped at %d: …%s…", bad, i, around(page, i))
		}
	}
	doc := parseHTML(t, page)
	checkStructure(t, r, doc, report.WriteOptions{})
	body := doc.byID("uppfoljning").text()
	for _, s := range []string{
		"Åtgärd: " + hostileText, "Ansvarig: " + payloadImg, "Kommentar: " + payloadScript, "Mål: " + payloadQuotes,
		"Genomförd (augusti " + payloadScript + ")", "1.F2 Förbättringsområde: " + payloadImg,
		"är augusti " + payloadScript,
	} {
		if !strings.Contains(body, s) {
			t.Errorf("the section lacks %q as text", s)
		}
	}
	if colophon := doc.first("footer").text(); !strings.Contains(colophon, "plan-"+payloadQuotes+".xlsx") {
		t.Errorf("the colophon lacks the plan's file name as text: %q", colophon)
	}
	if imgs := doc.all("img"); len(imgs) > 0 {
		t.Errorf("the page has %d <img> elements", len(imgs))
	}
}
