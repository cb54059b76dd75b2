// Package samples holds the published Kommunkompassen results that kompass
// ships as sample data, transcribed exactly from their sources, and writes
// them as evaluation workbooks: the corrected set in evaluations/ and the
// exact transcription in testdata/as-published/. Run
//
//	go test ./internal/samples -update
//
// to rewrite both from this file; the normal test run checks that the
// committed workbooks are byte for byte what this file produces.
package samples

import (
	"github.com/kompass-dev/kompass/internal/evaluation"
)

// Sample is one published evaluation as transcribed: its file name, the
// instrument it was made with (id@version), its facts, and the scores as
// the source gives them. Evaluation makes it the evaluation a workbook
// holds.
type Sample struct {
	File       string // file name in evaluations/ and testdata/as-published/
	Instrument string // id@version; the facts' InstrumentID and InstrumentVersion follow it
	evaluation.Facts
	Scores []Score
	Notes  []evaluation.Note
	// The evaluation's own text (issue 12), written on the sheets
	// Bedömning and Tabeller; the interviews are facts.
	Text   []evaluation.TextBlock
	Tables []evaluation.Table
}

// Score is one Poäng cell as the source gives it, with its Kommentar (a
// note the report never shows) and its Motivering i rapporten (a
// correction or reason the report prints).
type Score struct {
	ID        string
	Value     float64
	Comment   string
	Published string
}

const (
	umeaReport = "Sveriges Kommuner och Landsting: Kommunkompassen. Analys av Umeå kommun, 19–21 september 2007"
	orebroURL  = "https://blogg.orebro.se/enklarevardag/2013/01/24/orebro-i-toppskiktet-i-kommunkompassens-matning/"
	vallURL    = "https://www.vallentuna.se/kommun-och-politik/service-och-kvalitetsarbete/kommunkompassen/"
)

// areas builds area-level scores for ids "1".."8" and an optional total.
func areas(values []float64, total float64) []Score {
	var out []Score
	for i, v := range values {
		out = append(out, Score{ID: string(rune('1' + i)), Value: v})
	}
	if total != 0 {
		out = append(out, Score{ID: evaluation.TotalID, Value: total})
	}
	return out
}

// umea2007Questions are the delfrågor' egna poäng of section 4 of the report.
var umea2007Questions = []Score{
	{ID: "1.1", Value: 28}, {ID: "1.2", Value: 32}, {ID: "1.3", Value: 13},
	{ID: "2.1", Value: 7.5}, {ID: "2.2", Value: 19}, {ID: "2.3", Value: 18}, {ID: "2.4", Value: 17}, {ID: "2.5", Value: 12}, {ID: "2.6", Value: 6},
	{ID: "3.1", Value: 22.5}, {ID: "3.2", Value: 18}, {ID: "3.3", Value: 25.5}, {ID: "3.4", Value: 13},
	{ID: "4.1", Value: 28.5}, {ID: "4.2", Value: 16}, {ID: "4.3", Value: 20}, {ID: "4.4", Value: 11}, {ID: "4.5", Value: 9},
	{ID: "5.1", Value: 32}, {ID: "5.2", Value: 12}, {ID: "5.3", Value: 17}, {ID: "5.4", Value: 17},
	{ID: "6.1", Value: 14}, {ID: "6.2", Value: 13}, {ID: "6.3", Value: 9}, {ID: "6.4", Value: 15}, {ID: "6.5", Value: 20}, {ID: "6.6", Value: 7},
	{ID: "7.1", Value: 25}, {ID: "7.2", Value: 14}, {ID: "7.3", Value: 17}, {ID: "7.4", Value: 16}, {ID: "7.5", Value: 13},
	{ID: "8.1", Value: 40}, {ID: "8.2", Value: 20}, {ID: "8.3", Value: 18}, {ID: "8.4", Value: 20},
}

// Tabell 2 of the report: area scores 2003, 2005, 2007 and TOTALT.
var (
	umeaTabell2003 = []float64{56, 55, 64.5, 71.5, 45, 68.5, 57, 80}
	umeaTabell2005 = []float64{66, 69.5, 80, 82.5, 71, 78, 71, 90}
	umeaTabell2007 = []float64{73, 79.5, 79, 84.5, 79, 78, 75, 98}
)

func umea(year int, scores []Score, notes []evaluation.Note) Sample {
	s := Sample{
		File: "umea-" + itoa(year) + ".xlsx", Instrument: "kommunkompassen@2007", Facts: evaluation.Facts{
			Kommun: "Umeå", Year: year, Kind: evaluation.KindKommun,
			Sources: umeaReport + ", Tabell 2 (poäng per huvudområde 2003, 2005, 2007).",
		}, Scores: scores, Notes: notes,
	}
	if year == 2007 {
		s.Evaluators = "Leif Eldås, Sveriges Kommuner och Landsting; Lena Tegenfeldt, Uddevalla kommun"
		s.Dates = "19–21 september 2007"
		s.Sources = umeaReport + ": Tabell 2 (poäng per huvudområde), avsnitt 3 (styrkor och förbättringsområden) och avsnitt 4 (poängsammanställning per delfråga)."
	}
	return s
}

