package testkit

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/samples"
)

// miniSeed has the shape of seed 002 in invented words: a title page,
// sections 1–4, a background with a table and the interviews, the part on
// the scores that the report makes itself, a summary, and two areas.
const miniSeed = `Kommunkompassen

Innehåll:

1. Vad är Kommunkompassen?
2. Påhittby i förhållande till Kommunkompassen

1 Vad är Kommunkompassen

Text om verktyget som inte hör till utvärderingen.

2 Påhittby i förhållande till Kommunkompassen

Om orten

Påhittby ligger vid en sjö.

Politiken

Mandaten fördelas enligt tabellen.

` + "\u00a0" + `
Tabell 1 Mandat i KF

	a	b
2002	1	2
2006	3	4*

* Ett parti

Utvärderingen

Utvärderarna genomförde intervjuer med ett 12-tal personer. Bland de intervjuade deltog politiker och chefer.

Sammanfattning av poäng

Tabellen visar poängen.

Tabell 2 Poäng

	2007
1 Område	50

Diagrammets rubrik

Sammanfattning av utvärderingen

Det *politiska systemet* är starkt.

3 Detaljerad genomgång

Område 1 Offentlighet

- 1.1 Hur informeras medborgarna?
- 1.2 Hur främjas engagemanget?

Inledande stycke om området.

Information

Ett stycke under rubriken.

- Steg 1: något.
- Steg 2. något mer.
-

Styrkor

- **En styrka.**
- **En till**

Förbättringsområden

- **Ett förbättringsområde.**

Område 2 Tillgänglighet

- 2.1 En delfråga?

Ett stycke.

Styrkor

- **Styrka i område 2.**

Förbättringsområden

- **Förbättring i område 2.**

4 Poängsammanställning

Tabell 2 Redovisning

	Max	Egna
`

func TestParseSeedShape(t *testing.T) {
	s, err := parseSeed002(miniSeed)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range s.Text {
		got = append(got, fmt.Sprintf("%s %s %q", b.Section, b.Kind, b.Text))
	}
	want := []string{
		`Bakgrund Rubrik "Om orten"`,
		`Bakgrund Stycke "Påhittby ligger vid en sjö."`,
		`Bakgrund Rubrik "Politiken"`,
		`Bakgrund Stycke "Mandaten fördelas enligt tabellen."`,
		`Bakgrund Tabell "Tabell 1"`,
		`Bakgrund Rubrik "Utvärderingen"`,
		`Bakgrund Stycke "Utvärderarna genomförde intervjuer med ett 12-tal personer. Bland de intervjuade deltog politiker och chefer."`,
		`Sammanfattning Rubrik "Sammanfattning av utvärderingen"`,
		`Sammanfattning Stycke "Det *politiska systemet* är starkt."`,
		`1 Stycke "Inledande stycke om området."`,
		`1 Rubrik "Information"`,
		`1 Stycke "Ett stycke under rubriken."`,
		`1 Stycke "- Steg 1: något.\n- Steg 2. något mer.\n-"`,
		`2 Stycke "Ett stycke."`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("text:\n got %s\nwant %s", strings.Join(got, "\n    "), strings.Join(want, "\n     "))
	}
	if len(s.Tables) != 1 {
		t.Fatalf("%d tables, want Tabell 1 only", len(s.Tables))
	}
	tb := s.Tables[0]
	if tb.Section != evaluation.SectionBackground || tb.Title != "Tabell 1 Mandat i KF" ||
		!slices.Equal(tb.Header, []string{"", "a", "b"}) || fmt.Sprint(tb.Rows) != "[[2002 1 2] [2006 3 4*]]" || !slices.Equal(tb.Notes, []string{"* Ett parti"}) {
		t.Errorf("table %+v", tb)
	}
	if s.Interviews != 12 || s.Interviewed != "politiker och chefer" {
		t.Errorf("interviews %d, %q", s.Interviews, s.Interviewed)
	}
	var notes []string
	for _, n := range s.Notes {
		notes = append(notes, n.Area+" "+string(n.Kind)+" "+n.Text)
	}
	if want := []string{"1 Styrka En styrka.", "1 Styrka En till", "1 Förbättringsområde Ett förbättringsområde.",
		"2 Styrka Styrka i område 2.", "2 Förbättringsområde Förbättring i område 2."}; !slices.Equal(notes, want) {
		t.Errorf("notes %q, want %q", notes, want)
	}
}

func TestParseSeedBroken(t *testing.T) {
	for name, text := range map[string]string{
		"empty":            "",
		"no sections":      "Kommunkompassen\n\nEtt stycke.\n",
		"no interviews":    strings.ReplaceAll(miniSeed, "ett 12-tal personer", "många"),
		"area text first":  strings.Replace(miniSeed, "Område 1 Offentlighet\n", "", 1),
		"sections skipped": strings.Replace(miniSeed, "2 Påhittby i förhållande till Kommunkompassen\n\nOm", "Om", 1),
	} {
		if _, err := parseSeed002(text); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestSeed002 reads the real seed: the background with Tabell 1 and the
// interviews, the summary, the text of all eight areas, and the same
// styrkor and förbättringsområden as the shipped Umeå 2007 workbook.
func TestSeed002(t *testing.T) {
	s := Seed002(t)
	count := map[string]map[evaluation.TextKind]int{}
	var order []string
	for _, b := range s.Text {
		if count[b.Section] == nil {
			count[b.Section] = map[evaluation.TextKind]int{}
			order = append(order, b.Section)
		}
		count[b.Section][b.Kind]++
		if strings.ContainsRune(b.Text, '\t') || strings.TrimSpace(b.Text) != b.Text || b.Text == "" {
			t.Errorf("block %q", b.Text)
		}
	}
	if want := []string{evaluation.SectionBackground, evaluation.SectionSummary, "1", "2", "3", "4", "5", "6", "7", "8"}; !slices.Equal(order, want) {
		t.Errorf("sections in the order %q, want %q", order, want)
	}
	for sec, c := range count {
		if c[evaluation.Heading] < 1 || c[evaluation.Paragraph] < 2 {
			t.Errorf("section %s: %d headings, %d paragraphs", sec, c[evaluation.Heading], c[evaluation.Paragraph])
		}
	}
	if len(s.Tables) != 1 || len(s.Tables[0].Header) != 9 || len(s.Tables[0].Rows) != 2 || s.Tables[0].Section != evaluation.SectionBackground || len(s.Tables[0].Notes) != 1 {
		t.Errorf("tables %+v, want Tabell 1 of the background: 9 columns, 2 rows, a note", s.Tables)
	}
	if s.Interviews != 30 || !strings.Contains(s.Interviewed, "politiker") {
		t.Errorf("interviews %d, %q", s.Interviews, s.Interviewed)
	}
	var shipped []evaluation.Note
	for _, sm := range samples.Shipped() {
		if sm.File == "umea-2007.xlsx" {
			shipped = sm.Notes
		}
	}
	if len(shipped) == 0 || !slices.Equal(s.Notes, shipped) {
		t.Errorf("the seed's %d notes differ from the %d of the shipped Umeå 2007", len(s.Notes), len(shipped))
		for i := range min(len(s.Notes), len(shipped)) {
			if s.Notes[i] != shipped[i] {
				t.Errorf("first difference: %+v, shipped %+v", s.Notes[i], shipped[i])
				break
			}
		}
	}
}
