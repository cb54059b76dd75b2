package evaluation_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/points"
)

func pts(s string) points.P {
	p, err := points.Parse(s)
	if err != nil {
		panic(err)
	}
	return p
}

// withQuestions has two areas of delfrågor; areaOnly has the same areas
// without delfrågor, like the 2020 instrument.
var (
	withQuestions = &instrument.Instrument{
		ID: "test", Version: "1", Step: pts("0.5"),
		Areas: []instrument.Area{
			{ID: "1", Name: "Ett", Max: pts("100"), Questions: []instrument.Question{
				{ID: "1.1", Text: "Första", Max: pts("40")}, {ID: "1.2", Text: "Andra", Max: pts("60")},
			}},
			{ID: "2", Name: "Två", Max: pts("50"), Questions: []instrument.Question{
				{ID: "2.1", Text: "Tredje", Max: pts("20")}, {ID: "2.2", Text: "Fjärde", Max: pts("30")},
			}},
		},
	}
	areaOnly = &instrument.Instrument{
		ID: "test", Version: "2", Step: pts("0.5"),
		Areas: []instrument.Area{{ID: "1", Name: "Ett", Max: pts("100")}, {ID: "2", Name: "Två", Max: pts("50")}},
	}
)

// entries builds entries from "id=score" ("id=" for a row not scored).
func entries(specs ...string) []evaluation.Entry {
	var out []evaluation.Entry
	for i, s := range specs {
		id, v, _ := strings.Cut(s, "=")
		en := evaluation.Entry{ID: id, Row: i + 2, Cell: fmt.Sprintf("D%d", i+2), Comment: "anteckning " + id, Published: "kommentar " + id}
		if v != "" {
			en.Score, en.Scored = pts(v), true
		}
		out = append(out, en)
	}
	return out
}

// unreadable marks the entries of ids as the reader marks a Poäng cell
// that holds text.
func unreadable(es []evaluation.Entry, ids ...string) []evaluation.Entry {
	for i := range es {
		if slices.Contains(ids, es[i].ID) {
			es[i].Unreadable = true
		}
	}
	return es
}

func show(s evaluation.Score) string {
	if !s.Valid {
		return "–"
	}
	return s.Value.String()
}

// areaString is "score/stated", with "partial" appended when partly
// scored, else "by delfrågor" when scored by delfrågor and not complete.
func areaString(a evaluation.AreaTally) string {
	s := show(a.Score) + "/" + show(a.Stated)
	switch {
	case a.Partial:
		s += " partial"
	case a.ByQuestions && !a.Score.Valid:
		s += " by delfrågor"
	}
	return s
}

