package docx

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kompass-dev/kompass/internal/markup"
	"github.com/kompass-dev/kompass/internal/msg"
)

// fieldLink reads a HYPERLINK field's instruction (HYPERLINK "url" \o
// "tip"); "" when it is another field or a link within the document.
func fieldLink(instr string) string {
	f := strings.Fields(instr)
	if len(f) < 2 || !strings.EqualFold(f[0], "HYPERLINK") {
		return ""
	}
	rest := strings.TrimSpace(instr[strings.Index(instr, f[0])+len(f[0]):])
	if strings.HasPrefix(rest, `\l`) {
		return "" // a bookmark in this document
	}
	if strings.HasPrefix(rest, `"`) {
		if end := strings.Index(rest[1:], `"`); end >= 0 {
			return markup.SafeLink(rest[1 : end+1])
		}
		return ""
	}
	return markup.SafeLink(strings.Fields(rest)[0])
}

// field is a complex field (fldChar begin … separate … end) being read.
type field struct {
	instr  strings.Builder
	result bool   // past its separator: what follows is shown
	link   string // for a HYPERLINK field
	toc    bool
}

// maxFields bounds how deep complex fields nest; deeper ones are read as
// text without their meaning.
const maxFields = 64

// parser reads the paragraphs and tables of a part: the body of the
// document, or the notes.
type parser struct {
	part  string
	lim   Limits
	st    *styles
	num   *numbering
	links map[string]string // relationship id → safe address
	notes map[string]map[string][]Run
	count *counter
	doc   *Document
	// noteIDs numbers the notes referred to: kind and id → number.
	noteIDs map[string]int

	// the paragraph being read
	inPara              bool
	tail                strings.Builder // the text of the last run, while open
	open                bool            // the last run takes more text
	pStyle, pOutline    string
	pNumID, pIlvl       string
	hasNumPr            bool
	inPPr, inRPr        bool
	runs                []Run
	textLen             int
	run                 Run
	hidden              bool
	rStyle              string
	bold, italic        *bool
	inText              bool
	skip                int    // depth inside an element whose text is not read
	skipWhat            string // the local name of the skipped element
	skipText            bool   // text was found inside the skipped element
	paraN               int
	hyper               []string // links of the hyperlink and fldSimple elements around
	fields              []*field
	instr               bool // inside w:instrText
	tocPara             bool
	cells               int
	tables              int
	inNotes             bool
	depthOfSkip         int
	elementDepth        int
	table               *Table
	tableDepth          int
	row                 []string
	cell                strings.Builder
	inCell, cellHasText bool
	span                int
	nested              bool // the table holds a table in a cell
}

func newParser(part string, lim Limits, st *styles, num *numbering, links map[string]string) *parser {
	safe := map[string]string{}
	for id, u := range links {
		if s := markup.SafeLink(u); s != "" {
			safe[id] = s
		}
	}
	return &parser{part: part, lim: lim, st: st, num: num, links: safe, count: &counter{}, doc: &Document{}, noteIDs: map[string]int{}}
}

// readBody reads the main part.
func readBody(part string, data []byte, lim Limits, st *styles, num *numbering, links map[string]string, notes map[string]map[string][]Run) (*Document, error) {
	p := newParser(part, lim, st, num, links)
	p.notes = notes
	root := ""
	err := walk(part, data, lim, func(e event) error {
		if root == "" && e.start {
			root = e.local
			if root != "document" {
				return msg.Errorf("%w: its main part %s is no Word document (its root is <%s>)", ErrNotDocx, part, root)
			}
		}
		return p.event(e)
	})
	if err != nil {
		return nil, errorAt(part, err)
	}
	return p.doc, nil
}

