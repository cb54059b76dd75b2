// Package evaluation holds one evaluation as kompass understands it: the
// facts (kommun, år, instrument), the score typed for each area and
// delfråga, the styrkor and förbättringsområden, and where in the workbook
// each of them stands. Tally computes the poängsammanställning from the
// parts; typed area and total values are kept apart as "stated" values.
package evaluation

import (
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/points"
)

// TotalID is the id of the total row in the score sheet.
const TotalID = "TOTAL"

// TotalLabel is the name of the total row, on the score sheet and in every
// table; plain-text tables write it in capitals, as SKL's tables do.
const TotalLabel = "Totalt"

// Kind says whether an evaluation is of one kommun or a published mean,
// or one evaluator's own assessment of a kommun before the evaluators
// agree (a bedömning, never counted as an evaluation).
type Kind string

// Kinds of evaluation.
const (
	KindKommun     Kind = "kommun"
	KindMean       Kind = "medelvärde"
	KindAssessment Kind = "bedömning"
)

// Status says whether an evaluation is finished. A new workbook is a
// draft (Utkast) until the evaluators set it to Slutlig; a report of a
// draft says so on every page. A workbook without the fact (made before it
// existed) is final: its results were published as they stand.
type Status string

// Statuses, as written in the workbook.
const (
	StatusDraft Status = "Utkast"
	StatusFinal Status = "Slutlig"
)

// Evaluation is one workbook: one kommun, one year, one instrument version.
type Evaluation struct {
	File       string
	Facts      Facts
	Entries    []Entry     // score rows in sheet order, one per id (duplicates dropped)
	Notes      []Note      // styrkor and förbättringsområden in sheet order
	Text       []TextBlock // the Bedömning sheet, in order (text.go)
	Tables     []Table     // the Tabeller sheet, in order
	Instrument *instrument.Instrument
	// ScoresUnread is set when the score sheet is missing or could not be
	// read; the reader has said why, and nothing is known about the scores.
	ScoresUnread bool
}

// Facts are the evaluation's facts from the Uppgifter sheet.
type Facts struct {
	Kommun            string
	Year              int
	InstrumentID      string
	InstrumentVersion string
	Kind              Kind
	Status            Status // "" when the workbook has no row Status: final
	Evaluators        string
	Assessor          string // Bedömare: the evaluator whose own bedömning this is
	Dates             string
	Sources           string
	Interviews        int    // the number of interviews (Antal intervjuer); 0 if not given
	Interviewed       string // who was interviewed (Intervjuade), as written
	// Cells says where each fact was read (label → cell), for messages;
	// Raw holds the text found there, before parsing.
	Cells map[string]string
	Raw   map[string]string
}

// Entry is one row of the score sheet.
type Entry struct {
	ID     string
	Score  points.P
	Scored bool // false when the Poäng cell is empty or unreadable
	// Unreadable is set when the Poäng cell holds something that is not a
	// number (text, a formula, a date, TRUE, a merged cell…); the reader
	// has reported it.
	Unreadable  bool
	Comment     string // the Kommentar cell: the evaluators' own note, never published
	CommentCell string // where it is, "" when the sheet has no Kommentar column
	// Published is the Motivering i rapporten cell: a correction or reason
	// the evaluators chose to print in the report.
	Published     string
	PublishedCell string
	// Text is set when the score was read from a cell holding text ("7,5"
	// typed where Excel keeps it as text), which sums in the sheet skip.
	Text   bool
	Cell   string // the Poäng cell, e.g. "D7"
	IDCell string // the ID cell, e.g. "A7"
	Row    int
}

// NoteKind is styrka or förbättringsområde.
type NoteKind string

// Note kinds, as written in the workbook.
const (
	Strength    NoteKind = "Styrka"
	Improvement NoteKind = "Förbättringsområde"
)

// Note is one styrka or förbättringsområde of an area.
type Note struct {
	Area     string
	Kind     NoteKind
	Text     string
	Cell     string // the Text cell
	AreaCell string // the Område cell
}

// Draft reports whether the evaluation is a draft (Status Utkast).
func (f Facts) Draft() bool { return f.Status == StatusDraft }

// Entry returns the row for id.
func (e *Evaluation) Entry(id string) (Entry, bool) {
	for _, en := range e.Entries {
		if en.ID == id {
			return en, true
		}
	}
	return Entry{}, false
}

// Label is "Kommun år" for messages and titles.
func (e *Evaluation) Label() string {
	if e.Facts.Year == 0 {
		return e.Facts.Kommun
	}
	return e.Facts.Kommun + " " + itoa(e.Facts.Year)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
