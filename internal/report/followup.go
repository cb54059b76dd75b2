package report

import (
	"path/filepath"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/plan"
	"github.com/kompass-dev/kompass/internal/points"
	"github.com/kompass-dev/kompass/internal/summary"
)

// FollowUp is the section "Uppföljning av förbättringsområden från YEAR"
// (issue 14): the förbättringsområden of the earlier evaluation that an
// åtgärdsplan follows, what was decided for each and its last reported
// status, beside the area's score then and now.
type FollowUp struct {
	Year int    // the year of the evaluation the plan follows
	File string // the åtgärdsplan's file name
	// Last is the latest occasion at which any åtgärd has a status, as
	// the plan names it with a small first letter ("augusti 2006"); ""
	// when none has.
	Last string
	// Comparable is set when the two evaluations' scores can be compared
	// (the same instrument version, or one mapped to it): then each area
	// has Now and Change.
	Comparable bool
	Areas      []FollowUpArea
	Count      StatusCount // over all areas
	// Boards are the counts per nämnd/förvaltning, when the plan names
	// any (plan.Progress.Boards).
	Boards []FollowUpBoard
}

// FollowUpBoard is a nämnd/förvaltning of the plan with the count of its
// åtgärder.
type FollowUpBoard struct {
	Name   string // plan.Tally.Label: the nämnd, or that none is named
	Count  StatusCount
	Lights []LightN
}

// LightN is the number of åtgärder with one traffic light, and that in
// words: "4 försenade".
type LightN struct {
	Light
	N       int
	Counted string
}

// Light is an åtgärd's traffic light as the report shows it: a word, a
// mark whose shape reads in greyscale, and a class that colours it.
type Light struct {
	Text, Mark, Class string
}

// lightOf is a traffic light as the report shows it.
func lightOf(l plan.Light) Light {
	return Light{Text: l.String(), Mark: l.Mark(), Class: "light-" + map[plan.Light]string{plan.OnTrack: "ontrack", plan.AtRisk: "risk", plan.Late: "late"}[l]}
}

// FollowUpArea is one huvudområde of the earlier evaluation with its
// förbättringsområden.
type FollowUpArea struct {
	ID, Name string
	Max      points.P
	Then     *points.P // the area's score in the evaluation the plan follows
	Now      *points.P // in the report's evaluation; nil when not comparable
	Change   *points.P
	Items    []FollowUpItem
	Count    StatusCount
}

// FollowUpItem is one förbättringsområde and its åtgärder.
type FollowUpItem struct {
	Ref, Text string
	Actions   []FollowUpAction
}

// FollowUpAction is one åtgärd and its last reported status.
type FollowUpAction struct {
	Text, Responsible, Goal string
	Board                   string // Nämnd/förvaltning
	Light                   Light  // the traffic light at the standing
	Due                     string // "30 juni 2006"; "" when not given
	// Overdue is set when the day is before the plan's last occasion with
	// a status and the åtgärd is not reported genomförd.
	Overdue bool
	Status  Status
	// Occasion is where the status was reported, as the plan names it,
	// with a small first letter ("augusti 2006"); "" when never reported.
	Occasion string
	Comment  string // the comment given with that status
}

// Status is an åtgärd's last reported status as the report shows it: in
// words, and by a class that gives it its mark.
type Status struct {
	Text  string // "Genomförd"; "Ej rapporterad" when no occasion has one
	Class string // st-done, st-partly, st-inprogress, st-notdone, st-notstarted, st-none
}

// StatusCount is how many åtgärder have each last status.
type StatusCount struct {
	Actions int
	// By lists the statuses that occur, in the drop-down's order, with
	// not reported last.
	By     []StatusN
	counts plan.Counts
}

// StatusN is the number of åtgärder with one status.
type StatusN struct {
	Status
	N int
}

var statusClass = map[plan.Status]string{
	plan.Done: "st-done", plan.Partly: "st-partly", plan.InProgress: "st-inprogress", plan.NotDone: "st-notdone", plan.NotStarted: "st-notstarted",
}

// notReported is the status of an åtgärd that no occasion reports on.
var notReported = Status{Text: "Ej rapporterad", Class: "st-none"}

