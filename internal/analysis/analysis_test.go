package analysis_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/analysis"
	"github.com/kompass-dev/kompass/internal/docx"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// doc builds a document from lines: "# text" is a heading of level 1,
// "## text" of level 2 …, "T text" the title, "- text" a bullet item,
// "1. text" a numbered one, "| a | b" a table row (rows in a row are one
// table), "toc text" an entry of a table of contents; anything else is a
// paragraph. Paragraphs are numbered as the reader numbers them.
func doc(lines ...string) *docx.Document {
	d := &docx.Document{}
	n, tables := 0, 0
	var table *docx.Table
	for _, l := range lines {
		if cells, ok := strings.CutPrefix(l, "| "); ok {
			if table == nil {
				tables++
				table = &docx.Table{N: tables, After: n}
				d.Blocks = append(d.Blocks, docx.Block{Table: table})
			}
			var row []string
			for _, c := range strings.Split(cells, "|") {
				row = append(row, strings.TrimSpace(c))
			}
			table.Rows = append(table.Rows, row)
			continue
		}
		table = nil
		n++
		p := &docx.Paragraph{N: n}
		switch {
		case strings.HasPrefix(l, "#"):
			level := len(l) - len(strings.TrimLeft(l, "#"))
			p.Heading, l = level, strings.TrimSpace(l[level:])
		case strings.HasPrefix(l, "T "):
			p.Heading, p.Title, l = 1, true, l[2:]
		case strings.HasPrefix(l, "- "):
			p.List, l = &docx.ListItem{}, l[2:]
		case strings.HasPrefix(l, "toc "):
			p.TOC, l = true, l[4:]
		default:
			var num int
			if _, err := fmt.Sscanf(l, "%d. ", &num); err == nil && num > 0 {
				p.List = &docx.ListItem{Ordered: true, Number: num}
				l = l[strings.Index(l, ". ")+2:]
			}
		}
		p.Runs = []docx.Run{{Text: l}}
		d.Blocks = append(d.Blocks, docx.Block{Para: p})
	}
	return d
}

// show writes what was placed: each row of text as "section kind text",
// each table as "table section title: header / rows; notes", each
// stretch not placed as "not placed N–M (text): why".
func show(p analysis.Placed) string {
	var out []string
	for _, b := range p.Text {
		out = append(out, fmt.Sprintf("%s %s %s", b.Section, b.Kind, strings.ReplaceAll(b.Text, "\n", " ⏎ ")))
	}
	for _, t := range p.Tables {
		rows := []string{strings.Join(t.Header, " | ")}
		for _, r := range t.Rows {
			rows = append(rows, strings.Join(r, " | "))
		}
		out = append(out, fmt.Sprintf("table %s %q: %s; notes %q", t.Section, t.Title, strings.Join(rows, " / "), t.Notes))
	}
	for _, u := range p.Unplaced {
		where := fmt.Sprintf("%d–%d", u.From, u.To)
		if u.Table > 0 {
			where = fmt.Sprintf("table %d", u.Table)
		}
		out = append(out, fmt.Sprintf("not placed %s (%s): %s", where, u.Text, u.Why))
	}
	return strings.Join(out, "\n")
}

func TestPart(t *testing.T) {
	in := testbase.Instrument(t, "kommunkompassen@2007")
	for heading, want := range map[string]string{
		"Område 5":                                        "5",
		"OMRÅDE 5 Kontroll och rapportering":              "5",
		"Område 5: något annat":                           "5",
		"Huvudområde 3":                                   "3",
		"5 Kontroll och rapportering":                     "5",
		"3.5 Kontroll och rapportering":                   "5",
		"Kontroll och rapportering":                       "5",
		"kontroll och rapportering.":                      "5",
		"Kommunen som samhällsbyggare":                    "8",
		"kommunen som samhallsbyggare":                    "8",
		"Tillgänglighet och medborgar-/brukarorientering": "2",
		"Sammanfattning":                                  evaluation.SectionSummary,
		"2 Sammanfattning":                                evaluation.SectionSummary,
		"2.1 Bakgrund:":                                   evaluation.SectionBackground,
		"Sammanfattning av utvärderingen":                 "",
		"Område 9":                                        "",
		"Område":                                          "",
		"5":                                               "",
		"3 Detaljerad genomgång":                          "",
		"Kontroll":                                        "",
		"":                                                "",
	} {
		if got := analysis.Part(heading, in); got != want {
			t.Errorf("Part(%q) = %q, want %q", heading, got, want)
		}
	}
}

