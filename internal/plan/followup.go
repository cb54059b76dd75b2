package plan

import (
	"time"

	"github.com/kompass-dev/kompass/internal/evaluation"
)

// The follow-up of a plan (kompass follow-up, docs/followup.md) answers
// "where do we stand now, and how did we get here":
//
//   - The standing is taken at the latest reporting occasion that has any
//     status (up to the --per date, when one is given). Each åtgärd counts
//     with its own latest status up to and including that occasion: a status
//     stands until a later occasion reports another, so an åtgärd reported
//     Delvis genomförd in April and left empty in August counts as Delvis
//     genomförd in August (and is counted in FromEarlier). An åtgärd with no
//     status up to then is not reported.
//   - Over time: the same counts at every occasion up to that one, in order.
//   - Overdue: an åtgärd whose Klart senast is before the date of the
//     standing (the --per date, or else the date of the latest reported
//     occasion) and that is not Genomförd at the standing.
//
// Nothing depends on the clock: the same plan and date give the same
// result.

// Counts are how many åtgärder stand at each status.
type Counts struct {
	Done        int // Genomförd
	Partly      int // Delvis genomförd
	NotDone     int // Ej genomförd
	NotStarted  int // Ej påbörjad
	NotReported int // no status yet
}

// Total is the number of åtgärder counted.
func (c Counts) Total() int { return c.Done + c.Partly + c.NotDone + c.NotStarted + c.NotReported }

// Of is the count of one status ("" for not reported).
func (c Counts) Of(s Status) int {
	switch s {
	case Done:
		return c.Done
	case Partly:
		return c.Partly
	case NotDone:
		return c.NotDone
	case NotStarted:
		return c.NotStarted
	}
	return c.NotReported
}

func (c *Counts) add(s Status) {
	switch s {
	case Done:
		c.Done++
	case Partly:
		c.Partly++
	case NotDone:
		c.NotDone++
	case NotStarted:
		c.NotStarted++
	default:
		c.NotReported++
	}
}

// Tally is the follow-up of one huvudområde, or of the whole plan.
type Tally struct {
	Area         string // the area id; "" for the total
	Name         string // the area's name from the instrument, if known
	Improvements int    // förbättringsområden
	Without      int    // förbättringsområden without any åtgärd
	Actions      int    // åtgärder
	Now          Counts // at the standing
	// FromEarlier is how many of Now's statuses were reported at an
	// earlier occasion than the standing's and not since.
	FromEarlier int
	Over        []Counts // at each of Progress.Occasions, in order
	// Reported is, per occasion of Progress.Occasions, how many åtgärder
	// have a status written at that occasion.
	Reported []int
}

// OccasionState is a reporting occasion of the follow-up.
type OccasionState struct {
	Label string
	Date  time.Time
}

// Overdue is an åtgärd past its Klart senast and not Genomförd.
type Overdue struct {
	Ref         string // the förbättringsområde it serves, e.g. "5.F2"
	Area        string
	Action      string // Åtgärd
	Responsible string // Ansvarig
	Due         time.Time
	Status      Status // at the standing; "" if not reported
	Occasion    string // the label of the occasion Status was reported at; "" if not reported
	Row         int    // the row of the Åtgärdsplan sheet
}

// ItemState is a förbättringsområde of the plan with its åtgärder as they
// stand.
type ItemState struct {
	Ref  string
	Area string
	// Text is the plan's text of the förbättringsområde, or, where the plan
	// has none, the evaluation's.
	Text    string
	Actions []ActionState
}

// ActionState is an åtgärd as it stands: its latest status up to the
// standing, where that was reported, and whether it is overdue.
type ActionState struct {
	Action
	Status   Status // "" if not reported
	Occasion string // the label of the occasion Status was reported at; "" if not reported
	Comment  string // the comment given with Status
	Overdue  bool   // Klart senast before Date and not Genomförd
}

// Unplanned is a förbättringsområde without any åtgärd.
type Unplanned struct {
	Ref  string
	Area string
	Text string
}

// Progress is the follow-up of a plan.
type Progress struct {
	File              string // the plan's workbook
	Kommun            string
	Year              int
	InstrumentID      string
	InstrumentVersion string
	// Occasions are the plan's occasions up to and including the
	// standing's, in order; empty when nothing is reported yet.
	Occasions []OccasionState
	// Standing is the index in Occasions of the occasion the standing is
	// taken at (the last one); -1 when no occasion has a status.
	Standing int
	// Date is the date overdue åtgärder are judged at: Per if given, else
	// the standing occasion's date; zero when neither is known.
	Date time.Time
	Per  bool // Date was given (--per)
	// Unreported are occasions after the standing's whose date is not after
	// Date: due, but nothing reported at them (only with Per).
	Unreported []OccasionState
	Areas      []Tally // areas with förbättringsområden, in the instrument's order
	Total      Tally
	Without    []Unplanned // förbättringsområden without any åtgärd, in plan order
	Overdue    []Overdue   // in plan order
	// Evaluation is the evaluation the plan follows; nil when not known.
	Evaluation *evaluation.Evaluation
	// Items are the plan's förbättringsområden in plan order, with every
	// åtgärd as it stands.
	Items []ItemState
}

