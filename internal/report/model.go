// Package report builds the HTML report of one kommun — title block,
// Sammanfattning av poäng, spider charts, change per area, each
// huvudområde with its delfrågor, styrkor and förbättringsområden, the
// poängsammanställning and a note on method — as one self-contained,
// offline, printable file, and the index page of a whole set. The model is
// built first (Build); Write renders it with html/template, inserting each
// chart's options as HTML-escaped JSON.
package report

import (
	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/consensus"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/summary"
)

// Report is everything one kommun's report shows.
type Report struct {
	Kommun      string
	Year        int
	Instrument  InstrumentInfo
	Evaluators  string
	Dates       string
	Sources     string
	File        string
	Latest      summary.Summary
	Trend       *compare.Trend           // the evaluations made with the latest's version (or one mapped to it)
	Earlier     []*compare.Trend         // evaluations with earlier versions that cannot be compared, oldest first
	Boundaries  []compare.Boundary       // between the blocks of Earlier and Trend
	Years       []int                    // every evaluation year up to the report's
	Group       *compare.GroupComparison // nil without --group
	Areas       []AreaSection
	Changes     bool // an earlier evaluation exists
	PrevYear    int
	Charts      []Chart
	Caveats     []string
	Level       evaluation.Level
	Strengths   int // number of styrkor in all
	Improvement int
	// Agreement is the note on the evaluators' agreement, from their own
	// workbooks in the data folder; nil unless asked for and found.
	Agreement *consensus.Agreement
}

// InstrumentInfo describes the instrument version for the title and the
// note on method.
type InstrumentInfo struct {
	Ref, Name, Version, Description, Source string
	Step                                    points.P
	Max                                     points.P
	Areas, Questions                        int
}

// AreaSection is one huvudområde of the latest evaluation.
type AreaSection struct {
	ID, Name     string
	Max          points.P
	Score        *points.P
	Change       *points.P // since the previous evaluation
	Rank, RankOf int
	GroupMean    *points.P
	Comment      string
	Questions    []summary.Question
	Strengths    []string
	Improvements []string
}

// Options says what to build.
type Options struct {
	Kommun string
	Year   int            // 0: the latest
	Group  string         // "" for none
	Period evalset.Period // with Group "alla": the years of its evaluations
	// Agreement adds the note "Bedömarnas samstämmighet" when the
	// evaluators' own workbooks of the latest evaluation are in the set.
	Agreement bool
}

// Build makes the report of a kommun from a validated set.
func Build(set *evalset.Set, o Options) (*Report, error) {
	// the report's year and every earlier evaluation
	upto, err := set.Until(o.Kommun, o.Year)
	if err != nil {
		return nil, err
	}
	latest := upto[len(upto)-1]
	hist, err := compare.NewHistory(upto)
	if err != nil {
		return nil, err
	}
	trend := hist.Latest()
	in := latest.Instrument
	r := &Report{
		Kommun: latest.Facts.Kommun, Year: latest.Facts.Year, File: latest.File,
		Evaluators: latest.Facts.Evaluators, Dates: latest.Facts.Dates, Sources: latest.Facts.Sources,
		Latest: summary.Build(latest), Trend: trend, Caveats: append([]string{}, trend.Caveats...),
		Level:   evaluation.Level(summary.Build(latest).Level),
		Earlier: hist.Earlier(), Boundaries: hist.Boundaries,
	}
	for _, ev := range upto {
		r.Years = append(r.Years, ev.Facts.Year)
	}
	r.Instrument = InstrumentInfo{Ref: in.Ref(), Name: in.Name, Version: in.Version, Description: in.Description,
		Source: in.Source, Step: in.Step, Max: in.Max(), Areas: len(in.Areas), Questions: in.Questions()}
	if o.Group != "" {
		g, err := set.GroupIn(o.Group, latest, o.Period)
		if err != nil {
			return nil, err
		}
		gc, err := compare.Against(latest, g)
		if err != nil {
			return nil, err
		}
		r.Group = gc
		for _, c := range gc.Caveats {
			if !contains(r.Caveats, c) {
				r.Caveats = append(r.Caveats, c)
			}
		}
	}
	last := len(trend.Columns) - 1
	r.Changes = last > 0
	if r.Changes {
		r.PrevYear = trend.Columns[last-1].Year
	}
	for i, a := range r.Latest.Areas {
		sec := AreaSection{ID: a.ID, Name: a.Name, Max: a.Max, Score: a.Score, Comment: a.Comment, Questions: a.Questions}
		if r.Changes {
			sec.Change = trend.Areas[i].Changes[last-1]
		}
		if r.Group != nil {
			gr := r.Group.Areas[i]
			sec.Rank, sec.RankOf, sec.GroupMean = gr.Rank, gr.RankOf, gr.Mean
		}
		for _, n := range latest.Notes {
			if n.Area != a.ID {
				continue
			}
			if n.Kind == evaluation.Strength {
				sec.Strengths = append(sec.Strengths, n.Text)
				r.Strengths++
			} else {
				sec.Improvements = append(sec.Improvements, n.Text)
				r.Improvement++
			}
		}
		r.Areas = append(r.Areas, sec)
	}
	if o.Agreement {
		r.Agreement = consensus.AgreementOf(set.AssessmentsOf(latest))
	}
	charts, err := buildCharts(r)
	if err != nil {
		return nil, err
	}
	r.Charts = charts
	return r, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
