package report

import (
	"path/filepath"
	"strings"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/msg"
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
	Class string // st-done, st-partly, st-notdone, st-notstarted, st-none
}

// StatusCount is how many åtgärder have each last status.
type StatusCount struct {
	Actions int
	// By lists the statuses that occur, in the drop-down's order, with
	// not reported last.
	By []StatusN
}

// StatusN is the number of åtgärder with one status.
type StatusN struct {
	Status
	N int
}

var statusClass = map[plan.Status]string{
	plan.Done: "st-done", plan.Partly: "st-partly", plan.NotDone: "st-notdone", plan.NotStarted: "st-notstarted",
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
				fi.Actions = append(fi.Actions, FollowUpAction{Text: ac.Text, Responsible: ac.Responsible, Goal: ac.Goal,
					Due: plan.SwedishDate(ac.Due), Overdue: ac.Overdue, Status: statusOf(ac.Status),
					Occasion: plan.InSentence(ac.Occasion), Comment: ac.Comment})
			}
			fa.Items = append(fa.Items, fi)
		}
		f.Areas = append(f.Areas, fa)
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
	sc := StatusCount{Actions: c.Total()}
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

// countWords are each status as counted, one and many: "1 genomförd",
// "2 genomförda".
var countWords = map[string][2]string{
	"st-done": {"genomförd", "genomförda"}, "st-partly": {"delvis genomförd", "delvis genomförda"},
	"st-notdone": {"ej genomförd", "ej genomförda"}, "st-notstarted": {"ej påbörjad", "ej påbörjade"},
	"st-none": {"ej rapporterad", "ej rapporterade"},
}

// Line is the count in words: "3 åtgärder: 1 genomförd, 1 delvis
// genomförd, 1 ej påbörjad"; "Ingen åtgärd" when there is none.
func (c StatusCount) Line() string {
	if c.Actions == 0 {
		return "Ingen åtgärd"
	}
	parts := make([]string, 0, len(c.By))
	for _, n := range c.By {
		w, ok := countWords[n.Class]
		if !ok {
			w = [2]string{strings.ToLower(n.Text), strings.ToLower(n.Text)}
		}
		parts = append(parts, msg.Counted(n.N, w[0], w[1]))
	}
	return msg.Counted(c.Actions, "åtgärd", "åtgärder") + ": " + strings.Join(parts, ", ")
}
