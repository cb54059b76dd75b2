// Package export turns an evaluation set into one tidy table in long form —
// one row per kommun, year, instrument version, area and delfråga — and
// writes it as CSV, JSON or an xlsx workbook (which also holds the
// poängsammanställning of each evaluation).
package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

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
			r.Area, r.Text, r.Max, r.Score = a.ID, a.Name, a.Max, ptr(a.Score)
			out = append(out, r)
			if t.Level != evaluation.LevelFull && t.Level != evaluation.LevelMix {
				continue
			}
			for _, q := range a.Questions {
				r := base
				r.Area, r.Question, r.Text, r.Max, r.Score = a.ID, q.ID, q.Text, q.Max, ptr(q.Score)
				out = append(out, r)
			}
		}
	}
	return out
}

func ptr(s evaluation.Score) *points.P {
	if !s.Valid {
		return nil
	}
	v := s.Value
	return &v
}

// bom makes Excel read the CSV as UTF-8 (å, ä, ö) when it is double-clicked.
const bom = "\ufeff"

// CSV writes the rows with a header, UTF-8 with a byte order mark, comma
// separated, decimal point.
func CSV(w io.Writer, rows []Row) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for _, r := range rows {
		score := ""
		if r.Score != nil {
			score = r.Score.String()
		}
		if err := cw.Write([]string{r.Kommun, strconv.Itoa(r.Year), r.Kind, r.Instrument, r.Version, r.Area, r.Question, r.Text, r.Max.String(), score, r.Source}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// JSON writes the rows as a JSON array.
func JSON(w io.Writer, rows []Row) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}
