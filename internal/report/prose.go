package report

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/markup"
)

// Prose is the evaluators' own text for one section of the report (the
// background, the summary or an area): its passages in the order written,
// and the tables that no passage names, shown after them.
type Prose struct {
	Passages []Passage
	Tables   []Table
}

// Passage is a sub-heading and the text under it, up to the next
// sub-heading; the text before the first sub-heading is a passage without
// one. Lead, the first block under a heading, is printed on the same page
// as the heading, so that no page ends with a heading alone. Tables are
// the section's tables whose label ("Tabell 1") the passage is the first
// to name: they follow its text.
type Passage struct {
	Heading string
	Lead    *markup.Block
	Rest    []markup.Block
	Tables  []Table
}

// Table is one of the evaluation's own tables (Tabell 1 and the like), its
// rows as wide as its widest row or header.
type Table struct {
	Title  string
	Header []Cell
	Rows   [][]Cell
	// No is the table's number in the report (numberTables); Labelled is
	// set when its title starts with that label ("Tabell 1 …") already.
	No       int
	Labelled bool
}

// Cell is one cell of a Table; Num cells are set right-aligned.
type Cell struct {
	Text string
	Num  bool
}

// prose gathers the text blocks and tables of one section of ev.
func prose(ev *evaluation.Evaluation, section string) Prose {
	var p Prose
	for _, b := range ev.TextOf(section) {
		if b.Kind == evaluation.Heading {
			if h := markup.Line(b.Text); h != "" {
				p.Passages = append(p.Passages, Passage{Heading: h})
			}
			continue
		}
		blocks := markup.Parse(b.Text)
		if len(blocks) == 0 {
			continue
		}
		if len(p.Passages) == 0 {
			p.Passages = append(p.Passages, Passage{})
		}
		last := &p.Passages[len(p.Passages)-1]
		if last.Heading != "" && last.Lead == nil {
			last.Lead, blocks = &blocks[0], blocks[1:]
		}
		last.Rest = append(last.Rest, blocks...)
	}
	for _, t := range ev.TablesOf(section) {
		tb := table(t)
		if i := namedIn(p.Passages, tb.Title); i >= 0 {
			p.Passages[i].Tables = append(p.Passages[i].Tables, tb)
		} else {
			p.Tables = append(p.Tables, tb)
		}
	}
	return p
}

var tableLabel = regexp.MustCompile(`^(?i)tabell\s+\d+`)

// namedIn returns the first passage that names the table with the title
// by its label: "Tabell 1 Mandatfördelningen" is named by "… framgår av
// Tabell 1." (not by "Tabell 12"). It returns -1 when the title has no
// label or no passage names it.
func namedIn(ps []Passage, title string) int {
	label := tableLabel.FindString(title)
	if label == "" {
		return -1
	}
	named := regexp.MustCompile(`(?i)\b` + strings.Join(strings.Fields(regexp.QuoteMeta(label)), `\s+`) + `\b`)
	for i, p := range ps {
		texts := []string{p.Heading}
		if p.Lead != nil {
			texts = append(texts, p.Lead.Text())
		}
		for _, b := range p.Rest {
			texts = append(texts, b.Text())
		}
		for _, t := range texts {
			if named.MatchString(t) {
				return i
			}
		}
	}
	return -1
}

func table(t evaluation.Table) Table {
	width := len(t.Header)
	for _, r := range t.Rows {
		width = max(width, len(r))
	}
	cells := func(texts []string) []Cell {
		out := make([]Cell, width)
		for i, s := range texts {
			s = markup.Line(s)
			out[i] = Cell{Text: s, Num: numeric(s)}
		}
		return out
	}
	out := Table{Title: markup.Line(t.Title)}
	if len(t.Header) > 0 {
		out.Header = cells(t.Header)
	}
	for _, r := range t.Rows {
		out.Rows = append(out.Rows, cells(r))
	}
	return out
}

// numeric reports whether a cell reads as a number ("26", "7,5", "−3",
// "12 %", "3*" with its footnote mark).
func numeric(s string) bool {
	digits := 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case strings.ContainsRune(" \u00a0,.+-−–%*", r):
		default:
			return false
		}
	}
	return digits > 0
}

// Empty reports whether the section has no text and no table.
func (p Prose) Empty() bool { return len(p.Passages) == 0 && len(p.Tables) == 0 }
