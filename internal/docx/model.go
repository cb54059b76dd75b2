package docx

import "strings"

// Document is the body of a Word document as kompass reads it.
type Document struct {
	// Blocks are the body's paragraphs and tables in order. Empty
	// paragraphs are left out.
	Blocks []Block
	// Footnotes are the footnotes and endnotes the text refers to, in the
	// order of their first reference: Footnotes[i] is number i+1
	// (Run.Note).
	Footnotes [][]Run
	// Skipped lists what the document holds that is not read: pictures,
	// text boxes, a table inside a table's cell.
	Skipped []Skip
}

// Block is a paragraph or a table: exactly one of them is set.
type Block struct {
	Para  *Paragraph
	Table *Table
}

// Paragraph is one paragraph of the body with text.
type Paragraph struct {
	// N is the paragraph's number among the body's paragraphs with text,
	// from 1, as Word counts them in its statistics; messages name it.
	N int
	// Heading is the outline level of a heading, 1–9 (Rubrik 1 is 1), from
	// the paragraph's own outline level or its style's; 0 for body text.
	Heading int
	// Title marks the document's title (the style Title, "Rubrik" in
	// Swedish Word); it has Heading 1.
	Title bool
	// Style is the name of the paragraph's style as the document gives it.
	Style string
	// Label is the number Word shows before a numbered heading ("5", "2.1");
	// "" when it has none.
	Label string
	// List is set for an item of a bullet or numbered list.
	List *ListItem
	// TOC marks an entry of a table of contents (a TOC field).
	TOC  bool
	Runs []Run
}

// ListItem says where a paragraph stands in a list.
type ListItem struct {
	Level   int  // 0 for the first level
	Ordered bool // a numbered list, not a bullet list
	Number  int  // the item's number at its level, for a numbered list
}

// Run is a stretch of text in one style. A footnote's mark is a run of its
// own with Note set and no text.
type Run struct {
	Text         string // line breaks within a paragraph (Shift+Enter) are "\n", tabs "\t"
	Bold, Italic bool
	// Link is the web address the text links to, only when it is http,
	// https or mailto; a link of any other kind is dropped, its text kept.
	Link string
	Note int // the number of the footnote this mark refers to (Document.Footnotes)
}

// Text is the paragraph's text, footnote marks left out.
func (p *Paragraph) Text() string { return RunsText(p.Runs) }

// RunsText is the text of runs, footnote marks left out.
func RunsText(rs []Run) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Table is one table of the body: its rows as the text of their cells,
// each cell's paragraphs joined by a space. A cell spanning several
// columns is followed by empty cells for the columns it covers, so that
// rows keep their columns.
type Table struct {
	N     int // the table's number among the document's tables, from 1
	After int // the number of the paragraph before it, 0 at the start
	Rows  [][]string
}

// Skip is something of the document that is not read.
type Skip struct {
	Para int    // the paragraph it is in or follows
	What string // what it is, for people
	Text bool   // it holds text (a text box)
}