// Follow is the follow-up (FollowUp) of the latest of evs — one kommun's
// evaluations, oldest first — that a plan of plans follows: which plan
// follows which evaluation is decided here. With several plans of one
// evaluation (validate reports that) the first counts. nil when no
// evaluation of evs has a plan.
func Follow(plans []*Plan, evs []*evaluation.Evaluation, per time.Time) *Progress {
	for i := len(evs) - 1; i >= 0; i-- {
		for _, p := range plans {
			if p.Of(evs[i]) {
				pr := FollowUp(p, evs[i], per)
				return &pr
			}
		}
	}
	return nil
}

// FollowUp computes the follow-up of p (see the comment above Counts). ev
// is the evaluation the plan follows, for the areas' order and names; it may
// be nil, and the areas are then in the plan's order. per is the date to
// take the standing at; the zero time means the latest reported occasion.
func FollowUp(p *Plan, ev *evaluation.Evaluation, per time.Time) Progress {
	pr := Progress{
		File: p.File, Kommun: p.Kommun, Year: p.Year,
		InstrumentID: p.InstrumentID, InstrumentVersion: p.InstrumentVersion,
		Standing: -1, Per: !per.IsZero(), Evaluation: ev,
	}
	var notes map[string]evaluation.Note
	if ev != nil {
		notes, _ = Refs(ev)
	}
	status := func(a Action, i int) Status {
		if i < len(a.Reports) {
			return a.Reports[i].Status
		}
		return ""
	}
	// The occasions that count: up to per, if given.
	n := len(p.Occasions)
	if pr.Per {
		n = 0
		for i, o := range p.Occasions {
			if o.Date.After(per) {
				break
			}
			n = i + 1
		}
	}
	last := -1
	for i := 0; i < n; i++ {
		for _, it := range p.Items {
			for _, a := range it.Actions {
				if status(a, i) != "" {
					last = i
				}
			}
		}
	}
	pr.Standing = last
	for i := 0; i <= last; i++ {
		pr.Occasions = append(pr.Occasions, OccasionState{Label: p.Occasions[i].Label, Date: p.Occasions[i].Date})
	}
	switch {
	case pr.Per:
		pr.Date = per
		for i := last + 1; i < n; i++ {
			pr.Unreported = append(pr.Unreported, OccasionState{Label: p.Occasions[i].Label, Date: p.Occasions[i].Date})
		}
	case last >= 0:
		pr.Date = p.Occasions[last].Date
	}

	// latest is an åtgärd's latest status up to occasion i, and the
	// occasion it was reported at (-1 if none).
	latest := func(a Action, i int) (Status, int) {
		for j := i; j >= 0; j-- {
			if s := status(a, j); s != "" {
				return s, j
			}
		}
		return "", -1
	}

	byArea := map[string]*Tally{}
	var order []string
	if ev != nil && ev.Instrument != nil {
		for _, ar := range ev.Instrument.Areas {
			byArea[ar.ID] = &Tally{Area: ar.ID, Name: ar.Name}
			order = append(order, ar.ID)
		}
	}
	used := map[string]bool{}
	pr.Total.Over, pr.Total.Reported = make([]Counts, len(pr.Occasions)), make([]int, len(pr.Occasions))
	for _, it := range p.Items {
		t, ok := byArea[it.Area]
		if !ok {
			t = &Tally{Area: it.Area}
			byArea[it.Area] = t
			order = append(order, it.Area)
		}
		if t.Over == nil {
			t.Over, t.Reported = make([]Counts, len(pr.Occasions)), make([]int, len(pr.Occasions))
		}
		used[it.Area] = true
		for _, x := range []*Tally{t, &pr.Total} {
			x.Improvements++
			x.Actions += len(it.Actions)
		}
		if len(it.Actions) == 0 {
			t.Without++
			pr.Total.Without++
			pr.Without = append(pr.Without, Unplanned{Ref: it.Ref, Area: it.Area, Text: it.Text})
		}
		is := ItemState{Ref: it.Ref, Area: it.Area, Text: it.Text}
		if is.Text == "" {
			is.Text = notes[it.Ref].Text
		}
		for _, a := range it.Actions {
			s, at := latest(a, last)
			as := ActionState{Action: a, Status: s}
			if at >= 0 {
				as.Occasion, as.Comment = p.Occasions[at].Label, a.Reports[at].Comment
			}
			for _, x := range []*Tally{t, &pr.Total} {
				x.Now.add(s)
				if at >= 0 && at < last {
					x.FromEarlier++
				}
				for i := range pr.Occasions {
					si, _ := latest(a, i)
					x.Over[i].add(si)
					if status(a, i) != "" {
						x.Reported[i]++
					}
				}
			}
			if !pr.Date.IsZero() && !a.Due.IsZero() && a.Due.Before(pr.Date) && s != Done {
				as.Overdue = true
				pr.Overdue = append(pr.Overdue, Overdue{Ref: it.Ref, Area: it.Area, Action: a.Text, Responsible: a.Responsible, Due: a.Due, Status: s, Occasion: as.Occasion, Row: a.Row})
			}
			is.Actions = append(is.Actions, as)
		}
		pr.Items = append(pr.Items, is)
	}
	for _, id := range order {
		if used[id] {
			pr.Areas = append(pr.Areas, *byArea[id])
		}
	}
	return pr
}