// readNotes reads footnotes.xml or endnotes.xml: each note's paragraphs
// as one run of text, paragraphs joined by a space.
func readNotes(part, kind string, data []byte, lim Limits, st *styles, num *numbering, links map[string]string) (map[string][]Run, error) {
	out := map[string][]Run{}
	p := newParser(part, lim, st, num, links)
	p.inNotes = true
	var id string
	var runs []Run
	keep := false
	err := walk(part, data, lim, func(e event) error {
		if e.start && e.local == kind {
			id, runs = e.attr("id"), nil
			// Separators are Word's own lines between text and notes.
			keep = e.attr("type") == "" || e.attr("type") == "normal"
			p.doc.Blocks = p.doc.Blocks[:0]
		}
		if err := p.event(e); err != nil {
			return err
		}
		if e.end && e.local == kind {
			for _, b := range p.doc.Blocks {
				if b.Para == nil {
					continue
				}
				if len(runs) > 0 {
					runs = append(runs, Run{Text: " "})
				}
				runs = append(runs, b.Para.Runs...)
			}
			if keep && id != "" && len(out) < lim.MaxFootnotes {
				if _, dup := out[id]; !dup {
					out[id] = runs
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, errorAt(part, err)
	}
	return out, nil
}

// skipped are the elements whose text is not read; those that hold
// something a reader sees are named (skipWhat).
var skipped = map[string]bool{
	"del": true, "moveFrom": true, "delText": true, "sdtPr": true, "sdtEndPr": true, "Fallback": true,
	"drawing": true, "pict": true, "object": true, "commentReference": true, "annotationRef": true,
	// the properties before a tracked change, which no longer hold
	"pPrChange": true, "rPrChange": true, "numberingChange": true, "tblPrChange": true, "trPrChange": true, "tcPrChange": true, "sectPrChange": true,
}

// skipWhat names a skipped element that a reader sees; "" for the others.
func skipWhat(local string, withText bool) string {
	switch {
	case withText && (local == "drawing" || local == "pict" || local == "object"):
		return msg.T("a text box or drawing with text")
	case local == "drawing" || local == "pict":
		return msg.T("a picture or drawing")
	case local == "object":
		return msg.T("an embedded object")
	}
	return ""
}

func (p *parser) event(e event) error {
	switch {
	case e.start:
		p.elementDepth++
		if p.skip > 0 {
			if e.local == "t" {
				p.inText = true
			}
			return nil
		}
		if skipped[e.local] {
			p.skip, p.skipWhat, p.skipText, p.depthOfSkip = 1, e.local, false, p.elementDepth
			return nil
		}
		return p.start(e)
	case e.end:
		defer func() { p.elementDepth-- }()
		if p.skip > 0 {
			if e.local == "t" {
				p.inText = false
			}
			if p.elementDepth == p.depthOfSkip {
				p.skip = 0
				if what := skipWhat(p.skipWhat, p.skipText); what != "" {
					p.doc.Skipped = append(p.doc.Skipped, Skip{Para: p.paraN + 1, What: what, Text: p.skipText})
				}
			}
			return nil
		}
		return p.end(e)
	default:
		if p.skip > 0 {
			if p.inText && len(strings.TrimSpace(string(e.text))) > 0 {
				p.skipText = true
			}
			return nil
		}
		if p.instr && len(p.fields) > 0 {
			f := p.fields[len(p.fields)-1]
			if f.instr.Len()+len(e.text) <= 4096 {
				f.instr.Write(e.text)
			}
			return nil
		}
		if p.inText && p.inPara {
			return p.addText(string(e.text))
		}
	}
	return nil
}

func (p *parser) start(e event) error {
	switch e.local {
	case "tbl":
		p.tableDepth++
		if p.tableDepth == 1 {
			p.tables++
			p.table = &Table{N: p.tables, After: p.paraN}
		} else {
			p.nested = true
		}
	case "tr":
		if p.tableDepth == 1 {
			p.row = nil
		}
	case "tc":
		if p.tableDepth == 1 {
			p.inCell, p.cellHasText, p.span = true, false, 1
			p.cell.Reset()
		}
	case "gridSpan":
		if p.tableDepth == 1 && p.inCell {
			if n, err := strconv.Atoi(e.attr("val")); err == nil && n > 1 && n <= 64 {
				p.span = n
			}
		}
	case "p":
		p.inPara = true
		p.pStyle, p.pOutline, p.pNumID, p.pIlvl, p.hasNumPr = "", "", "", "", false
		p.runs, p.textLen, p.open = nil, 0, false
		p.tail.Reset()
		p.tocPara = p.inTOC()
	case "pPr":
		p.inPPr = true
	case "pStyle":
		if p.inPPr {
			p.pStyle = e.attr("val")
		}
	case "outlineLvl":
		if p.inPPr {
			p.pOutline = e.attr("val")
		}
	case "numId":
		if p.inPPr {
			p.pNumID, p.hasNumPr = e.attr("val"), true
		}
	case "ilvl":
		if p.inPPr {
			p.pIlvl = e.attr("val")
		}
	case "r":
		p.run = Run{}
		p.hidden, p.rStyle, p.bold, p.italic = false, "", nil, nil
	case "rPr":
		p.inRPr = true
	case "rStyle":
		if p.inRPr && !p.inPPr {
			p.rStyle = e.attr("val")
		}
	case "b", "i", "vanish":
		if !p.inRPr || p.inPPr {
			break
		}
		v := e.on()
		switch e.local {
		case "b":
			p.bold = &v
		case "i":
			p.italic = &v
		default:
			p.hidden = v
		}
	case "t":
		p.inText = true
	case "tab", "ptab":
		if p.inPara && !p.inPPr {
			return p.addText("\t")
		}
	case "br", "cr":
		if p.inPara && !p.inPPr {
			return p.addText("\n")
		}
	case "noBreakHyphen":
		if p.inPara {
			return p.addText("\u2011")
		}
	case "sym":
		if p.inPara {
			if c, err := strconv.ParseUint(e.attr("char"), 16, 32); err == nil && c > 0 && c < 0x110000 && utf8.ValidRune(rune(c)) {
				return p.addText(string(rune(c)))
			}
		}
	case "hyperlink":
		link := ""
		if id := e.attr("id"); id != "" && e.attr("anchor") == "" {
			link = p.links[id]
		}
		p.hyper = append(p.hyper, link)
	case "fldSimple":
		p.hyper = append(p.hyper, fieldLink(e.attr("instr")))
		if isTOC(e.attr("instr")) {
			p.tocPara = true
		}
	case "fldChar":
		switch e.attr("fldCharType") {
		case "begin":
			if len(p.fields) < maxFields {
				p.fields = append(p.fields, &field{})
			}
		case "separate":
			if n := len(p.fields); n > 0 {
				f := p.fields[n-1]
				f.result = true
				f.link = fieldLink(f.instr.String())
				f.toc = isTOC(f.instr.String())
				if f.toc && p.inPara {
					p.tocPara = true
				}
			}
		case "end":
			if n := len(p.fields); n > 0 {
				p.fields = p.fields[:n-1]
			}
		}
	case "instrText":
		p.instr = true
	case "footnoteReference", "endnoteReference":
		return p.noteRef(strings.TrimSuffix(e.local, "Reference"), e.attr("id"))
	}
	return nil
}

func isTOC(instr string) bool {
	f := strings.Fields(instr)
	return len(f) > 0 && strings.EqualFold(f[0], "TOC")
}

// inTOC reports whether the text being read is the result of a table of
// contents field.
func (p *parser) inTOC() bool {
	for _, f := range p.fields {
		if f.result && f.toc {
			return true
		}
	}
	return false
}

func (p *parser) end(e event) error {
	switch e.local {
	case "t":
		p.inText = false
	case "instrText":
		p.instr = false
	case "pPr":
		p.inPPr = false
	case "rPr":
		p.inRPr = false
	case "r":
		p.run = Run{}
	case "hyperlink", "fldSimple":
		if n := len(p.hyper); n > 0 {
			p.hyper = p.hyper[:n-1]
		}
	case "p":
		p.inPara = false
		return p.endParagraph()
	case "tc":
		if p.tableDepth == 1 && p.inCell {
			p.inCell = false
			if p.cells += p.span; p.cells > p.lim.MaxCells {
				return msg.Errorf("%w: the tables hold more than %d cells", ErrTooLarge, p.lim.MaxCells)
			}
			p.row = append(p.row, p.cell.String())
			for range p.span - 1 {
				p.row = append(p.row, "")
			}
		}
	case "tr":
		if p.tableDepth == 1 && p.table != nil {
			p.table.Rows = append(p.table.Rows, p.row)
			p.row = nil
		}
	case "tbl":
		p.tableDepth--
		if p.tableDepth == 0 && p.table != nil {
			if p.nested {
				p.doc.Skipped = append(p.doc.Skipped, Skip{Para: p.paraN, What: msg.Sprintf("table %d holds a table in a cell, whose text is read into that cell", p.table.N)})
			}
			p.nested = false
			if len(p.table.Rows) > 0 {
				if err := p.block(Block{Table: p.table}); err != nil {
					return err
				}
			}
			p.table = nil
		}
	}
	return nil
}

// addText adds text to the run being read, in its style.
func (p *parser) addText(s string) error {
	if p.hidden || s == "" {
		return nil
	}
	if p.textLen += len(s); p.textLen > p.lim.MaxText {
		return msg.Errorf("%w: paragraph %d holds more than %d bytes of text", ErrTooLarge, p.paraN+1, p.lim.MaxText)
	}
	bold, italic := p.emphasis()
	link := ""
	for i := len(p.hyper) - 1; i >= 0; i-- {
		if p.hyper[i] != "" {
			link = p.hyper[i]
			break
		}
	}
	if link == "" {
		for i := len(p.fields) - 1; i >= 0; i-- {
			if f := p.fields[i]; f.result && f.link != "" {
				link = f.link
				break
			}
		}
	}
	if n := len(p.runs); n == 0 || !p.open || p.runs[n-1].Bold != bold || p.runs[n-1].Italic != italic || p.runs[n-1].Link != link {
		p.seal()
		p.runs = append(p.runs, Run{Bold: bold, Italic: italic, Link: link})
		p.open = true
	}
	p.tail.WriteString(s)
	return nil
}

// seal stores the text gathered for the last run in it: a paragraph's
// text is joined in one pass, however many runs Word split it into.
func (p *parser) seal() {
	if p.open {
		p.runs[len(p.runs)-1].Text = p.tail.String()
		p.tail.Reset()
		p.open = false
	}
}

// emphasis is the run's bold and italic: its own, else its character
// style's, else its paragraph style's, else the document's defaults.
func (p *parser) emphasis() (bold, italic bool) {
	bold, italic = p.st.defBold, p.st.defItalic
	if b, i, bs, is := p.st.emphasis(p.pStyle); bs || is {
		if bs {
			bold = b
		}
		if is {
			italic = i
		}
	}
	if b, i, bs, is := p.st.emphasis(p.rStyle); bs || is {
		if bs {
			bold = b
		}
		if is {
			italic = i
		}
	}
	if p.bold != nil {
		bold = *p.bold
	}
	if p.italic != nil {
		italic = *p.italic
	}
	return bold, italic
}

// noteRef adds the mark of a footnote or endnote, numbering the notes in
// the order they are first referred to.
func (p *parser) noteRef(kind, id string) error {
	if p.inNotes || !p.inPara {
		return nil
	}
	runs, ok := p.notes[kind][id]
	if !ok {
		return nil
	}
	n, seen := p.noteIDs[kind+"\x00"+id]
	if !seen {
		if len(p.doc.Footnotes) >= p.lim.MaxFootnotes {
			return msg.Errorf("%w: the text refers to more than %d footnotes", ErrTooLarge, p.lim.MaxFootnotes)
		}
		p.doc.Footnotes = append(p.doc.Footnotes, runs)
		n = len(p.doc.Footnotes)
		p.noteIDs[kind+"\x00"+id] = n
	}
	p.seal()
	p.runs = append(p.runs, Run{Note: n})
	return nil
}

// endParagraph finishes a paragraph: into the cell it stands in, or as a
// block of the body.
func (p *parser) endParagraph() error {
	p.seal()
	if p.tableDepth > 0 {
		if !p.inCell {
			return nil
		}
		text := strings.TrimSpace(strings.NewReplacer("\n", " ", "\t", " ").Replace(RunsText(p.runs)))
		if text == "" {
			return nil
		}
		if p.cell.Len()+len(text) > p.lim.MaxText {
			return msg.Errorf("%w: a cell of table %d holds more than %d bytes of text", ErrTooLarge, p.table.N, p.lim.MaxText)
		}
		if p.cellHasText {
			p.cell.WriteByte(' ')
		}
		p.cell.WriteString(text)
		p.cellHasText = true
		return nil
	}
	para := &Paragraph{Style: p.st.names(p.pStyle), TOC: p.tocPara, Runs: p.runs}
	level, title := p.st.heading(p.pStyle)
	if p.pOutline != "" {
		level, title = max(outlineLevel(p.pOutline), 0), false
	}
	para.Heading, para.Title = level, title
	numID, ilvl, hasNum := p.pNumID, p.pIlvl, p.hasNumPr
	if sNum, sIlvl, ok := p.st.numbering(p.pStyle); ok {
		if !hasNum {
			numID, hasNum = sNum, true
		}
		if ilvl == "" {
			ilvl = sIlvl
		}
	}
	lvl := max(ilvlIndex(ilvl), 0)
	if hasNum && p.num.isList(numID, lvl) {
		nums := p.count.next(p.num, numID, lvl)
		if para.Heading > 0 {
			para.Label = p.num.label(numID, nums)
		} else {
			para.List = &ListItem{Level: lvl, Ordered: p.num.ordered(numID, lvl), Number: nums[lvl]}
		}
	}
	p.runs = nil
	if strings.TrimSpace(para.Text()) == "" && !hasNote(para.Runs) {
		return nil
	}
	p.paraN++
	para.N = p.paraN
	return p.block(Block{Para: para})
}

func hasNote(rs []Run) bool {
	for _, r := range rs {
		if r.Note > 0 {
			return true
		}
	}
	return false
}

func (p *parser) block(b Block) error {
	if len(p.doc.Blocks) >= p.lim.MaxBlocks {
		return msg.Errorf("%w: the document has more than %d paragraphs and tables", ErrTooLarge, p.lim.MaxBlocks)
	}
	p.doc.Blocks = append(p.doc.Blocks, b)
	return nil
}
