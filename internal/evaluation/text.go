package evaluation

import (
	"regexp"
	"strings"
)

// The evaluation's own words (issue 12): an SKL analysis is mostly text —
// a summary of the whole evaluation, a background on the kommun, and per
// huvudområde several pages of assessment under sub-headings — with small
// tables such as Tabell 1 (the seats in kommunfullmäktige). It lives in the
// workbook beside the scores, on the sheets Bedömning and Tabeller, and is
// never required.

// Sections that text belongs to besides an area id.
const (
	SectionSummary    = "Sammanfattning" // the evaluation as a whole
	SectionBackground = "Bakgrund"       // facts about the kommun
)

// TextKind says what a row of the Bedömning sheet is.
type TextKind string

// Kinds of text row, as written in the workbook. A TableRef row places a
// table of the section where it stands: its Text is the table's label
// ("Tabell 1"), the start of the table's title.
const (
	Heading   TextKind = "Rubrik"
	Paragraph TextKind = "Stycke"
	TableRef  TextKind = "Tabell"
)

// TextBlock is one row of the Bedömning sheet, in the order written: a
// sub-heading, or a paragraph that may hold simple emphasis (*kursiv*,
// **fet**) and bullet lists (lines that start with "- " or "• "), as
// evaluators type them in a cell.
type TextBlock struct {
	Section string   // an area id, SectionSummary or SectionBackground
	Kind    TextKind // Heading or Paragraph; as written when it is neither
	Text    string
	Cell    string // the Text cell, for messages
	// SectionCell and KindCell are the Område and Typ cells of the row.
	SectionCell, KindCell string
}

// Table is a small table of the evaluation from the Tabeller sheet: a
// title, a header row and data rows of the same width, and the notes
// printed under it (a source, an explanation of a mark).
type Table struct {
	Section string // as for TextBlock
	Title   string
	Header  []string
	Rows    [][]string
	Notes   []string // "Källa: …", "* …"
	Cell    string   // the title cell
	// Where the table stands, for messages: the cells of its mark
	// ("Tabell") and its Område, and the first cell of its header and of
	// each row (Rows[i] begins at RowCells[i]).
	MarkCell, SectionCell, HeaderCell string
	RowCells                          []string
}

// tableLabel is a table's label at the start of its title.
var tableLabel = regexp.MustCompile(`^(?i:tabell)\s+\d{1,4}\b`)

// Label is the table's label, the start of its title: "Tabell 1" of
// "Tabell 1 Mandatfördelningen i KF"; "" when the title has none.
func (t Table) Label() string { return TableLabel(t.Title) }

// TableLabel is the label a text starts with ("Tabell 1"), "" when none.
func TableLabel(s string) string { return tableLabel.FindString(strings.TrimSpace(s)) }

// LabelKey is a label as labels are compared: case and spaces do not
// matter ("TABELL  1" is "tabell 1").
func LabelKey(label string) string { return strings.ToLower(strings.Join(strings.Fields(label), " ")) }

// TextOf returns the blocks of one section, in order.
func (e *Evaluation) TextOf(section string) []TextBlock {
	return inSection(e.Text, func(b TextBlock) string { return b.Section }, section)
}

// TablesOf returns the tables of one section, in order.
func (e *Evaluation) TablesOf(section string) []Table {
	return inSection(e.Tables, func(t Table) string { return t.Section }, section)
}

func inSection[T any](xs []T, sectionOf func(T) string, section string) []T {
	var out []T
	for _, x := range xs {
		if sectionOf(x) == section {
			out = append(out, x)
		}
	}
	return out
}
