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
// sub-heading or the next table a row Tabell places; the text before the
// first sub-heading is a passage without one, and so is the text after a
// placed table. Lead, the first block under a heading, is printed on the
// same page as the heading, so that no page ends with a heading alone.
// Tables follow its text: those a row Tabell places at its end, and those
// whose label ("Tabell 1") the passage is the first to name.
type Passage struct {
	Heading string
	Lead    *markup.Block
	Rest    []markup.Block
	Tables  []Table
}

// Table is one of the evaluation's own tables (Tabell 1 and the like), its
// rows as wide as its widest row or header, and the notes printed under it.
type Table struct {
	Title  string
	Header []Cell
	Rows   [][]Cell
	Notes  []string
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

// prose gathers the text blocks and tables of one section of ev. A table
// stands where a row Tabell of Bedömning names it (evaluation.TableRef);
// a table no such row places follows the first passage that names its
// label, else the section's text.
func prose(ev *evaluation.Evaluation, section string) Prose {
	var p Prose
	tables := ev.TablesOf(section)
	placed := make([]bool, len(tables))
	byLabel := map[string]int{} // label key → the first table with it
	for i := len(tables) - 1; i >= 0; i-- {
		if l := evaluation.LabelKey(tables[i].Label()); l != "" {
			byLabel[l] = i
		}
	}
	split := false // the next block starts a passage of its own (after a placed table)
	for _, b := range ev.TextOf(section) {
		switch b.Kind {
		case evaluation.Heading:
			if h := markup.Line(b.Text); h != "" {
				p.Passages = append(p.Passages, Passage{Heading: h})
				split = false
			}
			continue
		case evaluation.TableRef:
			i, ok := byLabel[evaluation.LabelKey(evaluation.TableLabel(b.Text))]
			if !ok || placed[i] {
				continue // the validator names the row
			}
			placed[i] = true
			if len(p.Passages) == 0 {
				p.Passages = append(p.Passages, Passage{})
			}
			last := &p.Passages[len(p.Passages)-1]
			last.Tables = append(last.Tables, table(tables[i]))
			split = true
			continue
		}
		blocks := markup.Parse(b.Text)
		if len(blocks) == 0 {
			continue
		}
		if len(p.Passages) == 0 || split {
			p.Passages = append(p.Passages, Passage{})
			split = false
		}
		last := &p.Passages[len(p.Passages)-1]
		if last.Heading != "" && last.Lead == nil && len(last.Tables) == 0 {
			last.Lead, blocks = &blocks[0], blocks[1:]
		}
		last.Rest = append(last.Rest, blocks...)
	}
	if len(tables) == 0 {
		return p
	}
	first := namedFirst(p.Passages)
	for i, t := range tables {
		if placed[i] {
			continue
		}
		tb := table(t)
		if j, ok := first[labelNumber(tb.Title)]; ok {
			p.Passages[j].Tables = append(p.Passages[j].Tables, tb)
		} else {
			p.Tables = append(p.Tables, tb)
		}
	}
	return p
}

// tableNamed is a table named in the text: "… framgår av Tabell 1." (not
// "Tabell 12" for Tabell 1).
var tableNamed = regexp.MustCompile(`(?i)\btabell\s+(\d+)\b`)

// labelNumber is the number of a table's label ("1" of "Tabell 1
// Mandatfördelningen", evaluation.TableLabel); "-", which no text names,
// when its title has no label.
func labelNumber(title string) string {
	if f := strings.Fields(evaluation.TableLabel(title)); len(f) == 2 {
		return f[1]
	}
	return "-"
}

// namedFirst maps the number of every table the passages name to the
// first passage that names it. It reads each text once, so placing the
// tables takes time linear in the section's text, however many tables
// there are.
func namedFirst(ps []Passage) map[string]int {
	first := map[string]int{}
	see := func(i int, text string) {
		for _, m := range tableNamed.FindAllStringSubmatch(text, -1) {
			if _, ok := first[m[1]]; !ok {
				first[m[1]] = i
			}
		}
	}
	for i, p := range ps {
		see(i, p.Heading)
		if p.Lead != nil {
			see(i, p.Lead.Text())
		}
		for _, b := range p.Rest {
			see(i, b.Text())
		}
	}
	return first
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
	for _, n := range t.Notes {
		if n = markup.Line(n); n != "" {
			out.Notes = append(out.Notes, n)
		}
	}
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
