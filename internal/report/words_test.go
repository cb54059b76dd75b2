package report_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/report"
)

// captionNumbers are the "Tabell N" of the page's tables that have one, in
// the order of the page.
func captionNumbers(doc *node) []string {
	var out []string
	for _, c := range doc.all("caption") {
		if f := strings.Fields(c.text()); len(f) >= 2 && f[0] == "Tabell" {
			out = append(out, strings.TrimRight(f[1], ":."))
		}
	}
	return out
}

// TestTableNumbers checks that the tables are numbered as the text can name
// them: the evaluators' own labels kept, the report's tables numbered with
// the numbers those leave, in the order of the page.
func TestTableNumbers(t *testing.T) {
	for _, c := range []struct {
		name  string
		r     *report.Report
		pages []string // the numbers in the order of the page
		trend int
	}{
		// Umeå without text: its scores, then its poängsammanställning
		{"Umeå", umeaReport(t), []string{"1", "2"}, 1},
		// the sample labels its own Tabell 1 (the background) and Tabell 4
		// (area 5), leaving 2 and 3 for the scores and the group
		{"Exempelkommun", exempelReport(t), []string{"1", "2", "3", "4", "5"}, 2},
		// without the group, 3 is not used
		{"Exempelkommun without its group", buildFrom(t, exempelSet(t), report.Options{Kommun: "Exempelkommun"}), []string{"1", "2", "4", "5"}, 2},
		// an evaluators' table without a label gets the next number
		{"hostile", hostileReport(t), []string{"1", "2", "3", "4"}, 2},
		// area level against a series: the scores, the group, the areas
		{"Vallentuna", build(t, evaluationsDir, report.Options{Kommun: "Vallentuna", Group: "Sverigesnitt 2021"}), []string{"1", "2", "3"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			doc := parseHTML(t, write(t, c.r, report.WriteOptions{ScriptSrc: report.ScriptFile}))
			if got := captionNumbers(doc); !slices.Equal(got, c.pages) {
				t.Errorf("the tables are numbered %q in the order of the page, want %q", got, c.pages)
			}
			if c.r.TrendNo != c.trend {
				t.Errorf("the scores are Tabell %d, want %d", c.r.TrendNo, c.trend)
			}
			if cap := doc.byID("sammanfattning-tabell").first("caption"); !strings.HasPrefix(squash(cap.text()), fmt.Sprintf("Tabell %d %s", c.trend, c.r.Kommun)) {
				t.Errorf("the scores' caption reads %q", squash(cap.text()))
			}
		})
	}
}

// TestReferences checks that the styrkor and förbättringsområden carry the
// references the åtgärdsplan uses: per area, in the order of the workbook,
// S for a styrka and F for a förbättringsområde.
func TestReferences(t *testing.T) {
	r := smallReport(t)
	doc := parseHTML(t, write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile}))
	var got []string
	for _, ul := range doc.all("ul") {
		if ul.hasClass("refs") {
			for _, li := range ul.all("li") {
				got = append(got, li.Attr["id"]+" "+squash(li.text()))
			}
		}
	}
	want := []string{
		"ref-1.S1 1.S1 Fiktiv styrka: tydlig information till medborgarna.",
		"ref-1.S2 1.S2 Fiktiv styrka: öppna nämndsammanträden.",
		"ref-1.F1 1.F1 Fiktivt förbättringsområde: handlingar på webbplatsen.",
		"ref-3.S1 3.S1 Fiktiv styrka: etablerad styrmodell.",
		"ref-5.F1 5.F1 Fiktivt förbättringsområde: uppföljning av projekt.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the lists read\n%q\nwant\n%q", got, want)
	}
	// the same references as the åtgärdsplan's
	ev := evaluationOf(t, loadSet(t, smallDir), "exempelkommun-a-2007.xlsx")
	notes, refs := plan.Refs(ev)
	for _, ref := range refs {
		li := doc.byID("ref-" + ref)
		if li == nil || !strings.HasSuffix(squash(li.text()), notes[ref].Text) {
			t.Errorf("the plan's %s (%q) is not in the report as %v", ref, notes[ref].Text, li)
		}
	}
}

// TestWords checks the wording the issue named: a change of nothing is
// "oförändrat", the charts name their table by number and say nothing
// about being printed, and Om metoden names who gives the instrument
// out, never the report of another kommun it was transcribed from.
func TestWords(t *testing.T) {
	r := umeaReport(t)
	doc := parseHTML(t, write(t, r, report.WriteOptions{}))
	var area6 string
	for _, a := range r.Areas {
		if a.ID == "6" {
			if a.Change == nil || *a.Change != 0 {
				t.Fatalf("Umeå's area 6 changed by %v since 2005; the test wants 0", a.Change)
			}
			area6 = squash(doc.byID("omrade-6").first("p").text())
		}
	}
	if !strings.Contains(area6, "oförändrat sedan 2005") || strings.Contains(area6, " 0 sedan") {
		t.Errorf("area 6 reads %q, want \"oförändrat sedan 2005\"", area6)
	}
	body := squash(doc.first("body").text())
	for _, bad := range []string{"Till tabellen", "Instrumentets källa", ".:", "?:"} {
		if strings.Contains(body, bad) {
			t.Errorf("the page says %q", bad)
		}
	}
	method := squash(doc.byID("metod").text())
	if !strings.Contains(method, "i den form som Sveriges Kommuner och Landsting (SKL) använder den") {
		t.Errorf("Om metoden does not name the instrument's publisher: %q", method)
	}
	for _, other := range []string{"Örebro", "Vallentuna"} {
		page := squash(parseHTML(t, write(t, build(t, evaluationsDir, report.Options{Kommun: other}), report.WriteOptions{ScriptSrc: report.ScriptFile})).first("body").text())
		for _, k := range []string{"Umeå", "Lidköping", "Grästorp", "Tomelilla"} {
			if strings.Contains(page, k) {
				t.Errorf("the report of %s names %s", other, k)
			}
		}
	}
	// every section and area has its slot for a printed page number
	for _, s := range r.Sections {
		if n := doc.first("nav"); n == nil || !strings.Contains(fmt.Sprint(pageSlots(n)), s.ID) {
			t.Errorf("the contents have no page slot for #%s", s.ID)
		}
	}
}

// pageSlots are the ids the contents' page numbers are for.
func pageSlots(n *node) []string {
	var out []string
	n.walk(func(m *node) {
		if id, ok := m.Attr["data-page-of"]; ok {
			out = append(out, id)
		}
	})
	return out
}