func TestTally(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in      *instrument.Instrument
		entries []evaluation.Entry
		level   evaluation.Level
		// score, stated and statedSum of the total; areas as areaString.
		score, stated, statedSum string
		areas                    []string
	}{
		{
			name: "nothing scored", in: withQuestions,
			entries: entries("1=", "1.1=", "1.2=", "2=", "2.1=", "2.2=", "TOTAL="),
			level:   evaluation.LevelNone, score: "–", stated: "–", statedSum: "–",
			areas: []string{"–/–", "–/–"},
		},
		{
			name: "no rows at all", in: withQuestions,
			level: evaluation.LevelNone, score: "–", stated: "–", statedSum: "–",
			areas: []string{"–/–", "–/–"},
		},
		{
			name: "full", in: withQuestions,
			entries: entries("1=", "1.1=30", "1.2=45.5", "2=", "2.1=10", "2.2=0", "TOTAL="),
			level:   evaluation.LevelFull, score: "85.5", stated: "–", statedSum: "85.5",
			areas: []string{"75.5/–", "10/–"},
		},
		{
			name: "full, rows in any order", in: withQuestions,
			entries: entries("TOTAL=", "2.2=0", "1.2=45.5", "2.1=10", "1.1=30"),
			level:   evaluation.LevelFull, score: "85.5", stated: "–", statedSum: "85.5",
			areas: []string{"75.5/–", "10/–"},
		},
		{
			name: "area level", in: withQuestions,
			entries: entries("1=70", "1.1=", "1.2=", "2=40.5", "2.1=", "2.2=", "TOTAL=110.5"),
			level:   evaluation.LevelArea, score: "110.5", stated: "110.5", statedSum: "110.5",
			areas: []string{"70/70", "40.5/40.5"},
		},
		{
			name: "area-level instrument", in: areaOnly,
			entries: entries("1=70", "2=40.5", "TOTAL="),
			level:   evaluation.LevelArea, score: "110.5", stated: "–", statedSum: "110.5",
			areas: []string{"70/70", "40.5/40.5"},
		},
		{
			name: "area-level instrument, one area missing", in: areaOnly,
			entries: entries("1=70", "2=", "TOTAL=100"),
			level:   evaluation.LevelArea, score: "–", stated: "100", statedSum: "–",
			areas: []string{"70/70", "–/–"},
		},
		{
			name: "partial area", in: withQuestions,
			entries: entries("1.1=30", "1.2=", "2.1=10", "2.2=20"),
			level:   evaluation.LevelFull, score: "–", stated: "–", statedSum: "–",
			areas: []string{"–/– partial", "30/–"},
		},
		{
			name: "partial area with a stated value: the stated value does not fill in", in: withQuestions,
			entries: entries("1=70", "1.1=30", "1.2=", "2=30", "2.1=10", "2.2=20", "TOTAL=100"),
			level:   evaluation.LevelFull, score: "–", stated: "100", statedSum: "100",
			areas: []string{"–/70 partial", "30/30"},
		},
		{
			name: "mixed", in: withQuestions,
			entries: entries("1=", "1.1=30", "1.2=45.5", "2=40", "2.1=", "2.2=", "TOTAL="),
			level:   evaluation.LevelMix, score: "115.5", stated: "–", statedSum: "115.5",
			areas: []string{"75.5/–", "40/40"},
		},
		{
			name: "stated values differ from the parts", in: withQuestions,
			entries: entries("1=80", "1.1=30", "1.2=45.5", "2=", "2.1=10", "2.2=20", "TOTAL=120"),
			level:   evaluation.LevelFull, score: "105.5", stated: "120", statedSum: "110",
			areas: []string{"75.5/80", "30/–"},
		},
		{
			// 45 of 40 is no score: area 1 and the total are incomplete, and
			// the total is compared with the areas as stated.
			name: "a value above maxpoäng is not summed", in: withQuestions,
			entries: entries("1=80", "1.1=45", "1.2=35", "2=", "2.1=10", "2.2=20", "TOTAL=110"),
			level:   evaluation.LevelFull, score: "–", stated: "110", statedSum: "110",
			areas: []string{"–/80 by delfrågor", "30/–"},
		},
		{
			name: "values below 0 or off the step are not summed", in: withQuestions,
			entries: entries("1.1=-5", "1.2=60", "2.1=10.25", "2.2=20"),
			level:   evaluation.LevelFull, score: "–", stated: "–", statedSum: "–",
			areas: []string{"–/– by delfrågor", "–/– by delfrågor"},
		},
		{
			name: "a stated area or total that is no score is not used", in: withQuestions,
			entries: entries("1=100.5", "2=40", "TOTAL=150.5"),
			level:   evaluation.LevelArea, score: "–", stated: "–", statedSum: "–",
			areas: []string{"–/–", "40/40"},
		},
		{
			name: "an unreadable delfråga leaves its area incomplete, not partial", in: withQuestions,
			entries: unreadable(entries("1.1=30", "1.2=", "2.1=10", "2.2=20"), "1.2"),
			level:   evaluation.LevelFull, score: "–", stated: "–", statedSum: "–",
			areas: []string{"–/– by delfrågor", "30/–"},
		},
		{
			name: "a missing row leaves its area incomplete, not partial", in: withQuestions,
			entries: entries("1=75", "1.1=30", "2.1=10", "2.2=20", "TOTAL=105"),
			level:   evaluation.LevelFull, score: "–", stated: "105", statedSum: "105",
			areas: []string{"–/75 by delfrågor", "30/–"},
		},
		{
			// Only a score makes an area scored by its delfrågor.
			name: "an area stated, with only a value that is no score in a delfråga", in: withQuestions,
			entries: entries("1=70", "1.1=41", "1.2=", "2=40", "2.1=", "2.2="),
			level:   evaluation.LevelArea, score: "110", stated: "–", statedSum: "110",
			areas: []string{"70/70", "40/40"},
		},
		{
			name: "ids the instrument lacks are ignored", in: withQuestions,
			entries: entries("1.1=30", "1.2=45.5", "2.1=10", "2.2=20", "9=50", "1.3=10", "total=1"),
			level:   evaluation.LevelFull, score: "105.5", stated: "–", statedSum: "105.5",
			areas: []string{"75.5/–", "30/–"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev := &evaluation.Evaluation{Entries: tc.entries, Instrument: tc.in}
			tl := ev.Tally()
			if tl.Level != tc.level {
				t.Errorf("level %s, want %s", tl.Level, tc.level)
			}
			if got := [3]string{show(tl.Score), show(tl.Stated), show(tl.StatedSum)}; got != [3]string{tc.score, tc.stated, tc.statedSum} {
				t.Errorf("total score/stated/statedSum = %q, want %q", got, [3]string{tc.score, tc.stated, tc.statedSum})
			}
			var areas []string
			for _, a := range tl.Areas {
				areas = append(areas, areaString(a))
			}
			if !slices.Equal(areas, tc.areas) {
				t.Errorf("areas %q, want %q", areas, tc.areas)
			}
			if tl.Max != tc.in.Max() || tl.Max != pts("150") {
				t.Errorf("max %s, want 150", tl.Max)
			}
		})
	}
}

