package plan

import (
	"strings"
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
//   - The traffic light of each åtgärd at the standing (Reading), with the
//     plan's next occasion after the standing's date.
//   - The same tallies per huvudområde and per nämnd/förvaltning, and the
//     åtgärder grouped either way (Groups): what a nämnd reads.
//
// Nothing depends on the clock: the same plan and date give the same
// result.

// Counts are how many åtgärder stand at each status.
type Counts struct {
	Done        int // Genomförd
	Partly      int // Delvis genomförd
	InProgress  int // Pågår
	NotDone     int // Ej genomförd
	NotStarted  int // Ej påbörjad
	NotReported int // no status yet
}

// Total is the number of åtgärder counted.
func (c Counts) Total() int {
	return c.Done + c.Partly + c.InProgress + c.NotDone + c.NotStarted + c.NotReported
}

// Of is the count of one status ("" for not reported).
func (c Counts) Of(s Status) int { return *c.at(s) }

func (c *Counts) at(s Status) *int {
	switch s {
	case Done:
		return &c.Done
	case Partly:
		return &c.Partly
	case InProgress:
		return &c.InProgress
	case NotDone:
		return &c.NotDone
	case NotStarted:
		return &c.NotStarted
	}
	return &c.NotReported
}

func (c *Counts) add(s Status) { *c.at(s)++ }

// Fulfilment is the count of each reading of måluppfyllelse (helt, delvis,
// inte alls; FulfilmentUnknown for not reported).
func (c Counts) Fulfilment(f Fulfilment) int {
	n := 0
	for _, s := range Statuses {
		if s.Fulfilment() == f {
			n += c.Of(s)
		}
	}
	if f == FulfilmentUnknown {
		n += c.NotReported
	}
	return n
}

// LightCounts are how many åtgärder have each traffic light at the
// standing.
type LightCounts struct {
	OnTrack int // enligt plan
	AtRisk  int // risk
	Late    int // försenad
}

// Of is the count of one reading.
func (c LightCounts) Of(l Light) int {
	switch l {
	case OnTrack:
		return c.OnTrack
	case AtRisk:
		return c.AtRisk
	case Late:
		return c.Late
	}
	return 0
}

func (c *LightCounts) add(l Light) {
	switch l {
	case OnTrack:
		c.OnTrack++
	case AtRisk:
		c.AtRisk++
	case Late:
		c.Late++
	}
}

// Tally is the follow-up of one huvudområde, of one nämnd/förvaltning, or
// of the whole plan.
type Tally struct {
	Area string // the area id; "" for a nämnd and the total
	Name string // the area's name from the instrument, if known
	// Board is the nämnd/förvaltning of a nämnd's tally as the plan writes
	// it; "" for an area and the total, and for NoBoard's tally.
	Board   string
	NoBoard bool // the tally of the åtgärder without a nämnd/förvaltning
	// Improvements are the förbättringsområden; of a nämnd, those its
	// åtgärder serve.
	Improvements int
	Without      int         // förbättringsområden without any åtgärd (0 for a nämnd)
	Actions      int         // åtgärder
	Now          Counts      // at the standing
	Lights       LightCounts // at the standing
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
	Board       string // Nämnd/förvaltning
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
	From    int // the year of the earlier plan the åtgärder are carried over from; 0 for the plan's own
	Actions []ActionState
}

// ActionState is an åtgärd as it stands: its latest status up to the
// standing, where that was reported, whether it is overdue, and its
// traffic light.
type ActionState struct {
	Action
	Ref         string // the förbättringsområde it serves
	Area        string
	Improvement string // the förbättringsområde's text (ItemState.Text)
	From        int    // ItemState.From
	Status      Status // "" if not reported
	Occasion    string // the label of the occasion Status was reported at; "" if not reported
	Comment     string // the comment given with Status
	Overdue     bool   // Klart senast before Date and not Genomförd
	Light       Light  // the traffic light at the standing (Reading)
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
	// Next is the date of the plan's first occasion after Date, by which an
	// åtgärd due is at risk (Reading); zero when there is none.
	Next   time.Time
	Areas  []Tally // areas with förbättringsområden, in the instrument's order
	Boards []Tally // nämnder/förvaltningar in the plan's order, those without one last
	Total  Tally
	// Decision is the plan's decision (Beslut), as written on Uppgifter.
	Decision Decision
	Without  []Unplanned // förbättringsområden without any åtgärd, in plan order
	Overdue  []Overdue   // in plan order
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
		Standing: -1, Per: !per.IsZero(), Evaluation: ev, Decision: p.Decision,
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
	if !pr.Date.IsZero() {
		for _, o := range p.Occasions {
			if o.Date.After(pr.Date) {
				pr.Next = o.Date
				break
			}
		}
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
	byBoard := map[string]*Tally{}
	var boards []string
	used := map[string]bool{}
	served := map[*Tally]map[string]bool{} // a nämnd → the Refs its åtgärder serve
	occasions := len(pr.Occasions)
	start := func(t *Tally) {
		if t.Over == nil {
			t.Over, t.Reported = make([]Counts, occasions), make([]int, occasions)
		}
	}
	start(&pr.Total)
	for _, it := range p.Items {
		t, ok := byArea[it.Area]
		if !ok {
			t = &Tally{Area: it.Area}
			byArea[it.Area] = t
			order = append(order, it.Area)
		}
		start(t)
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
		is := ItemState{Ref: it.Ref, Area: it.Area, Text: it.Text, From: it.From}
		if is.Text == "" {
			is.Text = notes[it.Ref].Text
		}
		for _, a := range it.Actions {
			s, at := latest(a, last)
			as := ActionState{Action: a, Ref: it.Ref, Area: it.Area, Improvement: is.Text, From: it.From, Status: s}
			if at >= 0 {
				as.Occasion, as.Comment = p.Occasions[at].Label, a.Reports[at].Comment
			}
			as.Overdue = !pr.Date.IsZero() && !a.Due.IsZero() && a.Due.Before(pr.Date) && s != Done
			as.Light = Reading(s, as.Overdue, a.Due, pr.Next)
			key := evaluation.FoldName(a.Board)
			b, ok := byBoard[key]
			if !ok {
				b = &Tally{Board: a.Board, NoBoard: key == ""}
				byBoard[key] = b
				boards = append(boards, key)
				served[b] = map[string]bool{}
				start(b)
			}
			b.Actions++
			if !served[b][it.Ref] {
				served[b][it.Ref] = true
				b.Improvements++
			}
			for _, x := range []*Tally{t, b, &pr.Total} {
				x.Now.add(s)
				x.Lights.add(as.Light)
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
			if as.Overdue {
				pr.Overdue = append(pr.Overdue, Overdue{Ref: it.Ref, Area: it.Area, Action: a.Text, Responsible: a.Responsible, Board: a.Board,
					Due: a.Due, Status: s, Occasion: as.Occasion, Row: a.Row})
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
	// The nämnder in the plan's order; the åtgärder without one last.
	for _, k := range boards {
		if k != "" {
			pr.Boards = append(pr.Boards, *byBoard[k])
		}
	}
	if b, ok := byBoard[""]; ok {
		pr.Boards = append(pr.Boards, *b)
	}
	return pr
}

// GroupBy is how a follow-up groups its åtgärder for a nämnd's report:
// per huvudområde or per nämnd/förvaltning.
type GroupBy int

// The groupings.
const (
	ByArea GroupBy = iota
	ByBoard
)

// ParseGroupBy reads a grouping as people write it: område (omrade, area,
// huvudområde) or nämnd (namnd, förvaltning, board), any case.
func ParseGroupBy(s string) (GroupBy, bool) {
	switch evaluation.FoldName(s) {
	case "omrade", "area", "huvudomrade":
		return ByArea, true
	case "namnd", "forvaltning", "namnd/forvaltning", "board":
		return ByBoard, true
	}
	return 0, false
}

// NoBoardLabel is the heading of the åtgärder without a nämnd/förvaltning.
const NoBoardLabel = "Ingen nämnd/förvaltning angiven"

// Label is the tally's heading: "5 Kontroll och rapportering", a nämnd's
// name, NoBoardLabel, or Totalt.
func (t Tally) Label() string {
	switch {
	case t.NoBoard:
		return NoBoardLabel
	case t.Board != "":
		return t.Board
	case t.Area != "":
		return strings.TrimSpace(t.Area + " " + t.Name)
	}
	return evaluation.TotalLabel
}

// Group is a huvudområde or a nämnd/förvaltning of a follow-up: its tally
// and its åtgärder as they stand.
type Group struct {
	Tally
	Actions []ActionState // in plan order
	// Without are the area's förbättringsområden without any åtgärd (none
	// when grouped by nämnd).
	Without []Unplanned
}

// Groups are the follow-up's åtgärder grouped per huvudområde (in the
// instrument's order) or per nämnd/förvaltning (in the plan's order, those
// without one last), each with its tally.
func (pr *Progress) Groups(by GroupBy) []Group {
	tallies := pr.Areas
	if by == ByBoard {
		tallies = pr.Boards
	}
	var out []Group
	for _, t := range tallies {
		g := Group{Tally: t}
		for _, it := range pr.Items {
			if by == ByArea && it.Area != t.Area {
				continue
			}
			for _, a := range it.Actions {
				if by == ByArea || evaluation.FoldName(a.Board) == evaluation.FoldName(t.Board) {
					g.Actions = append(g.Actions, a)
				}
			}
		}
		if by == ByArea {
			for _, u := range pr.Without {
				if u.Area == t.Area {
					g.Without = append(g.Without, u)
				}
			}
		}
		out = append(out, g)
	}
	return out
}
