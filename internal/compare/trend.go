package compare

import (
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
)

// Trend is one kommun's areas × years, as in Tabell 2 of an SKL report.
type Trend struct {
	Kommun     string `json:"kommun"`
	Instrument string `json:"instrument"` // the version whose areas are the rows (the latest)
	// InstrumentName is that version in words ("Kommunkompassen 2003–2009").
	InstrumentName string     `json:"instrument_name"`
	Columns        []Column   `json:"columns"` // one per year, oldest first
	Areas          []TrendRow `json:"areas"`
	Total          TrendRow   `json:"total"`
	Steps          []Step     `json:"steps"` // one per consecutive pair of years
	Caveats        []string   `json:"caveats"`
	Comments       []Comment  `json:"comments"`
}

// TrendRow is one area (or the total) across the years.
type TrendRow struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Max     points.P    `json:"max"`
	Scores  []*points.P `json:"scores"`  // per column
	Changes []*points.P `json:"changes"` // per step
}

// Step is the change between two consecutive evaluations.
type Step struct {
	From      int       `json:"from"`
	To        int       `json:"to"`
	Total     *points.P `json:"total_change"`
	MostMoved []string  `json:"most_moved"` // area ids with the largest absolute change
	Change    *points.P `json:"most_moved_change"`
}

// NewTrend compares the evaluations of one kommun (sorted by year). The
// rows are the areas of the latest evaluation's instrument; an earlier
// evaluation made with another version is mapped where the instruments
// declare how, and refused otherwise.
func NewTrend(evs []*evaluation.Evaluation) (*Trend, error) {
	if len(evs) == 0 {
		return nil, nil
	}
	latest := evs[len(evs)-1]
	base := latest.Instrument
	t := &Trend{Kommun: latest.Facts.Kommun, Instrument: base.Ref(), InstrumentName: base.Name, Caveats: []string{}, Comments: []Comment{}}
	perCol := make([]map[string]*points.P, len(evs))
	totals := make([]*points.P, len(evs))
	seenCaveat := map[string]bool{}
	for i, ev := range evs {
		m, ok := Comparable(base, ev.Instrument)
		if !ok {
			return nil, &VersionError{A: base.Ref(), B: ev.Instrument.Ref(), ALabel: latest.Label(), BLabel: ev.Label()}
		}
		if m.Caveat != "" && !seenCaveat[m.Caveat] {
			seenCaveat[m.Caveat] = true
			t.Caveats = append(t.Caveats, m.Caveat)
		}
		label := yearLabel(ev.Facts.Year)
		t.Columns = append(t.Columns, column(ev, label))
		perCol[i], totals[i] = mapped(base, ev, m)
		t.Comments = append(t.Comments, comments(ev, label)...)
	}
	for _, a := range base.Areas {
		row := TrendRow{ID: a.ID, Name: a.Name, Max: a.Max}
		for i := range evs {
			row.Scores = append(row.Scores, perCol[i][a.ID])
		}
		t.Areas = append(t.Areas, withChanges(row))
	}
	t.Total = withChanges(TrendRow{ID: evaluation.TotalID, Name: evaluation.TotalLabel, Max: base.Max(), Scores: totals})
	for i := 1; i < len(evs); i++ {
		st := Step{From: evs[i-1].Facts.Year, To: evs[i].Facts.Year, Total: t.Total.Changes[i-1], MostMoved: []string{}}
		var best points.P = -1
		for _, row := range t.Areas {
			c := row.Changes[i-1]
			if c == nil {
				continue
			}
			abs := *c
			if abs < 0 {
				abs = -abs
			}
			switch {
			case abs > best:
				best = abs
				st.MostMoved = []string{row.ID}
				st.Change = c
			case abs == best:
				st.MostMoved = append(st.MostMoved, row.ID)
			}
		}
		t.Steps = append(t.Steps, st)
	}
	if t.Steps == nil {
		t.Steps = []Step{}
	}
	return t, nil
}

func withChanges(row TrendRow) TrendRow {
	row.Changes = []*points.P{}
	for i := 1; i < len(row.Scores); i++ {
		row.Changes = append(row.Changes, sub(row.Scores[i], row.Scores[i-1]))
	}
	return row
}
