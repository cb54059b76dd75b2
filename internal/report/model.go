// Package report builds the HTML report of one kommun as the complete
// analysis an SKL report is — a cover as SKL's first page (cover.go: the
// publisher of report.toml, the analysis, the dates, the contents, the
// evaluators), 1 Om Kommunkompassen (the instrument's
// description), 2 Sammanfattning (the background with its tables and the
// interviews, the scores over the years, the spider charts against the
// group, the summary), 3 each huvudområde (its delfrågor, the evaluators'
// text under its sub-headings, its tables, styrkor and
// förbättringsområden), when an åtgärdsplan follows the previous
// evaluation the follow-up of its förbättringsområden (followup.go), then
// Poängsammanställning and a note on method — as one self-contained,
// offline, printable file, and the index page of a whole set. A section
// with nothing to say is left out, so an area-level evaluation without
// text is a short report. Its tables are numbered as the text names them
// (tables.go), its styrkor and förbättringsområden carry the åtgärdsplan's
// references. The model is built first (Build); Write renders
// it with html/template, the text through internal/markup, and inserts
// each chart's options as HTML-escaped JSON.
package report

import (
	"fmt"
	"strconv"
	"time"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/consensus"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/markup"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/problem"
	"github.com/kompass-dev/kompass/internal/summary"
)

// Report is everything one kommun's report shows.
type Report struct {
	Kommun     string
	Year       int
	Instrument InstrumentInfo
	Cover      Cover
	Evaluators string
	Dates      string
	Sources    string
	File       string
	Latest     summary.Summary
	Trend      *compare.Trend           // the evaluations made with the latest's version (or one mapped to it)
	Earlier    []*compare.Trend         // evaluations with earlier versions that cannot be compared, oldest first
	Boundaries []compare.Boundary       // between the blocks of Earlier and Trend
	Years      []int                    // every evaluation year up to the report's
	Group      *compare.GroupComparison // nil without --group
	// Omitted is the group comparison asked for but left out (kompass
	// report --all with a group this kommun cannot be compared with).
	Omitted     *Omitted
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
	// FollowUp is the section on the förbättringsområden of the earlier
	// evaluation that an åtgärdsplan follows; nil without such a plan.
	FollowUp *FollowUp
	// Plan is the state of the åtgärdsplan that follows the report's own
	// evaluation, a short note in Sammanfattning; nil without one.
	Plan *PlanState
	// Draft is set for a report of an unfinished evaluation (draft.go):
	// Unfinished says where, DraftReason why, in Swedish, for the banner.
	Draft       bool
	Unfinished  []problem.Problem
	DraftReason string

	About       []markup.Block // section 1: the instrument's description
	Background  Prose          // the kommun and the evaluation (evaluation.SectionBackground)
	Summary     Prose          // the evaluation as a whole (evaluation.SectionSummary)
	Interviews  int            // the number of interviews; 0 if not given
	Interviewed string         // who was interviewed, as written
	// Overview is set when some area has nothing to show but its score: the
	// areas are then listed in one table at the start of section 3, and only
	// those with delfrågor, text or notes get a part of their own.
	Overview bool
	// Questions is set when delfrågor are scored: only then is there a
	// Poängsammanställning beyond the areas of Tabell 2.
	Questions bool
	Sections  []Section // the numbered sections, in order
	// The numbers of the report's own tables (Tabell 1, 2 …), counted with
	// the evaluators' tables in the order of the page (tables.go); 0 for a
	// table the report does not have.
	TrendNo, GroupNo, OverviewNo, SummaryNo int
	EarlierNo                               []int // of each of Earlier
}

// Section is one numbered section of the report, as its heading and the
// contents list name it.
type Section struct {
	ID     string // of its element
	Number int
	Title  string
}

// InstrumentInfo describes the instrument version for the title and the
// note on method.
type InstrumentInfo struct {
	Ref, Name, Version, Description, Publisher string
	Step                                       points.P
	Max                                        points.P
	Areas, Questions                           int
}

// AreaSection is one huvudområde of the latest evaluation.
type AreaSection struct {
	ID, Name     string
	Max          points.P
	Score        *points.P
	Change       *points.P // since the previous evaluation
	Rank, RankOf int
	GroupMean    *points.P
	GroupDiff    *points.P          // the difference to the group's mean
	Questions    []summary.Question // nil when none is scored (an area-level evaluation)
	Text         Prose
	Strengths    []Listed
	Improvements []Listed
	// Own is set when the area has something to show besides its score
	// (delfrågor, text, tables, styrkor or förbättringsområden): a part of
	// its own in section 3. Break is set when that part starts a printed
	// page: it has text of its own. (An area with only delfrågor and lists
	// follows the one before it, so that no page is left half empty.)
	Own, Break bool
}

