// Package analysis places an evaluation's analysis, written in Word and
// read by internal/docx, into the evaluation's text: the rows of the sheet
// Bedömning and the tables of Tabeller (evaluation.TextBlock,
// evaluation.Table). The rules (docs/workbook.md, "Importing a Word
// document"):
//
//   - A heading that names a part starts it: an area ("Område 5", "5
//     Kontroll och rapportering", or the area's name alone, case, accents and
//     punctuation ignored), Sammanfattning or Bakgrund (the word alone,
//     after a chapter number if there is one). The heading itself is not
//     written: the report makes its own.
//   - A heading deeper than the one that started the part is a Rubrik of
//     the part; "Sammanfattning" or "Bakgrund" that deep is a Rubrik too.
//     A heading as high as the part's, or higher, that names no part ends
//     the part: it and what follows it, up to the next part, cannot be
//     placed.
//   - Each paragraph is a Stycke, its bold and italic written as **fet** and
//     *kursiv*, its links as [text](address) (only http, https and mailto
//     addresses are kept); consecutive items of Word's lists are one Stycke
//     with a line per item, "- " for a bullet and "1. " for a numbered
//     one. A footnote's mark is a raised number (¹) and its text a Stycke
//     after the paragraph ("¹ Källa: …").
//   - A table goes onto Tabeller, and a row Tabell with its label on
//     Bedömning where it stood. Its title is the paragraph just before or
//     after it that starts with "Tabell N"; without one it is "Tabell N",
//     N its number in the document. Paragraphs right after it that start
//     with "Källa:", "Not:" or "*" are its notes.
//   - What cannot be placed — text before the first part, a heading that
//     names no part and what follows it, the entries of a table of
//     contents — is listed with its paragraph number (Unplaced), never
//     dropped in silence.
package analysis

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/kompass-dev/kompass/internal/docx"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/instrument"
	"github.com/kompass-dev/kompass/internal/markup"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// Placed is a document placed into an evaluation's text.
type Placed struct {
	Text   []evaluation.TextBlock
	Tables []evaluation.Table
	// Unplaced lists what could not be placed, in the document's order.
	Unplaced []Unplaced
	// Skipped lists what the document holds that was not read (pictures,
	// text boxes), from docx.Document.Skipped.
	Skipped []docx.Skip
}

// Unplaced is a stretch of the document that could not be placed: the
// paragraphs From…To (a table has its number in Table instead).
type Unplaced struct {
	From, To int
	Table    int
	Text     string // the start of its text, for people
	Why      string // why, for people
}

// Place places the document's text into the parts of the instrument's
// evaluation.
func Place(doc *docx.Document, in *instrument.Instrument) Placed {
	p := &placer{in: in, doc: doc, out: Placed{Skipped: doc.Skipped}, labels: map[string]bool{}}
	for _, b := range doc.Blocks {
		if b.Para != nil {
			if l := evaluation.TableLabel(markup.Line(b.Para.Text())); l != "" {
				p.labels[evaluation.LabelKey(l)] = true
			}
		}
	}
	for i := 0; i < len(doc.Blocks); i++ {
		b := doc.Blocks[i]
		if b.Table != nil {
			i += p.table(b.Table, doc.Blocks[i+1:])
			continue
		}
		p.paragraph(b.Para)
	}
	p.flushList()
	return p.out
}

type placer struct {
	in  *instrument.Instrument
	doc *docx.Document
	out Placed

	section   string // the part being read; "" when none
	level     int    // the heading level that started it
	closedBy  string // the heading that ended the last part, for messages
	started   bool   // whether any part has started
	list      []string
	doneNotes map[int]bool    // the footnotes written
	labels    map[string]bool // the table labels the document's paragraphs start with (evaluation.LabelKey)
}

// whyBefore is why text before the first part cannot be placed.
func whyBefore() string {
	return msg.T("it comes before the first heading that names a part (a huvudområde, Sammanfattning or Bakgrund)")
}