// buildFollowUp makes the section from the follow-up of the plan of an
// earlier evaluation of the report's kommun (pr.Evaluation); trend is the
// report's main comparison, whose last column is the report's evaluation.
// What is counted, at which occasion, and what is overdue is the
// follow-up's (plan.Follow), as kompass follow-up prints it: the report
// only renders it.
func buildFollowUp(pr *plan.Progress, latest *evaluation.Evaluation, trend *compare.Trend) *FollowUp {
	prev := pr.Evaluation
	f := &FollowUp{Year: prev.Facts.Year, File: filepath.Base(pr.File), Last: standing(pr), Count: statusCount(pr.Total.Now)}
	// the trend row of each of prev's areas, when prev is in the trend
	col := -1
	for i, c := range trend.Columns {
		if c.Year == prev.Facts.Year && c.File == prev.File {
			col = i
		}
	}
	rows := map[string]*compare.TrendRow{}
	if m, ok := compare.Comparable(latest.Instrument, prev.Instrument); ok && col >= 0 {
		f.Comparable = true
		for i := range trend.Areas {
			if old, ok := m.Areas[trend.Areas[i].ID]; ok {
				rows[old] = &trend.Areas[i]
			}
		}
	}
	tallies := map[string]plan.Tally{}
	for _, t := range pr.Areas {
		tallies[t.Area] = t
	}
	for _, a := range summary.Build(prev).Areas {
		t, ok := tallies[a.ID]
		if !ok {
			continue
		}
		fa := FollowUpArea{ID: a.ID, Name: a.Name, Max: a.Max, Then: a.Score, Count: statusCount(t.Now)}
		if row := rows[a.ID]; row != nil {
			fa.Then, fa.Now = row.Scores[col], row.Scores[len(row.Scores)-1]
			if fa.Then != nil && fa.Now != nil {
				d := *fa.Now - *fa.Then
				fa.Change = &d
			}
		}
		for _, it := range pr.Items {
			if it.Area != a.ID {
				continue
			}
			fi := FollowUpItem{Ref: it.Ref, Text: it.Text}
			for _, ac := range it.Actions {
				fi.Actions = append(fi.Actions, FollowUpAction{Text: ac.Text, Responsible: ac.Responsible, Goal: ac.Goal, Board: ac.Board, Light: lightOf(ac.Light),
					Due: plan.SwedishDate(ac.Due), Overdue: ac.Overdue, Status: statusOf(ac.Status),
					Occasion: plan.InSentence(ac.Occasion), Comment: ac.Comment})
			}
			fa.Items = append(fa.Items, fi)
		}
		f.Areas = append(f.Areas, fa)
	}
	if len(pr.Boards) > 1 || len(pr.Boards) == 1 && !pr.Boards[0].NoBoard {
		for _, b := range pr.Boards {
			fb := FollowUpBoard{Name: b.Label(), Count: statusCount(b.Now)}
			for _, l := range plan.Lights {
				if n := b.Lights.Of(l); n > 0 {
					fb.Lights = append(fb.Lights, LightN{lightOf(l), n, l.Counted(n)})
				}
			}
			f.Boards = append(f.Boards, fb)
		}
	}
	return f
}

// standing is the occasion the follow-up stands at, as inside a sentence
// ("augusti 2006"); "" when nothing is reported.
func standing(pr *plan.Progress) string {
	if pr.Standing < 0 {
		return ""
	}
	return plan.InSentence(pr.Occasions[pr.Standing].Label)
}

// statusOf is an åtgärd's status as the report shows it.
func statusOf(s plan.Status) Status {
	if s == "" {
		return notReported
	}
	st := Status{Text: string(s), Class: statusClass[s]}
	if st.Class == "" {
		st.Class = "st-other" // validate allows only the list; shown as written
	}
	return st
}

// PlanState is the short note "Åtgärdsplan" in the report of the
// evaluation that an åtgärdsplan follows: how far the kommun has come.
type PlanState struct {
	File        string
	Last        string // as in FollowUp
	Items       int    // the förbättringsområden in the plan
	WithActions int    // those with at least one åtgärd
	Count       StatusCount
}

// buildPlanState sums up the follow-up of the plan that follows the
// report's evaluation.
func buildPlanState(pr *plan.Progress) *PlanState {
	return &PlanState{File: filepath.Base(pr.File), Last: standing(pr), Items: pr.Total.Improvements,
		WithActions: pr.Total.Improvements - pr.Total.Without, Count: statusCount(pr.Total.Now)}
}

// statusCount is a follow-up's counts as the report shows them: the
// statuses that occur, in the drop-down's order, not reported last.
func statusCount(c plan.Counts) StatusCount {
	sc := StatusCount{Actions: c.Total(), counts: c}
	for _, s := range plan.Statuses {
		if n := c.Of(s); n > 0 {
			sc.By = append(sc.By, StatusN{Status{Text: string(s), Class: statusClass[s]}, n})
		}
	}
	if c.NotReported > 0 {
		sc.By = append(sc.By, StatusN{notReported, c.NotReported})
	}
	return sc
}

// Line is the count in words (plan.CountLine): "3 åtgärder: 1
// genomförd, 1 delvis genomförd, 1 ej påbörjad"; "Ingen åtgärd" when
// there is none.
func (c StatusCount) Line() string {
	if c.Actions == 0 {
		return "Ingen åtgärd"
	}
	return plan.CountLine(c.counts)
}
