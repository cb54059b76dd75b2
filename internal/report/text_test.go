package report_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/markup"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/samples"
)

// squash is text with each run of white space one space, and none at the
// ends, as a reader sees it.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// textUnits are the headings, paragraphs and list items under n, in the
// order of the page, as a reader sees them.
func textUnits(n *node) []string {
	var out []string
	n.walk(func(m *node) {
		switch m.Tag {
		case "h1", "h2", "h3", "h4", "h5", "h6", "p", "li":
			out = append(out, squash(m.text()))
		}
	})
	return out
}

// wantUnits are the units the text blocks must show: a heading as one, a
// paragraph as its paragraphs and list items.
func wantUnits(blocks []evaluation.TextBlock) []string {
	var out []string
	for _, b := range blocks {
		switch b.Kind {
		case evaluation.Heading:
			out = append(out, squash(markup.Line(b.Text)))
			continue
		case evaluation.TableRef:
			continue // a table's place, checked by checkTables
		}
		for _, mb := range markup.Parse(b.Text) {
			for _, line := range strings.Split(mb.Text(), "\n") {
				out = append(out, squash(line))
			}
		}
	}
	return out
}

// checkTextInOrder fails unless every heading and paragraph of the
// evaluation's text stands in the page's <main> in the order written:
// the background and the summary in Sammanfattning, then each area's in
// its part of Huvudområdena.
func checkTextInOrder(t *testing.T, doc *node, blocks []evaluation.TextBlock) {
	t.Helper()
	var ordered []evaluation.TextBlock
	for _, sec := range []string{evaluation.SectionBackground, evaluation.SectionSummary, "1", "2", "3", "4", "5", "6", "7", "8"} {
		for _, b := range blocks {
			if b.Section == sec {
				ordered = append(ordered, b)
			}
		}
	}
	if len(ordered) != len(blocks) {
		t.Fatalf("%d of %d blocks are of a known section", len(ordered), len(blocks))
	}
	want := wantUnits(ordered)
	got := textUnits(doc.first("main"))
	i := 0
	for _, u := range got {
		if i < len(want) && u == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("the page shows %d of the %d headings, paragraphs and items in order; the first missing is %q", i, len(want), want[i])
	}
	// and each where it belongs
	for _, b := range blocks {
		id := "omrade-" + b.Section
		if b.Section == evaluation.SectionBackground || b.Section == evaluation.SectionSummary {
			id = "sammanfattning"
		}
		units := wantUnits([]evaluation.TextBlock{b})
		if len(units) == 0 {
			continue
		}
		if sec := doc.byID(id); sec == nil || !slices.Contains(textUnits(sec), units[0]) {
			t.Errorf("%q is not in #%s", units[0], id)
		}
	}
}

// cells is the text of each child element of n (the cells of a row, the
// terms and values of a list), joined by " | ".
func cells(n *node) string {
	var out []string
	for _, c := range n.Children {
		if c.Tag != "" {
			out = append(out, squash(c.text()))
		}
	}
	return strings.Join(out, " | ")
}

// tableCells reads a table: its caption, then one line of cells per row.
func tableCells(tb *node) []string {
	out := []string{squash(tb.first("caption").text())}
	for _, tr := range tb.all("tr") {
		out = append(out, cells(tr))
	}
	return out
}

// checkTables fails unless each of the evaluation's tables stands in the
// part of its section, with its title, header and rows as written.
func checkTables(t *testing.T, doc *node, tables []evaluation.Table) {
	t.Helper()
	for _, tb := range tables {
		want := []string{tb.Title, strings.Join(tb.Header, " | ")}
		for _, r := range tb.Rows {
			want = append(want, strings.Join(r, " | "))
		}
		id := "omrade-" + tb.Section
		if tb.Section == evaluation.SectionBackground || tb.Section == evaluation.SectionSummary {
			id = "sammanfattning"
		}
		var found []string
		for _, n := range doc.byID(id).all("table") {
			if got := tableCells(n); got[0] == tb.Title {
				found = got
			}
		}
		if !slices.Equal(found, want) {
			t.Errorf("table %q in #%s:\n got %q\nwant %q", tb.Title, id, found, want)
		}
	}
}