func (p *placer) paragraph(para *docx.Paragraph) {
	switch {
	case para.TOC:
		p.flushList()
		p.unplaced(para.N, 0, para.Text(), msg.T("it is an entry of the table of contents, which the report makes itself"))
		return
	case para.Heading > 0:
		p.flushList()
		p.heading(para)
		return
	}
	if p.section == "" {
		p.flushList()
		p.unplaced(para.N, 0, para.Text(), p.whyOutside())
		return
	}
	text := p.inline(para.Runs)
	if para.List != nil {
		mark := "- "
		if para.List.Ordered {
			mark = strconv.Itoa(para.List.Number) + ". "
		}
		p.list = append(p.list, mark+text)
		p.notes(para.Runs)
		return
	}
	p.flushList()
	p.add(evaluation.Paragraph, text)
	p.notes(para.Runs)
}

// whyOutside is why text outside any part cannot be placed.
func (p *placer) whyOutside() string {
	if !p.started {
		return whyBefore()
	}
	return msg.Sprintf("it follows the heading %q, which names no part and ends the part before it", p.closedBy)
}

func (p *placer) heading(para *docx.Paragraph) {
	text := markup.Line(para.Text())
	if para.Label != "" {
		text = markup.Line(para.Label + " " + text)
	}
	sec := Part(text, p.in)
	deeper := p.section != "" && para.Heading > p.level
	switch {
	case sec != "" && !(deeper && (sec == evaluation.SectionSummary || sec == evaluation.SectionBackground)):
		p.section, p.level, p.started = sec, para.Heading, true
	case deeper:
		p.add(evaluation.Heading, text)
	case !p.started:
		p.unplaced(para.N, 0, text, whyBefore())
	default:
		p.section, p.closedBy = "", text
		p.unplaced(para.N, 0, text, msg.T("it is a heading that names no part (a huvudområde, Sammanfattning or Bakgrund) and is not below the heading of the part before it, so it ends that part"))
	}
}

func (p *placer) add(kind evaluation.TextKind, text string) {
	if text == "" {
		return
	}
	p.out.Text = append(p.out.Text, evaluation.TextBlock{Section: p.section, Kind: kind, Text: text})
}

func (p *placer) flushList() {
	if len(p.list) > 0 {
		p.add(evaluation.Paragraph, strings.Join(p.list, "\n"))
		p.list = nil
	}
}

// unplaced lists text that cannot be placed, joining it to the stretch
// before when that is the paragraph just before for the same reason.
func (p *placer) unplaced(n, table int, text, why string) {
	if k := len(p.out.Unplaced); k > 0 && table == 0 {
		last := &p.out.Unplaced[k-1]
		if last.Table == 0 && last.To == n-1 && last.Why == why {
			last.To = n
			return
		}
	}
	p.out.Unplaced = append(p.out.Unplaced, Unplaced{From: n, To: n, Table: table, Text: excerpt(text), Why: why})
}