// Listed is one styrka or förbättringsområde with its reference: "1.S2"
// for the second styrka of area 1, "5.F2" for the second
// förbättringsområde of area 5, as the åtgärdsplan and the follow-up
// refer to it (plan.Ref).
type Listed struct {
	Ref, Text string
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
	// Settings are the data folder's report.toml (LoadSettings): the
	// publisher on the cover and the evaluators' affiliations. Nil: none.
	Settings *Settings
	// Omitted, with Group "", says which group comparison was asked for
	// but cannot be made for this kommun (OmittedGroup).
	Omitted *Omitted
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
		Cover: buildCover(latest.Facts, o.Settings), Omitted: o.Omitted,
	}
	for _, ev := range upto {
		r.Years = append(r.Years, ev.Facts.Year)
	}
	shown := upto
	r.Instrument = InstrumentInfo{Ref: in.Ref(), Name: in.Name, Version: in.Version, Description: in.Description,
		Publisher: in.Publisher, Step: in.Step, Max: in.Max(), Areas: len(in.Areas), Questions: in.Questions()}
	if o.Group != "" {
		g, err := set.Group(o.Group, latest, o.Period)
		if err != nil {
			return nil, err
		}
		gc, err := compare.Against(latest, g)
		if err != nil {
			return nil, err
		}
		r.Group = gc
		shown = append(shown[:len(shown):len(shown)], g.Members...)
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
	r.About = markup.ParseWrapped(in.Description)
	r.Background = prose(latest, evaluation.SectionBackground)
	r.Summary = prose(latest, evaluation.SectionSummary)
	r.Interviews, r.Interviewed = latest.Facts.Interviews, markup.Line(latest.Facts.Interviewed)
	for i, a := range r.Latest.Areas {
		sec := AreaSection{ID: a.ID, Name: a.Name, Max: a.Max, Score: a.Score, Text: prose(latest, a.ID)}
		if scored(a.Questions) {
			sec.Questions = a.Questions
			r.Questions = true
		}
		if r.Changes {
			sec.Change = trend.Areas[i].Changes[last-1]
		}
		if r.Group != nil {
			gr := r.Group.Areas[i]
			sec.Rank, sec.RankOf, sec.GroupMean, sec.GroupDiff = gr.Rank, gr.RankOf, gr.Mean, gr.Diff
		}
		for _, n := range latest.Notes {
			if n.Area != a.ID {
				continue
			}
			if n.Kind == evaluation.Strength {
				sec.Strengths = append(sec.Strengths, Listed{Ref: a.ID + ".S" + strconv.Itoa(len(sec.Strengths)+1), Text: n.Text})
				r.Strengths++
			} else {
				sec.Improvements = append(sec.Improvements, Listed{Ref: plan.Ref(a.ID, len(sec.Improvements)+1), Text: n.Text})
				r.Improvement++
			}
		}
		sec.Break = len(sec.Text.Passages) > 0
		sec.Own = sec.Break || sec.Questions != nil || len(sec.Text.Tables) > 0 || sec.Strengths != nil || sec.Improvements != nil
		r.Overview = r.Overview || !sec.Own
		r.Areas = append(r.Areas, sec)
	}
	if o.Agreement {
		r.Agreement = consensus.AgreementOf(set.AssessmentsOf(latest))
	}
	// The follow-up of the plan of the latest earlier evaluation that has
	// one (normally the previous), and that of the report's own.
	if pr := plan.Follow(set.Plans, upto[:len(upto)-1], time.Time{}); pr != nil {
		r.FollowUp = buildFollowUp(pr, latest, trend)
	}
	if pr := plan.Follow(set.Plans, upto[len(upto)-1:], time.Time{}); pr != nil {
		r.Plan = buildPlanState(pr)
	}
	r.markDraft(shown)
	r.Sections = sections(r)
	numberTables(r)
	charts, err := buildCharts(r)
	if err != nil {
		return nil, err
	}
	r.Charts = charts
	return r, nil
}

// scored reports whether any of the delfrågor has a score.
func scored(qs []summary.Question) bool {
	for _, q := range qs {
		if q.Score != nil {
			return true
		}
	}
	return false
}

// sections numbers the sections the report has: Om Kommunkompassen when
// the instrument describes itself, the Uppföljning when an åtgärdsplan
// follows an earlier evaluation, the Poängsammanställning when delfrågor
// are scored; the others always.
func sections(r *Report) []Section {
	var out []Section
	add := func(id, title string) { out = append(out, Section{ID: id, Number: len(out) + 1, Title: title}) }
	if len(r.About) > 0 {
		add("om-kommunkompassen", "Om Kommunkompassen")
	}
	add("sammanfattning", "Sammanfattning")
	add("omraden", "Huvudområdena")
	if r.FollowUp != nil {
		add("uppfoljning", fmt.Sprintf("Uppföljning av förbättringsområden från %d", r.FollowUp.Year))
	}
	if r.Questions {
		add("poangsammanstallning", "Poängsammanställning")
	}
	add("metod", "Om metoden")
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