// checkInterviews fails unless Sammanfattning states the interviews.
func checkInterviews(t *testing.T, doc *node, n int, who string) {
	t.Helper()
	var dl *node
	doc.byID("sammanfattning").walk(func(m *node) {
		if m.Tag == "dl" && m.hasClass("interviews") {
			dl = m
		}
	})
	if dl == nil {
		t.Fatal("Sammanfattning does not state the interviews")
	}
	if got, want := cells(dl), fmt.Sprintf("Intervjuer | %d | Intervjuade | %s", n, who); got != want {
		t.Errorf("the interviews read %q, want %q", got, want)
	}
}

// TestSeedReport is the acceptance test of issue 12: Umeå 2007 with the
// text of the seed's sections 2 and 3 gives a report with every heading
// and paragraph of them in order, Tabell 1 and the number of interviews.
func TestSeedReport(t *testing.T) {
	r, seed := seedReport(t)
	doc := parseHTML(t, write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile}))
	checkStructure(t, r, doc, report.WriteOptions{ScriptSrc: report.ScriptFile})
	checkTextInOrder(t, doc, seed.Text)
	checkTables(t, doc, seed.Tables)
	checkInterviews(t, doc, seed.Interviews, seed.Interviewed)
	if len(seed.Text) < 150 || len(seed.Tables) != 1 || seed.Interviews != 30 {
		t.Errorf("the seed gave %d blocks, %d tables, %d interviews: the test would prove little", len(seed.Text), len(seed.Tables), seed.Interviews)
	}
}

// TestExempelkommunReport checks the same of the fictional sample, whose
// text has a table in the background and one in an area.
func TestExempelkommunReport(t *testing.T) {
	r := exempelReport(t)
	var ev samples.Sample
	for _, s := range samples.Exempelkommun() {
		if s.Text != nil {
			ev = s
		}
	}
	doc := parseHTML(t, write(t, r, report.WriteOptions{}))
	checkTextInOrder(t, doc, ev.Text)
	checkTables(t, doc, ev.Tables)
	checkInterviews(t, doc, ev.Interviews, ev.Interviewed)
	// Tabell 1 follows the passage that names it, before Utvärderingen.
	var order []string
	doc.byID("sammanfattning").walk(func(m *node) {
		if m.Tag == "caption" || m.Tag == "h3" {
			order = append(order, squash(m.text()))
		}
	})
	if i, j := slices.Index(order, ev.Tables[0].Title), slices.Index(order, "Utvärderingen"); i < 0 || j < i {
		t.Errorf("Tabell 1 is not before Utvärderingen: %q", order)
	}
}