// excerpt is the start of a text, for a message.
func excerpt(s string) string {
	s = markup.Line(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// superscripts are the raised digits of a footnote's mark.
var superscripts = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

// noteMark is a footnote's number as raised digits: 12 → "¹²".
func noteMark(n int) string {
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteRune(superscripts[d-'0'])
	}
	return b.String()
}

// notes writes the footnotes the runs refer to, each a Stycke after the
// paragraph, the first time it is referred to.
func (p *placer) notes(runs []docx.Run) {
	for _, r := range runs {
		if r.Note > 0 && r.Note <= len(p.doc.Footnotes) && !p.noteDone(r.Note) {
			p.flushList()
			p.add(evaluation.Paragraph, noteMark(r.Note)+" "+strings.TrimSpace(p.inline(p.doc.Footnotes[r.Note-1])))
		}
	}
}

// noteDone reports whether the footnote was written, marking it so.
func (p *placer) noteDone(n int) bool {
	if p.doneNotes == nil {
		p.doneNotes = map[int]bool{}
	}
	done := p.doneNotes[n]
	p.doneNotes[n] = true
	return done
}

// inline writes a paragraph's runs as markup: one line, emphasis and
// links in the markup's syntax, a footnote as its raised number.
func (p *placer) inline(runs []docx.Run) string {
	var ms []markup.Run
	for _, r := range runs {
		if r.Note > 0 {
			ms = append(ms, markup.Run{Text: noteMark(r.Note)})
			continue
		}
		ms = append(ms, markup.Run{Text: oneLine(r.Text), Em: r.Italic, Strong: r.Bold, Link: r.Link})
	}
	return markup.Line(markup.Write(ms))
}

// oneLine makes a paragraph's line breaks and tabs spaces: in a cell, a
// line break would start a new paragraph.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// table places a table and the paragraphs around it that belong to it
// (its title, if it follows, and its notes); it returns how many of the
// blocks after it it took.
func (p *placer) table(t *docx.Table, after []docx.Block) int {
	p.flushList()
	if p.section == "" {
		p.unplaced(0, t.N, strings.Join(t.Rows[0], " | "), p.whyOutside())
		return 0
	}
	tb := evaluation.Table{Section: p.section}
	// Its title: the Stycke just before, or the paragraph just after.
	if n := len(p.out.Text); n > 0 && p.out.Text[n-1].Section == p.section && p.out.Text[n-1].Kind == evaluation.Paragraph &&
		evaluation.TableLabel(markup.Line(p.out.Text[n-1].Text)) != "" && t.After > 0 {
		tb.Title = markup.Line(p.plainText(p.out.Text[n-1].Text))
		p.out.Text = p.out.Text[:n-1]
	}
	taken := 0
	if tb.Title == "" && len(after) > 0 && after[0].Para != nil && after[0].Para.Heading == 0 && after[0].Para.List == nil &&
		evaluation.TableLabel(markup.Line(after[0].Para.Text())) != "" {
		tb.Title = markup.Line(after[0].Para.Text())
		taken++
	}
	if tb.Title == "" {
		// A table without a title is named by its number in the document,
		// or the next number no title of the document uses.
		n := t.N
		for p.labels[evaluation.LabelKey("Tabell "+strconv.Itoa(n))] {
			n++
		}
		tb.Title = "Tabell " + strconv.Itoa(n)
		p.labels[evaluation.LabelKey(tb.Title)] = true
	}
	for _, b := range after[taken:] {
		if b.Para == nil || b.Para.Heading > 0 || b.Para.List != nil || !workbook.TableNote(b.Para.Text()) {
			break
		}
		tb.Notes = append(tb.Notes, markup.Line(b.Para.Text()))
		taken++
	}
	rows := cells(t.Rows)
	tb.Header, tb.Rows = rows[0], rows[1:]
	p.out.Tables = append(p.out.Tables, tb)
	p.add(evaluation.TableRef, tb.Label())
	return taken
}

// plainText is markup's text without its marks, for a title.
func (p *placer) plainText(s string) string {
	var b strings.Builder
	for i, bl := range markup.Parse(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(bl.Text())
	}
	return b.String()
}

// cells makes a table's rows as wide as its widest, the last cell of each
// row never empty ("–"), since the reader takes a row to end at its last
// cell with text.
func cells(rows [][]string) [][]string {
	width := 0
	for _, r := range rows {
		for i, c := range r {
			if markup.Line(c) != "" {
				width = max(width, i+1)
			}
		}
	}
	width = max(width, 1)
	out := make([][]string, len(rows))
	for i, r := range rows {
		row := make([]string, width)
		for j := range row {
			if j < len(r) {
				row[j] = markup.Line(r[j])
			}
		}
		if row[width-1] == "" {
			row[width-1] = "–"
		}
		out[i] = row
	}
	return out
}

// Part is the part of an evaluation a heading names: an area id of the
// instrument, evaluation.SectionSummary or evaluation.SectionBackground;
// "" when it names none. See the package comment for the forms.
func Part(heading string, in *instrument.Instrument) string {
	words := strings.Fields(fold(heading))
	// a chapter number before it ("2", "3.5")
	for len(words) > 1 && isNumber(words[0]) {
		words = words[1:]
	}
	rest := strings.Join(words, " ")
	switch rest {
	case fold(evaluation.SectionSummary):
		return evaluation.SectionSummary
	case fold(evaluation.SectionBackground):
		return evaluation.SectionBackground
	}
	if len(words) >= 2 && (words[0] == "omrade" || words[0] == "huvudomrade") {
		if a, ok := in.Area(words[1]); ok {
			return a.ID
		}
	}
	for _, a := range in.Areas {
		if rest == fold(a.Name) {
			return a.ID
		}
	}
	return ""
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// fold makes a heading comparable: evaluation.FoldName's case and accent
// folding, every character but letters and digits a space, and a number's
// parts ("3.5") joined by a space.
func fold(s string) string {
	s = evaluation.FoldName(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}), " ")
}
