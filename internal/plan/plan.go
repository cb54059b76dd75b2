// Package plan is the åtgärdsplan that follows an evaluation (issue 14):
// one row per förbättringsområde of the evaluation, the åtgärder the kommun
// decides on for it (what, who, by when, which goal it serves), and per
// reporting occasion (by default april, augusti and årsredovisning of each
// year until the next evaluation) each åtgärd's status. The plan is a
// workbook of its own, written by `kompass plan`, filled in by the kommun,
// checked by `kompass validate`, summed up by `kompass follow-up`, and looked
// back on by the next evaluation's report.
package plan

import (
	"strconv"
	"strings"
	"time"

	"github.com/kompass-dev/kompass/internal/evaluation"
)

// Status is an åtgärd's state at a reporting occasion, as written in the
// workbook (a drop-down list there).
type Status string

// The statuses, in the order the drop-down lists them. "" is not reported.
const (
	Done       Status = "Genomförd"
	Partly     Status = "Delvis genomförd"
	NotDone    Status = "Ej genomförd"
	NotStarted Status = "Ej påbörjad"
)

// Statuses lists every status in the drop-down's order.
var Statuses = []Status{Done, Partly, NotDone, NotStarted}

// Plan is one åtgärdsplan: the evaluation it follows and its rows.
type Plan struct {
	File              string
	Kommun            string // as in the evaluation (evaluation.NormName)
	Year              int    // the year of the evaluation the plan follows
	InstrumentID      string
	InstrumentVersion string
	Occasions         []Occasion // the reporting occasions, in time order
	Items             []Item     // one per förbättringsområde, in the evaluation's order
	// Cells says where each fact was read (label → cell), for messages.
	Cells map[string]string
}

// Occasion is one reporting occasion: "April 2008", "Augusti 2008",
// "Årsredovisning 2008".
type Occasion struct {
	Label string    // as the workbook's column header says
	Date  time.Time // the day it reports on: 30 April, 31 August, 31 December
}

// Item is one förbättringsområde of the evaluation and what is done about it.
type Item struct {
	Ref     string // stable reference: area id, "F" and the number within the area, e.g. "5.F2"
	Area    string // the area id
	Text    string // the förbättringsområde, as in the evaluation
	Actions []Action
	// Cell is the Ref cell of the item's first row, TextCell the cell its
	// Text was read from ("" when none), for messages.
	Cell, TextCell string
}

// Action is one åtgärd for a förbättringsområde: a row of the plan.
type Action struct {
	Text        string    // Åtgärd
	Responsible string    // Ansvarig
	Due         time.Time // Klart senast; zero if not given
	Goal        string    // Koppling till mål
	Reports     []Report  // one per occasion of the plan, in its order
	Row         int       // the row of the Åtgärdsplan sheet, for messages
}

// Report is an åtgärd's status and comment at one occasion.
type Report struct {
	Status  Status // "" when not reported
	Comment string
	Cell    string // the Status cell, for messages
}

// Ref is the stable reference of the n-th (1-based) förbättringsområde of
// an area: "5.F2".
func Ref(area string, n int) string { return area + ".F" + strconv.Itoa(n) }

// Refs numbers the förbättringsområden of an evaluation the way a plan
// refers to them: per area, in the order of the workbook. The result maps
// each reference to its note, and lists the references in order.
func Refs(ev *evaluation.Evaluation) (map[string]evaluation.Note, []string) {
	byRef := map[string]evaluation.Note{}
	var order []string
	n := map[string]int{}
	for _, note := range ev.Notes {
		if note.Kind != evaluation.Improvement {
			continue
		}
		n[note.Area]++
		r := Ref(note.Area, n[note.Area])
		byRef[r] = note
		order = append(order, r)
	}
	return byRef, order
}

// Of reports whether the plan follows the evaluation: same kommun (by its
// identity), year and instrument.
func (p *Plan) Of(ev *evaluation.Evaluation) bool {
	return evaluation.NameKey(p.Kommun) == evaluation.NameKey(ev.Facts.Kommun) && p.Year == ev.Facts.Year &&
		strings.EqualFold(p.InstrumentID, ev.Facts.InstrumentID)
}
