package report_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testkit"
)

// wordTextReport is Exempelkommun 2007 with a background written the way
// an analysis from Word arrives (issue 21): a row Tabell that places a
// table between two paragraphs, a table with notes, a numbered list, links.
func wordTextReport(t *testing.T) *node {
	t.Helper()
	bg := evaluation.SectionBackground
	set := testkit.Amend(t, exempelSet(t), "exempelkommun-2007.xlsx", func(ev *evaluation.Evaluation) {
		ev.Text = []evaluation.TextBlock{
			{Section: bg, Kind: evaluation.Heading, Text: "Politisk organisation"},
			{Section: bg, Kind: evaluation.Paragraph, Text: "Mandaten fördelas enligt följande tabell."},
			{Section: bg, Kind: evaluation.TableRef, Text: "Tabell 1"},
			{Section: bg, Kind: evaluation.Paragraph, Text: "Efter tabellen.\nEtt andra stycke på en egen rad."},
			{Section: bg, Kind: evaluation.Paragraph, Text: "Stegen:\n3. tre\n4) fyra\n–\tstreck\n\uf0b7\tsymbol"},
			{Section: bg, Kind: evaluation.Paragraph, Text: "Se www.umea2014.se, [SKR](https://skr.se/) och [skript](javascript:alert(1))."},
			{Section: bg, Kind: evaluation.Heading, Text: "Tabell 2 nämns här"},
			{Section: bg, Kind: evaluation.Paragraph, Text: "Sista stycket."},
		}
		ev.Tables = []evaluation.Table{
			{Section: bg, Title: "Tabell 2 Utan rad", Header: []string{"a"}, Rows: [][]string{{"b"}}},
			{Section: bg, Title: "Tabell 1 Mandat i KF", Header: []string{"Parti", "2006"}, Rows: [][]string{{"S", "26*"}},
				Notes: []string{"* Ett lokalt parti", "Källa: kommunen"}},
		}
	})
	r := buildFrom(t, set, report.Options{Kommun: "Exempelkommun"})
	return parseHTML(t, write(t, r, report.WriteOptions{ScriptSrc: report.ScriptFile}))
}

// TestWordText checks the new blocks in the page: each table where its
// row Tabell, or else its label, puts it; the notes under their table; the
// numbered and bullet lists; links only to http(s), with rel set.
func TestWordText(t *testing.T) {
	doc := wordTextReport(t)
	sec := doc.byID("sammanfattning")
	var order []string
	sec.walk(func(n *node) {
		switch {
		case n.Tag == "caption", n.Tag == "h3", n.Tag == "li":
			order = append(order, n.Tag+": "+squash(n.text()))
		case n.Tag == "p":
			order = append(order, "p: "+squash(n.text()))
		case n.Tag == "ol":
			order = append(order, "ol start="+n.Attr["start"])
		case n.Tag == "ul" && n.hasClass("text-list"):
			order = append(order, "ul")
		}
	})
	from := slices.Index(order, "h3: Politisk organisation")
	to := slices.Index(order, "p: Sista stycket.")
	if from < 0 || to < 0 {
		t.Fatalf("the background is not in Sammanfattning: %q", order)
	}
	want := []string{
		"h3: Politisk organisation",
		"p: Mandaten fördelas enligt följande tabell.",
		"caption: Tabell 1 Mandat i KF",
		"p: * Ett lokalt parti",
		"p: Källa: kommunen",
		"p: Efter tabellen.",
		"p: Ett andra stycke på en egen rad.",
		"p: Stegen:",
		"ol start=3", "li: tre", "li: fyra",
		"ul", "li: streck", "li: symbol",
		"p: Se www.umea2014.se, SKR och [skript](javascript:alert(1)).",
		"h3: Tabell 2 nämns här",
		"p: Sista stycket.",
		"caption: Tabell 2 Utan rad", // the old rule: after the passage that names it
	}
	if got := order[from:min(to+2, len(order))]; !slices.Equal(got, want) {
		t.Errorf("the background reads\n%q\nwant\n%q", got, want)
	}
	var notes []string
	sec.walk(func(n *node) {
		if n.Tag == "p" && n.hasClass("table-note") {
			notes = append(notes, squash(n.text()))
		}
	})
	if !slices.Equal(notes, []string{"* Ett lokalt parti", "Källa: kommunen"}) {
		t.Errorf("table notes %q", notes)
	}
	var links []string
	doc.first("main").walk(func(n *node) {
		if n.Tag == "a" && !strings.HasPrefix(n.Attr["href"], "#") {
			links = append(links, n.Attr["href"]+" "+n.Attr["rel"]+" "+n.Attr["class"]+" "+squash(n.text()))
		}
	})
	if want := []string{"https://www.umea2014.se noopener noreferrer  www.umea2014.se", "https://skr.se/ noopener noreferrer ext SKR"}; !slices.Equal(links, want) {
		t.Errorf("links %q, want %q", links, want)
	}
	if page := squash(doc.first("main").text()); strings.Contains(page, "\uf0b7") {
		t.Error("U+F0B7 reached the page")
	}
}
