// Package compare builds comparisons of evaluations as plain values: one
// kommun across its years (Trend), and one evaluation against a reference
// group (Against). Evaluations made with different instrument versions are
// only compared where an instrument declares an area mapping, and then with
// its caveat. Renderers for text, CSV and JSON are in render.go.
package compare

import (
	"sort"
	"strconv"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/points"
)

// Column is one evaluation in a comparison.
type Column struct {
	Label      string `json:"label"`
	Kommun     string `json:"kommun"`
	Year       int    `json:"year"`
	Kind       string `json:"kind"`
	Instrument string `json:"instrument"`
	File       string `json:"file"`
}

func column(ev *evaluation.Evaluation, label string) Column {
	return Column{Label: label, Kommun: ev.Facts.Kommun, Year: ev.Facts.Year, Kind: string(ev.Facts.Kind), Instrument: ev.Instrument.Ref(), File: ev.File}
}

// Comment is a Motivering i rapporten from a compared workbook: the
// corrections and reasons the evaluators chose to publish stay visible
// beside the numbers they explain. The Kommentar column, their own notes,
// is never shown.
type Comment struct {
	Column string `json:"column"`
	ID     string `json:"id"`
	Text   string `json:"text"`
}

func comments(ev *evaluation.Evaluation, label string) []Comment {
	out := []Comment{} // an empty list in JSON, not null
	for _, en := range ev.Entries {
		if en.Published != "" {
			out = append(out, Comment{Column: label, ID: en.ID, Text: en.Published})
		}
	}
	return out
}

// VersionError says why two evaluations cannot be compared.
type VersionError struct {
	A, B   string // instrument refs
	ALabel string // e.g. "Örebro 2012"
	BLabel string
	Group  string // the group B is a member of, "" when B is one of A's own years
}

func (e *VersionError) Error() string {
	ctx := ""
	if e.Group != "" {
		ctx = ", " + msg.Sprintf("in the group %q", e.Group)
	}
	return msg.Sprintf("cannot compare %s (%s) with %s (%s%s): the instrument versions differ and neither declares how their huvudområden correspond, so the comparison would mix different questions",
		e.ALabel, e.A, e.BLabel, e.B, ctx)
}

// Mapping says how the areas of one instrument version correspond to
// another's.
type Mapping struct {
	Areas  map[string]string // this version's area id → the other's
	Caveat string            // "" for the same version
}

// Comparable returns how the areas of a correspond to b's: the identity for
// the same version, else the mapping declared by either instrument.
func Comparable(a, b *instrument.Instrument) (Mapping, bool) {
	if a.Ref() == b.Ref() {
		m := Mapping{Areas: map[string]string{}}
		for _, ar := range a.Areas {
			m.Areas[ar.ID] = ar.ID
		}
		return m, true
	}
	for _, c := range a.Comparable {
		if c.ID == b.ID && c.Version == b.Version {
			return Mapping{Areas: c.Areas, Caveat: c.Caveat}, true
		}
	}
	for _, c := range b.Comparable {
		if c.ID == a.ID && c.Version == a.Version {
			m := Mapping{Areas: map[string]string{}, Caveat: c.Caveat}
			for from, to := range c.Areas {
				m.Areas[to] = from
			}
			return m, true
		}
	}
	return Mapping{}, false
}

// areaScores returns the computed area scores and total of an evaluation.
func areaScores(ev *evaluation.Evaluation) (map[string]evaluation.Score, evaluation.Score) {
	t := ev.Tally()
	out := map[string]evaluation.Score{}
	for _, a := range t.Areas {
		out[a.ID] = a.Score
	}
	return out, t.Score
}

// mapped returns ev's scores keyed by the base instrument's area ids, and
// the sum over the mapped areas (the total when the mapping is complete).
func mapped(base *instrument.Instrument, ev *evaluation.Evaluation, m Mapping) (map[string]*points.P, *points.P) {
	scores, total := areaScores(ev)
	out := map[string]*points.P{}
	complete := true
	var sum points.P
	for _, a := range base.Areas {
		other, ok := m.Areas[a.ID]
		if !ok {
			complete = false
			continue
		}
		s := scores[other]
		out[a.ID] = s.Ptr()
		if s.Valid {
			sum += s.Value
		} else {
			complete = false
		}
	}
	if base.Ref() == ev.Instrument.Ref() {
		return out, total.Ptr()
	}
	if !complete {
		return out, nil
	}
	return out, &sum
}

func sub(a, b *points.P) *points.P {
	if a == nil || b == nil {
		return nil
	}
	d := *a - *b
	return &d
}

func yearLabel(y int) string { return strconv.Itoa(y) }

// mean of the present values, rounded to the nearest thousandth.
func mean(vs []*points.P) (m, lo, hi *points.P, n int) {
	var sum points.P
	for _, v := range vs {
		if v == nil {
			continue
		}
		if n == 0 || *v < *lo {
			x := *v
			lo = &x
		}
		if n == 0 || *v > *hi {
			x := *v
			hi = &x
		}
		sum += *v
		n++
	}
	if n == 0 {
		return nil, nil, nil, 0
	}
	avg := (sum*2 + points.P(n)) / points.P(2*n) // round half up, all scores ≥ 0
	return &avg, lo, hi, n
}

// rank is the competition rank ("1, 2, 2, 4") of own among vs (which
// include own), highest first.
func rank(own *points.P, vs []*points.P) (r, of int) {
	if own == nil {
		return 0, 0
	}
	var present []points.P
	for _, v := range vs {
		if v != nil {
			present = append(present, *v)
		}
	}
	sort.Slice(present, func(i, j int) bool { return present[i] > present[j] })
	for i, v := range present {
		if v == *own {
			return i + 1, len(present)
		}
	}
	return 0, len(present)
}