// TestSections checks which sections a report has, in what order and
// numbered how, and which areas get a part of their own: a section with
// nothing to say is left out, and an area-level evaluation without text
// is one table of its areas.
func TestSections(t *testing.T) {
	all := []string{"1 Om Kommunkompassen", "2 Sammanfattning", "3 Huvudområdena", "4 Poängsammanställning", "5 Om metoden"}
	short := []string{"1 Om Kommunkompassen", "2 Sammanfattning", "3 Huvudområdena", "4 Om metoden"}
	for _, c := range []struct {
		name     string
		r        *report.Report
		sections []string
		overview bool
		own      string // per area: '-' none, 'o' its own part, 'b' its own part starting a page
	}{
		// delfrågor and lists but no text: each area follows the one
		// before it in print
		{"full with notes in three areas", smallReport(t), all, false, "oooooooo"},
		{"full with text", exempelReport(t), all, false, "bbbbbbbb"},
		{"area level, 2020", build(t, evaluationsDir, report.Options{Kommun: "Vallentuna"}), short, true, "--------"},
		{"area level against a series", build(t, evaluationsDir, report.Options{Kommun: "Vallentuna", Group: "Sverigesnitt 2021"}), short, true, "--------"},
		{"area level, delfrågor not scored", build(t, evaluationsDir, report.Options{Kommun: "Umeå", Year: 2005}), short, true, "--------"},
		{"area level with notes", build(t, programmeDir, report.Options{Kommun: "Exempelkommun A"}), short, true, "---o---o"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var sections []string
			for _, s := range c.r.Sections {
				sections = append(sections, fmt.Sprintf("%d %s", s.Number, s.Title))
			}
			if !slices.Equal(sections, c.sections) {
				t.Errorf("sections %q, want %q", sections, c.sections)
			}
			var own []byte
			for _, a := range c.r.Areas {
				switch {
				case a.Break && a.Own:
					own = append(own, 'b')
				case a.Own:
					own = append(own, 'o')
				case a.Break:
					own = append(own, '?')
				default:
					own = append(own, '-')
				}
			}
			if string(own) != c.own || c.r.Overview != c.overview {
				t.Errorf("areas %q, overview %v; want %q, %v", own, c.r.Overview, c.own, c.overview)
			}

			// the page: the headings and the contents say the same
			doc := parseHTML(t, write(t, c.r, report.WriteOptions{ScriptSrc: report.ScriptFile}))
			var h2s, toc []string
			for _, h := range doc.first("main").all("h2") {
				h2s = append(h2s, squash(h.text()))
			}
			nav := doc.first("nav")
			for _, li := range nav.first("ol").Children {
				if li.Tag == "li" {
					toc = append(toc, squash(li.first("a").text()))
				}
			}
			if !slices.Equal(h2s, c.sections) || !slices.Equal(toc, c.sections) {
				t.Errorf("headings %q and contents %q, want %q", h2s, toc, c.sections)
			}
			if links := nav.first("ol").first("ol").all("a"); len(links) != len(c.r.Areas) {
				t.Errorf("the contents link %d areas, want %d", len(links), len(c.r.Areas))
			}
			if got := doc.byID("omraden-tabell") != nil; got != c.overview {
				t.Errorf("the table of the areas is there: %v, want %v", got, c.overview)
			}
			for _, a := range c.r.Areas {
				el := doc.byID("omrade-" + a.ID)
				if el == nil || (el.Tag == "section") != a.Own || a.Own && el.hasClass("break") != a.Break {
					t.Errorf("area %s: element %+v, own %v, break %v", a.ID, el, a.Own, a.Break)
					continue
				}
				if want := fmt.Sprintf("%s %s | %s | %s |", a.ID, a.Name, a.Max.Swedish(), points.Sv(a.Score)); !a.Own && !strings.HasPrefix(cells(el), want) {
					t.Errorf("area %s: its row reads %q, want %q…", a.ID, cells(el), want)
				}
			}
		})
	}
}

// TestProseTables checks where the evaluation's tables stand: after the
// first passage that names their label, else after the text; rows are
// made as wide as the widest, numbers set right.
func TestProseTables(t *testing.T) {
	set := exempelSet(t)
	r := buildFrom(t, set, report.Options{Kommun: "Exempelkommun"})
	bg := r.Background
	var at []string
	for _, p := range bg.Passages {
		for _, tb := range p.Tables {
			at = append(at, p.Heading+": "+tb.Title)
		}
	}
	if want := []string{"Den politiska organisationen: Tabell 1 Mandatfördelningen i kommunfullmäktige"}; !slices.Equal(at, want) || len(bg.Tables) != 0 {
		t.Errorf("background tables at %q and %d after the text; want %q", at, len(bg.Tables), want)
	}
	h := hostileReport(t)
	if len(h.Background.Tables) != 1 {
		t.Fatalf("hostile: %d tables after the text, want 1 (its title names no passage)", len(h.Background.Tables))
	}
	tb := h.Background.Tables[0]
	if len(tb.Header) != 2 || len(tb.Rows[1]) != 2 || tb.Rows[1][1].Text != "" || !tb.Rows[0][1].Num || tb.Rows[0][0].Num {
		t.Errorf("hostile table %+v: rows as wide as the header, 3* a number, text not", tb)
	}
}
