// Package workbook reads and writes the evaluator's Excel workbook. An
// evaluation has one written shape: Write writes an evaluation.Evaluation
// with its instrument — the template made by `kompass template` is the
// Write of an evaluation holding only its kommun and year, and the
// samples, the consensus workbook and the tests' workbooks are the Write of
// theirs — and Read turns a filled-in workbook back into an
// evaluation.Evaluation plus the problems found in its cells. The facts of
// the sheet Uppgifter are one table (facts.go). The sheets' layout is
// described in docs/workbook.md; what every kompass workbook shares is in
// internal/sheet.
package workbook

// Sheet names, as the evaluator sees them.
const (
	SheetInstructions = "Instruktioner"
	SheetFacts        = "Uppgifter"
	SheetScores       = "Poäng"
	SheetNotes        = "Styrkor och förbättringsområden"
	SheetText         = "Bedömning" // the evaluators' text (template_text.go)
	SheetTables       = "Tabeller"  // small tables of the text
)

// SheetOrder is the order of the sheets in the workbook, used to sort
// problems the way a reader leafs through the file.
var SheetOrder = []string{SheetInstructions, SheetFacts, SheetScores, SheetNotes, SheetText, SheetTables}

// Column headers of the Poäng sheet. The reader finds columns by these
// names, so columns may be moved; ID and Poäng are required.
const (
	ColID      = "ID"
	ColText    = "Område / delfråga"
	ColMax     = "Maxpoäng"
	ColScore   = "Poäng"
	ColSum     = "Summa"
	ColComment = "Kommentar" // the evaluators' own note: never published
	// ColPublished is what the report prints beside the scores: a
	// correction or a reason the evaluators chose to publish.
	ColPublished = "Motivering i rapporten"
	// colAsNumber heads the hidden column of each Poäng as a number, which
	// the Summa formulas add up (template.go).
	colAsNumber = "Poäng som tal"
)

// DiscussMark starts the Kommentar of a score the consensus workbook marks
// for the evaluators' meeting; a report refuses a workbook that still has
// one (unless asked for a draft).
const DiscussMark = "ATT DISKUTERA"

// PublishedRule says in one sentence what a report publishes of the
// workbook and what it does not; the instructions say it, and
// docs/workbook.md says it at length.
const PublishedRule = "I rapporten publiceras poängen, uppgifterna (utom Status), styrkor och förbättringsområden, bladen Bedömning och Tabeller och kolumnen Motivering i rapporten – aldrig kolumnen Kommentar, som är er egen anteckning."

// Column headers of the Styrkor och förbättringsområden sheet.
const (
	ColNoteArea     = "Område"
	ColNoteAreaName = "Områdesnamn"
	ColNoteKind     = "Typ"
	ColNoteText     = "Text"
)

// Column headers of the Bedömning sheet, found by name like those of the
// other sheets.
const (
	ColTextSection = "Område" // an area id, Sammanfattning or Bakgrund
	ColTextKind    = "Typ"    // Rubrik or Stycke
	ColTextText    = "Text"
)

// TableMark is the text in column A of the row that starts a table on the
// Tabeller sheet; the Område is in column B and the title in column C. The
// next row is the table's header, and its rows follow up to a blank row.
const TableMark = "Tabell"

// noteRowsPerKind is how many rows per area and kind the template prepares.
// There are no open rows below them, so that an unused template prints no
// pages of empty rows: a longer list inserts rows, which the protection
// allows.
const noteRowsPerKind = 3

// MinYear and MaxYear bound the År of an evaluation, in the template's
// data validation and wherever a year is read.
const (
	MinYear = 1900
	MaxYear = 2100
)
