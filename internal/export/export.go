// Package export turns an evaluation set into one tidy table in long form —
// one row per kommun, year, instrument version, area and delfråga — and
// writes it as CSV, JSON or an xlsx workbook (which also holds the
// poängsammanställning of each evaluation).
package export

import (
	"io"
	"strconv"

	"github.com/kompass-dev/kompass/internal/encode"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
)

// Row is one score: an area (Question empty) or a delfråga.
type Row struct {
	Kommun     string    `json:"kommun"`
	Year       int       `json:"year"`
	Kind       string    `json:"kind"`
	Instrument string    `json:"instrument"`
	Version    string    `json:"version"`
	Area       string    `json:"area"`
	Question   string    `json:"question"`
	Text       string    `json:"text"`
	Max        points.P  `json:"max"`
	Score      *points.P `json:"score"`
	Source     string    `json:"source"`
}

// Header is the CSV header, in the order of Row's fields.
var Header = []string{"kommun", "year", "kind", "instrument", "version", "area", "question", "text", "max", "score", "source"}

// Rows builds the table. Delfråga rows are given for evaluations scored by
// delfrågor; area-level evaluations have area rows only.
func Rows(evs []*evaluation.Evaluation) []Row {
	out := []Row{}
	for _, ev := range evs {
		t := ev.Tally()
		base := Row{Kommun: ev.Facts.Kommun, Year: ev.Facts.Year, Kind: string(ev.Facts.Kind),
			Instrument: ev.Instrument.ID, Version: ev.Instrument.Version, Source: ev.Facts.Sources}
		for _, a := range t.Areas {
			r := base
			r.Area, r.Text, r.Max, r.Score = a.ID, a.Name, a.Max, a.Score.Ptr()
			out = append(out, r)
			if t.Level != evaluation.LevelFull && t.Level != evaluation.LevelMix {
				continue
			}
			for _, q := range a.Questions {
				r := base
				r.Area, r.Question, r.Text, r.Max, r.Score = a.ID, q.ID, q.Text, q.Max, q.Score.Ptr()
				out = append(out, r)
			}
		}
	}
	return out
}

// CSV writes the rows with a header, UTF-8 with a byte order mark, comma
// separated, decimal point.
func CSV(w io.Writer, rows []Row) error {
	var records [][]string
	for _, r := range rows {
		records = append(records, []string{r.Kommun, strconv.Itoa(r.Year), r.Kind, r.Instrument, r.Version, r.Area, r.Question, r.Text, r.Max.String(), points.Dot(r.Score), r.Source})
	}
	return encode.CSV(w, Header, records)
}

// JSON writes the rows as a JSON array.
func JSON(w io.Writer, rows []Row) error {
	return encode.JSON(w, rows)
}
