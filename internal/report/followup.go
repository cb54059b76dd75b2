package report

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kompass-dev/kompass/internal/compare"
	"github.com/kompass-dev/kompass/internal/evalset"
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

// followedPlan returns the evaluation before the report's latest that an
// åtgärdsplan follows — the latest such, normally the previous one — and
// its plan, or nil.
func followedPlan(set *evalset.Set, upto []*evaluation.Evaluation) (*evaluation.Evaluation, *plan.Plan) {
	for i := len(upto) - 2; i >= 0; i-- {
		if p := set.PlanOf(upto[i]); p != nil {
			return upto[i], p
		}
	}
	return nil, nil
}

// buildFollowUp makes the section from the plan of prev, an earlier
// evaluation of the report's kommun; trend is the report's main
// comparison, whose last column is the report's evaluation.
func buildFollowUp(prev, latest *evaluation.Evaluation, p *plan.Plan, trend *compare.Trend) *FollowUp {
	f := &FollowUp{Year: prev.Facts.Year, File: filepath.Base(p.File)}
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
	var asOf time.Time
	f.Last, asOf = lastOccasion(p)
	notes, _ := plan.Refs(prev)
	for _, a := range summary.Build(prev).Areas {
		fa := FollowUpArea{ID: a.ID, Name: a.Name, Max: a.Max, Then: a.Score}
		if row := rows[a.ID]; row != nil {
			fa.Then, fa.Now = row.Scores[col], row.Scores[len(row.Scores)-1]
			if fa.Then != nil && fa.Now != nil {
				d := *fa.Now - *fa.Then
				fa.Change = &d
			}
		}
		for _, it := range p.Items {
			if it.Area != a.ID {
				continue
			}
			fi := FollowUpItem{Ref: it.Ref, Text: it.Text}
			if fi.Text == "" {
				fi.Text = notes[it.Ref].Text
			}
			for _, ac := range it.Actions {
				fa.Count.add(followUpAction(ac, p.Occasions, asOf, &fi))
			}
			fa.Items = append(fa.Items, fi)
		}
		if len(fa.Items) == 0 {
			continue
		}
		for _, n := range fa.Count.By {
			f.Count.addN(n.Status, n.N)
		}
		f.Areas = append(f.Areas, fa)
	}
	f.Count.sort()
	for i := range f.Areas {
		f.Areas[i].Count.sort()
	}
	return f
}

// followUpAction adds the åtgärd to its item and returns its status;
// asOf is the date of the plan's last occasion with a status.
func followUpAction(a plan.Action, occasions []plan.Occasion, asOf time.Time, it *FollowUpItem) Status {
	fa := FollowUpAction{Text: a.Text, Responsible: a.Responsible, Goal: a.Goal, Due: svDate(a.Due)}
	fa.Status, fa.Occasion, fa.Comment = lastStatus(a, occasions)
	fa.Overdue = !a.Due.IsZero() && a.Due.Before(asOf) && fa.Status.Class != statusClass[plan.Done]
	it.Actions = append(it.Actions, fa)
	return fa.Status
}

// lastStatus is the åtgärd's last reported status, the occasion it was
// reported at (with a small first letter) and the comment given with it.
func lastStatus(a plan.Action, occasions []plan.Occasion) (s Status, occasion, comment string) {
	r, i, ok := a.Last()
	if !ok {
		return notReported, "", ""
	}
	s = Status{Text: string(r.Status), Class: statusClass[r.Status]}
	if s.Class == "" {
		s.Class = "st-other" // validate allows only the list; shown as written
	}
	if i < len(occasions) {
		occasion = lowerFirst(occasions[i].Label)
	}
	return s, occasion, r.Comment
}

// lastOccasion is the latest occasion at which any åtgärd of the plan has
// a status, with a small first letter, and its date; "" when none has.
func lastOccasion(p *plan.Plan) (string, time.Time) {
	last := -1
	for _, it := range p.Items {
		for _, a := range it.Actions {
			if _, i, ok := a.Last(); ok && i > last {
				last = i
			}
		}
	}
	if last < 0 || last >= len(p.Occasions) {
		return "", time.Time{}
	}
	return lowerFirst(p.Occasions[last].Label), p.Occasions[last].Date
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

// buildPlanState sums up the plan that follows the report's evaluation.
func buildPlanState(p *plan.Plan) *PlanState {
	st := &PlanState{File: filepath.Base(p.File), Items: len(p.Items)}
	st.Last, _ = lastOccasion(p)
	for _, it := range p.Items {
		if len(it.Actions) > 0 {
			st.WithActions++
		}
		for _, a := range it.Actions {
			s, _, _ := lastStatus(a, p.Occasions)
			st.Count.add(s)
		}
	}
	st.Count.sort()
	return st
}

func (c *StatusCount) add(s Status) { c.addN(s, 1) }

func (c *StatusCount) addN(s Status, n int) {
	c.Actions += n
	for i := range c.By {
		if c.By[i].Status == s {
			c.By[i].N += n
			return
		}
	}
	c.By = append(c.By, StatusN{s, n})
}

// sort puts the statuses in the drop-down's order, not reported last.
func (c *StatusCount) sort() {
	rank := func(s Status) int {
		for i, st := range plan.Statuses {
			if string(st) == s.Text {
				return i
			}
		}
		if s == notReported {
			return len(plan.Statuses) + 1
		}
		return len(plan.Statuses)
	}
	// a stable insertion sort: the lists are at most five long
	for i := 1; i < len(c.By); i++ {
		for j := i; j > 0 && rank(c.By[j].Status) < rank(c.By[j-1].Status); j-- {
			c.By[j], c.By[j-1] = c.By[j-1], c.By[j]
		}
	}
}

var svMonths = [...]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
	"oktober", "november", "december"}

// svDate is a day in Swedish, "30 juni 2006"; "" for the zero time.
func svDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strconv.Itoa(t.Day()) + " " + svMonths[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// lowerFirst gives a label a small first letter, to stand inside a
// sentence: "Augusti 2006" → "augusti 2006".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
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
