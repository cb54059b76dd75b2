package compare

import (
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
)

// GroupComparison sets one evaluation beside each member of a reference
// group and beside the group's mean, minimum and maximum per area.
type GroupComparison struct {
	Kommun     string     `json:"kommun"`
	Year       int        `json:"year"`
	Instrument string     `json:"instrument"`
	Group      GroupInfo  `json:"group"`
	Own        Column     `json:"own"`
	Members    []Column   `json:"members"`
	Areas      []GroupRow `json:"areas"`
	Total      GroupRow   `json:"total"`
	Caveats    []string   `json:"caveats"`
	Comments   []Comment  `json:"comments"`
}

// GroupInfo describes the group.
type GroupInfo struct {
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Description string `json:"description,omitempty"`
	Size        int    `json:"size"`
}

// GroupRow is one area (or the total): the own score, each member's, the
// group's mean, min and max, the difference to the mean and the rank.
type GroupRow struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Max     points.P    `json:"max"`
	Own     *points.P   `json:"own"`
	Members []*points.P `json:"members"`
	Mean    *points.P   `json:"mean"`
	Min     *points.P   `json:"min"`
	Highest *points.P   `json:"highest"`
	Diff    *points.P   `json:"diff_from_mean"`
	// Rank of the own score among the group's members and itself (1 = the
	// highest; ties share a rank); 0 for a published mean series, where a
	// rank means nothing.
	Rank   int `json:"rank"`
	RankOf int `json:"rank_of"`
}

// Against compares own with the group. Members made with another
// instrument version are mapped where declared, and refused otherwise.
func Against(own *evaluation.Evaluation, g *evalset.Group) (*GroupComparison, error) {
	base := own.Instrument
	gc := &GroupComparison{
		Kommun: own.Facts.Kommun, Year: own.Facts.Year, Instrument: base.Ref(),
		Group: GroupInfo{Name: g.Name, Kind: string(g.Kind), Description: g.Description, Size: len(g.Members)},
		Own:   column(own, own.Label()), Members: []Column{}, Caveats: []string{}, Comments: comments(own, own.Label()),
	}
	ownScores, ownTotal := mapped(base, own, Mapping{Areas: identity(own)})
	memberScores := make([]map[string]*points.P, len(g.Members))
	memberTotals := make([]*points.P, len(g.Members))
	ownIsMember := false
	seenCaveat := map[string]bool{}
	for i, m := range g.Members {
		if m.File == own.File {
			ownIsMember = true
		}
		mp, ok := Comparable(base, m.Instrument)
		if !ok {
			return nil, &VersionError{A: base.Ref(), B: m.Instrument.Ref(), ALabel: own.Label(), BLabel: m.Label(), Group: g.Name}
		}
		if mp.Caveat != "" && !seenCaveat[mp.Caveat] {
			seenCaveat[mp.Caveat] = true
			gc.Caveats = append(gc.Caveats, mp.Caveat)
		}
		gc.Members = append(gc.Members, column(m, m.Label()))
		memberScores[i], memberTotals[i] = mapped(base, m, mp)
	}
	row := func(id, name string, max points.P, ownV *points.P, members []*points.P) GroupRow {
		r := GroupRow{ID: id, Name: name, Max: max, Own: ownV, Members: members}
		r.Mean, r.Min, r.Highest, _ = mean(members)
		r.Diff = sub(ownV, r.Mean)
		if g.Kind != evalset.GroupSeries {
			pool := append([]*points.P{}, members...)
			if !ownIsMember {
				pool = append(pool, ownV)
			}
			r.Rank, r.RankOf = rank(ownV, pool)
		}
		return r
	}
	for _, a := range base.Areas {
		var ms []*points.P
		for i := range g.Members {
			ms = append(ms, memberScores[i][a.ID])
		}
		gc.Areas = append(gc.Areas, row(a.ID, a.Name, a.Max, ownScores[a.ID], ms))
	}
	gc.Total = row(evaluation.TotalID, evaluation.TotalLabel, base.Max(), ownTotal, memberTotals)
	return gc, nil
}

func identity(ev *evaluation.Evaluation) map[string]string {
	m := map[string]string{}
	for _, a := range ev.Instrument.Areas {
		m[a.ID] = a.ID
	}
	return m
}