// AsPublished is the exact transcription of every published source,
// contradictions included.
func AsPublished() []Sample {
	u2007 := append([]Score{}, umea2007Questions...)
	u2007 = append(u2007, areas(umeaTabell2007, 646)...)
	return []Sample{
		umea(2003, areas(umeaTabell2003, 497), nil),
		umea(2005, areas(umeaTabell2005, 608), nil),
		umea(2007, u2007, umea2007Notes),
		orebro2012(), vallentuna2021(), sverigesnitt2021(),
	}
}

// Corrections made to the published figures for the shipped sample set,
// each with its reason, written into the workbook's column Motivering i
// rapporten: the report publishes them beside the scores.
const (
	fix2003Total = "SKL:s analys (Tabell 2) anger TOTALT 497, men huvudområdenas poäng i samma tabell summerar till 497,5. " +
		"Rättat till summan 497,5; skillnaden är troligen en avrundning i analysen."
	fix2007Q71 = "Rapporten (avsnitt 4) anger 25 poäng, vilket överstiger maxpoäng 20. Tabell 2 och texten i avsnitt 3 " +
		"anger 75 poäng för område 7 (+4 sedan 2005); med övriga delfrågor som publicerade kräver det 15 för 7.1. Rättat från 25 till 15."
	fix2007Area5 = "Tabell 2 och texten i avsnitt 3 anger 79 poäng (+8 sedan 2005), men delfrågorna i avsnitt 4 summerar till 78 " +
		"(32+12+17+17). Vilken delfråga som avviker går inte att avgöra, så delfrågorna behålls som publicerade och områdets poäng är 78. Rättat från 79 till 78."
	fix2007Total  = "Tabell 2 anger TOTALT 646. Med område 5 = 78 (se kommentaren där) blir summan 645. Rättat från 646 till 645."
	note2007Area7 = "Tabell 2 anger 75; stämmer med delfrågorna efter rättelsen av 7.1 (se kommentaren där)."
)

// Shipped is the set kept in evaluations/: the published results
// corrected, so that they validate clean, with every departure from the
// sources explained in its Motivering i rapporten; and the fictional Exempelkommun
// (Exempelkommun), whose Källor say it is invented, as an example of an
// evaluation with its text and tables.
func Shipped() []Sample {
	out := AsPublished()
	for i := range out {
		s := &out[i]
		s.Scores = append([]Score{}, s.Scores...)
		switch {
		case s.Kommun == "Umeå" && s.Year == 2003:
			set(s, evaluation.TotalID, 497.5, fix2003Total)
		case s.Kommun == "Umeå" && s.Year == 2007:
			set(s, "7.1", 15, fix2007Q71)
			set(s, "5", 78, fix2007Area5)
			set(s, "7", 75, note2007Area7)
			set(s, evaluation.TotalID, 645, fix2007Total)
		}
	}
	return append(out, Exempelkommun()...)
}

func set(s *Sample, id string, v float64, published string) {
	for i := range s.Scores {
		if s.Scores[i].ID == id {
			s.Scores[i].Value, s.Scores[i].Published = v, published
			return
		}
	}
	panic("samples: no score " + id)
}

func orebro2012() Sample {
	return Sample{
		File: "orebro-2012.xlsx", Instrument: "kommunkompassen@2010", Facts: evaluation.Facts{
			Kommun: "Örebro", Year: 2012, Kind: evaluation.KindKommun,
			Sources: "Örebro kommun, ”Örebro i toppskiktet i Kommunkompassens mätning”, 24 januari 2013: " + orebroURL,
		},
		Scores: areas([]float64{68, 85, 86, 74, 70, 74, 71, 87}, 615),
	}
}

func vallentuna2021() Sample {
	return Sample{
		File: "vallentuna-2021.xlsx", Instrument: "kommunkompassen@2020", Facts: evaluation.Facts{
			Kommun: "Vallentuna", Year: 2021, Kind: evaluation.KindKommun,
			Sources: "Vallentuna kommun, Kommunkompassen: " + vallURL + " (kommunens sida kallar område 1 ”Offentlighet och demokrati”).",
		},
		Scores: areas([]float64{73, 75, 80, 83, 86, 82, 86, 83}, 648),
	}
}

func sverigesnitt2021() Sample {
	return Sample{
		File: "sverigesnitt-2021.xlsx", Instrument: "kommunkompassen@2020", Facts: evaluation.Facts{
			Kommun: "Sverigesnitt", Year: 2021, Kind: evaluation.KindMean,
			Sources: "Medelvärde per huvudområde för kommuner utvärderade med 2020 års version, publicerat av Vallentuna kommun bredvid kommunens eget resultat: " + vallURL,
		},
		Scores: areas([]float64{63, 65, 73, 64, 61, 59, 68, 64}, 0),
	}
}

func itoa(n int) string {
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
