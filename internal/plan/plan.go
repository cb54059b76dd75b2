// Package plan is the åtgärdsplan that follows an evaluation (issues 14
// and 23): one row per förbättringsområde of the evaluation, the åtgärder
// the kommun decides on for it (what, who and which nämnd, by when, its
// indikator and målvärde, which goal it serves), and per reporting occasion
// of the kommun's own styrmodell (months, tertial, delårsrapport,
// årsredovisning, or names of its own with a date) each åtgärd's status.
// The plan is a workbook of its own, written by `kompass plan` (with the
// åtgärder an earlier plan left unfinished carried over, --from), filled in
// by the kommun, checked by `kompass validate`, summed up by `kompass
// follow-up` (text, CSV, JSON, and a report for the nämnd as xlsx or HTML),
// and looked back on by the next evaluation's report.
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
	InProgress Status = "Pågår"
	NotDone    Status = "Ej genomförd"
	NotStarted Status = "Ej påbörjad"
)

// Statuses lists every status in the drop-down's order.
var Statuses = []Status{Done, Partly, InProgress, NotDone, NotStarted}

// Fulfilment is a status read as måluppfyllelse, the words of the kommun's
// own verksamhetsberättelse and årsredovisning: is the åtgärd carried out
// helt, delvis or inte alls?
type Fulfilment int

// The readings of måluppfyllelse; FulfilmentUnknown for an åtgärd not
// reported.
const (
	FulfilmentUnknown Fulfilment = iota
	Fully                        // helt: Genomförd
	PartlyFulfilled              // delvis: Delvis genomförd, Pågår
	NotAtAll                     // inte alls: Ej genomförd, Ej påbörjad
)

// Fulfilment is the status read as måluppfyllelse (docs/plan.md).
func (s Status) Fulfilment() Fulfilment {
	switch s {
	case Done:
		return Fully
	case Partly, InProgress:
		return PartlyFulfilled
	case NotDone, NotStarted:
		return NotAtAll
	}
	return FulfilmentUnknown
}

// Light is the traffic-light reading of an åtgärd at the standing, as the
// planning systems of kommuner show it: enligt plan (green), risk (yellow)
// or försenad (red). The rule is Reading's.
type Light int

// The readings, in order of concern.
const (
	OnTrack Light = iota + 1 // enligt plan
	AtRisk                   // risk
	Late                     // försenad
)

// Lights lists the readings in order.
var Lights = []Light{OnTrack, AtRisk, Late}

// String is the reading in Swedish, as every output writes it.
func (l Light) String() string {
	switch l {
	case OnTrack:
		return "Enligt plan"
	case AtRisk:
		return "Risk"
	case Late:
		return "Försenad"
	}
	return ""
}

// Counted is a number of åtgärder with the reading, in Swedish: "3 enligt
// plan", "1 försenad", "2 försenade".
func (l Light) Counted(n int) string {
	w := strings.ToLower(l.String())
	if l == Late && n != 1 {
		w = "försenade"
	}
	return strconv.Itoa(n) + " " + w
}

// Mark is the reading's sign, whose shape tells it apart without colour
// (in greyscale, on paper): a circle, a triangle, a square.
func (l Light) Mark() string {
	switch l {
	case OnTrack:
		return "●"
	case AtRisk:
		return "▲"
	case Late:
		return "■"
	}
	return ""
}

// Reading is an åtgärd's traffic light at the standing: s its status
// there, overdue whether its Klart senast has passed without Genomförd,
// due its Klart senast (zero: none) and next the date of the plan's next
// reporting occasion after the standing (zero: none).
//
//   - Försenad: overdue, or reported Ej genomförd.
//   - Risk: not reported; or not Genomförd and due by the next occasion;
//     or Ej påbörjad without a Klart senast.
//   - Enligt plan: Genomförd, or under way with time left.
func Reading(s Status, overdue bool, due, next time.Time) Light {
	switch {
	case s == Done:
		return OnTrack
	case overdue || s == NotDone:
		return Late
	case s == "":
		return AtRisk
	case due.IsZero():
		if s == NotStarted {
			return AtRisk
		}
		return OnTrack
	case !next.IsZero() && !due.After(next):
		return AtRisk
	}
	return OnTrack
}

// Plan is one åtgärdsplan: the evaluation it follows and its rows.
type Plan struct {
	File              string
	Kommun            string // as in the evaluation (evaluation.NormName)
	Year              int    // the year of the evaluation the plan follows
	InstrumentID      string
	InstrumentVersion string
	Decision          Decision   // the plan's decision, from the open part of Uppgifter
	Occasions         []Occasion // the reporting occasions, in time order
	Items             []Item     // one per förbättringsområde, in the evaluation's order
	// Cells says where each fact was read (label → cell), for messages.
	Cells map[string]string
}

// Decision is where and when the plan was decided (Beslut: instans,
// paragraf, datum), as the kommun writes it on Uppgifter; empty when not
// written.
type Decision struct {
	Body      string    // Beslutsinstans: Kommunstyrelsen
	Paragraph string    // Beslutsparagraf: § 48
	Date      time.Time // Beslutsdatum; zero if not given
}

// Occasion is one reporting occasion: "April 2008", "Augusti 2008",
// "Årsredovisning 2008".
type Occasion struct {
	Label string    // as the workbook's column header says
	Date  time.Time // the day it reports on: 30 April, 31 August, 31 December
}

// Item is one förbättringsområde of the evaluation and what is done about it.
type Item struct {
	Ref  string // stable reference: area id, "F" and the number within the area, e.g. "5.F2"; "2005:5.F2" carried over
	Area string // the area id
	Text string // the förbättringsområde, as in the evaluation
	// From is, for åtgärder carried over from the plan of an earlier
	// evaluation (kompass plan --from), that evaluation's year; 0 for the
	// plan's own förbättringsområden.
	From    int
	Actions []Action
	// Cell is the Ref cell of the item's first row, TextCell the cell its
	// Text was read from ("" when none), for messages.
	Cell, TextCell string
}

// Action is one åtgärd for a förbättringsområde: a row of the plan.
type Action struct {
	Text        string    // Åtgärd
	Responsible string    // Ansvarig
	Board       string    // Nämnd/förvaltning
	Priority    string    // Prioritet
	Due         time.Time // Klart senast; zero if not given
	Indicator   string    // Indikator
	Target      string    // Målvärde
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

// CarriedRef is the reference of a förbättringsområde of the evaluation of
// year, in a later plan that carries its åtgärder over: "2005:5.F2".
func CarriedRef(year int, ref string) string { return strconv.Itoa(year) + ":" + ref }

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