// TestTallyCarriesTheInstrument checks names, maxpoäng and comments: the
// Motivering i rapporten, never the Kommentar (the evaluators' own note).
func TestTallyCarriesTheInstrument(t *testing.T) {
	ev := &evaluation.Evaluation{Entries: entries("1=", "1.1=30", "2.2=20"), Instrument: withQuestions}
	tl := ev.Tally()
	if len(tl.Areas) != 2 || len(tl.Areas[0].Questions) != 2 || len(tl.Areas[1].Questions) != 2 {
		t.Fatalf("areas %+v", tl.Areas)
	}
	a := tl.Areas[0]
	if a.ID != "1" || a.Name != "Ett" || a.Max != pts("100") || a.Comment != "kommentar 1" {
		t.Errorf("area %+v", a)
	}
	q := a.Questions[0]
	if q.ID != "1.1" || q.Text != "Första" || q.Max != pts("40") || q.Comment != "kommentar 1.1" || show(q.Score) != "30" {
		t.Errorf("question %+v", q)
	}
	if q := a.Questions[1]; q.Comment != "" || q.Score.Valid {
		t.Errorf("question without a row %+v", q)
	}
	if q := tl.Areas[1].Questions[1]; show(q.Score) != "20" {
		t.Errorf("2.2 %+v", q)
	}
}

func TestTallyWithoutInstrument(t *testing.T) {
	ev := &evaluation.Evaluation{Entries: entries("1=70")}
	if tl := ev.Tally(); tl.Level != "" || tl.Score.Valid || len(tl.Areas) != 0 || tl.Max != 0 {
		t.Errorf("tally without instrument = %+v, want zero", tl)
	}
}