func TestPlace(t *testing.T) {
	in := testbase.Instrument(t, "kommunkompassen@2007")
	for _, c := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"parts, headings and paragraphs", []string{
			"T Analys av Exempelkommun 2007", "Utvärderarna: A och B",
			"# Bakgrund", "Kommunen ligger vid kusten.", "## Politisk organisation", "Styrs av en koalition.",
			"# Sammanfattning", "## Sammanfattning av utvärderingen", "Kommunen är på god väg.", "## Bakgrund", "En rubrik som råkar heta Bakgrund.",
			"# Område 1 Offentlighet och demokratisk kontroll", "Text om område ett.",
			"# 5 Kontroll och rapportering", "### Djupare rubrik", "Text om område fem.",
		}, `Bakgrund Stycke Kommunen ligger vid kusten.
Bakgrund Rubrik Politisk organisation
Bakgrund Stycke Styrs av en koalition.
Sammanfattning Rubrik Sammanfattning av utvärderingen
Sammanfattning Stycke Kommunen är på god väg.
Sammanfattning Rubrik Bakgrund
Sammanfattning Stycke En rubrik som råkar heta Bakgrund.
1 Stycke Text om område ett.
5 Rubrik Djupare rubrik
5 Stycke Text om område fem.
not placed 1–2 (Analys av Exempelkommun 2007): it comes before the first heading that names a part (a huvudområde, Sammanfattning or Bakgrund)`},
		{"areas under a chapter heading", []string{
			"# 3 Detaljerad genomgång", "Inledning till kapitlet.", "## Område 2", "Text.", "## Område 3", "Mer text.", "# 4 Poängsammanställning", "Poäng.",
		}, `2 Stycke Text.
3 Stycke Mer text.
not placed 1–2 (3 Detaljerad genomgång): it comes before the first heading that names a part (a huvudområde, Sammanfattning or Bakgrund)
not placed 7–7 (4 Poängsammanställning): it is a heading that names no part (a huvudområde, Sammanfattning or Bakgrund) and is not below the heading of the part before it, so it ends that part
not placed 8–8 (Poäng.): it follows the heading "4 Poängsammanställning", which names no part and ends the part before it`},
		{"lists", []string{
			"# Område 1", "Steg:", "- ett", "- två", "1. först", "2. sedan", "Slut.", "- ensam",
		}, `1 Stycke Steg:
1 Stycke - ett ⏎ - två ⏎ 1. först ⏎ 2. sedan
1 Stycke Slut.
1 Stycke - ensam`},
		{"tables", []string{
			"# Bakgrund", "Mandaten framgår av tabellen.", "Tabell 1 Mandatfördelningen i KF", "| | 2002 | 2006", "| s | 26 | 26*", "* Ett lokalt parti", "Källa: kommunen", "Vidare text.",
			"| a | b", "| c |", "Tabell 3 Rubrik under", "Text.",
		}, `Bakgrund Stycke Mandaten framgår av tabellen.
Bakgrund Tabell Tabell 1
Bakgrund Stycke Vidare text.
Bakgrund Tabell Tabell 3
Bakgrund Stycke Text.
table Bakgrund "Tabell 1 Mandatfördelningen i KF":  | 2002 | 2006 / s | 26 | 26*; notes ["* Ett lokalt parti" "Källa: kommunen"]
table Bakgrund "Tabell 3 Rubrik under": a | b / c | –; notes []`},
		{"tables without a title", []string{"# Område 2", "| a", "Text.", "Tabell 1 Har en titel", "| b", "Mellan.", "| c"}, `2 Tabell Tabell 2
2 Stycke Text.
2 Tabell Tabell 1
2 Stycke Mellan.
2 Tabell Tabell 3
table 2 "Tabell 2": a; notes []
table 2 "Tabell 1 Har en titel": b; notes []
table 2 "Tabell 3": c; notes []`},
		{"table before any part", []string{"| a | b", "# Område 1", "Text."}, `1 Stycke Text.
not placed table 1 (a | b): it comes before the first heading that names a part (a huvudområde, Sammanfattning or Bakgrund)`},
		{"table of contents", []string{"Innehåll", "toc Bakgrund 2", "toc Område 1 4", "# Bakgrund", "toc inne i en del", "Text."}, `Bakgrund Stycke Text.
not placed 1–1 (Innehåll): it comes before the first heading that names a part (a huvudområde, Sammanfattning or Bakgrund)
not placed 2–3 (Bakgrund 2): it is an entry of the table of contents, which the report makes itself
not placed 5–5 (inne i en del): it is an entry of the table of contents, which the report makes itself`},
		{"nothing", nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := show(analysis.Place(doc(c.lines...), in)); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

func TestInline(t *testing.T) {
	in := testbase.Instrument(t, "kommunkompassen@2007")
	d := &docx.Document{
		Blocks: []docx.Block{
			{Para: &docx.Paragraph{N: 1, Heading: 1, Runs: []docx.Run{{Text: "Bakgrund", Bold: true}}}},
			{Para: &docx.Paragraph{N: 2, Runs: []docx.Run{{Text: "Det "}, {Text: "fet", Bold: true}, {Text: " och "}, {Text: "kursiv", Italic: true},
				{Text: " med "}, {Text: "länk", Link: "https://www.umea2014.se/"}, {Text: " och "}, {Text: "www.umea2014.se", Link: "https://www.umea2014.se"},
				{Text: "."}, {Note: 1}, {Text: "\tRad\nbryt"}}}},
			{Para: &docx.Paragraph{N: 3, List: &docx.ListItem{}, Runs: []docx.Run{{Text: "punkt"}, {Note: 2}}}},
			{Para: &docx.Paragraph{N: 4, List: &docx.ListItem{}, Runs: []docx.Run{{Text: "punkt"}, {Note: 1}}}},
			{Para: &docx.Paragraph{N: 5, Heading: 2, Label: "2.1", Runs: []docx.Run{{Text: "Numrerad "}, {Text: "rubrik", Italic: true}}}},
		},
		Footnotes: [][]docx.Run{{{Text: " Källa: "}, {Text: "SCB", Italic: true}}, {{Text: "Andra."}}},
	}
	want := `Bakgrund Stycke Det **fet** och *kursiv* med [länk](https://www.umea2014.se/) och www.umea2014.se.¹ Rad bryt
Bakgrund Stycke ¹ Källa: *SCB*
Bakgrund Stycke - punkt²
Bakgrund Stycke ² Andra.
Bakgrund Stycke - punkt¹
Bakgrund Rubrik 2.1 Numrerad rubrik`
	if got := show(analysis.Place(d, in)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