func TestFoldName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Umeå", "umea"},
		{"Umea", "umea"},
		{"UMEÅ", "umea"},
		{"  ÖREBRO ", "orebro"},
		{"Malmö", "malmo"},
		{"Upplands  Väsby", "upplands vasby"},
		{"Upplands\tVäsby\n", "upplands vasby"},
		{"Åre", "are"},
		{"Håbo", "habo"},
		{"Ærø", "aero"},
		{"Öckerö", "ockero"},
		{"Umeå\u200b", "umea"}, // an invisible character is dropped
		{"", ""},
		{"   ", ""},
	} {
		if got := evaluation.FoldName(tc.in); got != tc.want {
			t.Errorf("FoldName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if evaluation.FoldName("Umeå") != evaluation.FoldName(" umea ") {
		t.Error("Umeå and umea do not match")
	}
	if evaluation.FoldName("Umeå") == evaluation.FoldName("Ume") {
		t.Error("Umeå and Ume match")
	}
}

func TestLabelAndEntry(t *testing.T) {
	ev := &evaluation.Evaluation{Facts: evaluation.Facts{Kommun: "Umeå", Year: 2007}, Entries: entries("1=70", "1.1=")}
	if got := ev.Label(); got != "Umeå 2007" {
		t.Errorf("Label = %q", got)
	}
	ev.Facts.Year = 0
	if got := ev.Label(); got != "Umeå" {
		t.Errorf("Label without year = %q", got)
	}
	if en, ok := ev.Entry("1"); !ok || en.Score != pts("70") || !en.Scored || en.Cell != "D2" {
		t.Errorf("Entry(1) = %+v, %v", en, ok)
	}
	if en, ok := ev.Entry("1.1"); !ok || en.Scored {
		t.Errorf("Entry(1.1) = %+v, %v", en, ok)
	}
	if _, ok := ev.Entry("2"); ok {
		t.Error("Entry(2) found")
	}
}

func TestNameIdentity(t *testing.T) {
	decomposed := "Ume" + "a\u030a" // å as a + combining ring
	if got := evaluation.NormName(decomposed); got != "Umeå" {
		t.Errorf("NormName(decomposed Umeå) = %q, want the composed form", got)
	}
	if evaluation.NameKey(decomposed) != evaluation.NameKey("  UMEÅ ") {
		t.Error("Umeå typed decomposed and in capitals is not the same kommun")
	}
	if evaluation.NameKey("Håbo") == evaluation.NameKey("Habo") {
		t.Error("Håbo and Habo are two kommuner but have one key")
	}
	if evaluation.NormName("Umeå\u200b\u0007") != "Umeå" {
		t.Error("invisible and control characters are kept in the name")
	}
	// A name of only what shows nothing is empty: a workbook with it has no
	// Kommun, and two of them are not one kommun.
	for _, s := range []string{"\u200b", "\ufeff", "\x01\x1b", " \u00ad\u2060 ", "\u3164", "\u2800\u2800", "\u0301", "\ufe0f"} {
		if got := evaluation.NormName(s); got != "" {
			t.Errorf("NormName(%q) = %q, want empty", s, got)
		}
	}
	for _, s := range []string{"Å", "7", "-", "\u00e9", "Q\u0301"} {
		if evaluation.NormName(s) == "" {
			t.Errorf("NormName(%q) is empty", s)
		}
	}
}

func TestSlug(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Umeå", "umeå"},
		{"Ume" + "a\u030a", "umeå"},
		{"  Åre   Östra ", "åre-östra"},
		{"Upplands-Bro", "upplands-bro"},
		{"Exempelkommun A", "exempelkommun-a"},
		{"Håbo", "håbo"},
		{"Habo", "habo"},
		{"Αθήνα", "αθήνα"},
		{"../../etc", "etc"},
		{"***", "kommun"},
	} {
		if got := evaluation.Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	long := strings.Repeat("Långnamn ", 40)
	a, b := evaluation.Slug(long+"A"), evaluation.Slug(long+"B")
	if len(a) > evaluation.MaxSlug || !utf8.ValidString(a) {
		t.Errorf("slug of a 360-character name is %d bytes (valid UTF-8: %v)", len(a), utf8.ValidString(a))
	}
	if a == b {
		t.Errorf("two long names that differ at the end share the slug %q", a)
	}
}
