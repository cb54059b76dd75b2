package docx_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/kompass-dev/kompass/internal/docx"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// show writes a document compactly, one line per block: a paragraph as
// "¶" (or "H2" for a heading, "T" for the title, "•" or "3." for a list
// item, "toc" for an entry of a table of contents) and its runs, a bold
// run as [text], an italic one as _text_, a link as <text|address>, a
// footnote's mark as ^n; a table as "table N after P:" and its rows.
func show(d *docx.Document) string {
	var out []string
	for _, b := range d.Blocks {
		if t := b.Table; t != nil {
			var rows []string
			for _, r := range t.Rows {
				rows = append(rows, strings.Join(r, " | "))
			}
			out = append(out, fmt.Sprintf("table %d after %d: %s", t.N, t.After, strings.Join(rows, " / ")))
			continue
		}
		p := b.Para
		kind := "¶"
		switch {
		case p.TOC:
			kind = "toc"
		case p.Title:
			kind = "T"
		case p.Heading > 0:
			kind = fmt.Sprintf("H%d", p.Heading)
		case p.List != nil && p.List.Ordered:
			kind = fmt.Sprintf("%s%d.", strings.Repeat("  ", p.List.Level), p.List.Number)
		case p.List != nil:
			kind = strings.Repeat("  ", p.List.Level) + "•"
		}
		if p.Label != "" {
			kind += " " + p.Label
		}
		out = append(out, fmt.Sprintf("%d %s %s", p.N, kind, runs(p.Runs)))
	}
	for i, n := range d.Footnotes {
		out = append(out, fmt.Sprintf("note %d: %s", i+1, runs(n)))
	}
	for _, s := range d.Skipped {
		out = append(out, fmt.Sprintf("skipped at %d: %s", s.Para, s.What))
	}
	return strings.Join(out, "\n")
}

func runs(rs []docx.Run) string {
	var b strings.Builder
	for _, r := range rs {
		t := r.Text
		if r.Note > 0 {
			t = fmt.Sprintf("^%d", r.Note)
		}
		if r.Italic {
			t = "_" + t + "_"
		}
		if r.Bold {
			t = "[" + t + "]"
		}
		if r.Link != "" {
			t = "<" + t + "|" + r.Link + ">"
		}
		b.WriteString(t)
	}
	return b.String()
}

func read(t *testing.T, d testbase.Docx) *docx.Document {
	t.Helper()
	doc, err := docx.Read(d.Bytes(t), docx.DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// styles as Word writes them in Swedish (ids Rubrik1, Rubrik; names the
// built-in English ones) and LibreOffice in English (Heading1), a style
// based on a heading, a character style Strong and a bold paragraph style.
const styles = `<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="sv-SE"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="Heading 3"/></w:style>
<w:style w:type="paragraph" w:styleId="Rubrik"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="MinRubrik"><w:name w:val="Min rubrik"/><w:basedOn w:val="Rubrik2"/></w:style>
<w:style w:type="paragraph" w:styleId="Brodtext"><w:name w:val="Brödtext"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Fet"><w:name w:val="Fet text"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="Loop1"/><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="Loop2"/><w:basedOn w:val="Loop1"/></w:style>
<w:style w:type="paragraph" w:styleId="Punktlista"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Stark"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Betoning"><w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style>`

// numbering: list 1 bullets, list 2 numbers (a second level of letters),
// list 3 numbers from 1 again by an override, list 4 the headings'
// outline numbering, list 5 no mark at all.
const numbering = `<w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="40"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="50"><w:lvl w:ilvl="0"><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="40"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="50"/></w:num>`

func numbered(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, ilvl, numID, text)
}

func TestHeadings(t *testing.T) {
	p := testbase.WordPara
	doc := read(t, testbase.Docx{Styles: styles, Body: p("Rubrik", "Analys av Exempelkommun") +
		p("Rubrik1", "Bakgrund") + p("Rubrik2", "Politisk organisation") + p("Heading3", "Nivå tre") +
		p("MinRubrik", "Ärvd rubrik") + p("Heading1", "Odefinierad Heading 1") + p("Brodtext", "Brödtext") +
		`<w:p><w:pPr><w:outlineLvl w:val="3"/></w:pPr><w:r><w:t>Egen nivå 4</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Rubrik1"/><w:outlineLvl w:val="9"/></w:pPr><w:r><w:t>Rubrikstil som brödtext</w:t></w:r></w:p>` +
		p("Loop1", "Cirkulär stil") + p("Okänd", "Okänd stil") + p("", "") + p("", "   ")})
	want := `1 T Analys av Exempelkommun
2 H1 [Bakgrund]
3 H2 Politisk organisation
4 H3 Nivå tre
5 H2 Ärvd rubrik
6 H1 Odefinierad Heading 1
7 ¶ Brödtext
8 H4 Egen nivå 4
9 ¶ [Rubrikstil som brödtext]
10 ¶ Cirkulär stil
11 ¶ Okänd stil`
	if got := show(doc); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if doc.Blocks[1].Para.Style != "heading 1" {
		t.Errorf("style %q", doc.Blocks[1].Para.Style)
	}
}

func TestLists(t *testing.T) {
	doc := read(t, testbase.Docx{Styles: styles, Numbering: numbering, Body: numbered(1, 0, "punkt") + numbered(1, 1, "underpunkt") +
		numbered(2, 0, "ett") + numbered(2, 1, "a") + numbered(2, 1, "b") + numbered(2, 0, "två") + numbered(2, 1, "a igen") +
		testbase.WordPara("", "mellan") + numbered(2, 0, "tre") + numbered(3, 0, "fyra") + numbered(3, 0, "fem") +
		testbase.WordPara("Punktlista", "stilens punkt") + numbered(5, 0, "ingen markering") + numbered(9, 0, "okänd lista") +
		numbered(0, 0, "numId 0") +
		`<w:p><w:pPr><w:pStyle w:val="Rubrik1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>Kontroll och rapportering</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Rubrik2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>Mål</w:t></w:r></w:p>`})
	want := `1 • punkt
2   • underpunkt
3 1. ett
4   1. a
5   2. b
6 2. två
7   1. a igen
8 ¶ mellan
9 3. tre
10 4. fyra
11 5. fem
12 • stilens punkt
13 ¶ ingen markering
14 ¶ okänd lista
15 ¶ numId 0
16 H1 1 [Kontroll och rapportering]
17 H2 1.1 Mål`
	if got := show(doc); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestRuns(t *testing.T) {
	r := func(props, text string) string {
		return `<w:r><w:rPr>` + props + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
	}
	body := `<w:p>` + r("", "Det ") + r("<w:b/>", "fet") + r("", " och ") + r(`<w:i w:val="1"/>`, "kursiv") + r(`<w:b w:val="0"/>`, " inte fet ") +
		r(`<w:rStyle w:val="Stark"/>`, "stark") + r(" ", " ") + r(`<w:rStyle w:val="Betoning"/><w:b/>`, "båda") +
		r(`<w:vanish/>`, "dold text") + `<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:noBreakHyphen/><w:softHyphen/><w:t>d</w:t><w:sym w:font="Symbol" w:char="F0B7"/></w:r>` +
		`<w:del><w:r><w:delText>struken</w:delText></w:r></w:del><w:ins><w:r><w:t>infogad</w:t></w:r></w:ins>` +
		`<w:r><w:rPr><w:rPrChange><w:rPr><w:b/></w:rPr></w:rPrChange></w:rPr><w:t>ändrad</w:t></w:r></w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="Fet"/><w:rPr><w:i/></w:rPr></w:pPr>` + r("", "stycke i fet stil ") + r(`<w:b w:val="false"/>`, "utom detta") + `</w:p>` +
		`<w:p><w:pPr><w:pPrChange><w:pPr><w:pStyle w:val="Rubrik1"/></w:pPr></w:pPrChange></w:pPr>` + r("", "ändrad stil räknas inte") + `</w:p>`
	doc := read(t, testbase.Docx{Styles: styles, Body: body})
	want := "1 ¶ Det [fet] och _kursiv_ inte fet [stark] [_båda_]a\tb\nc\u2011d\uf0b7infogadändrad\n" +
		"2 ¶ [stycke i fet stil ]utom detta\n" +
		"3 ¶ ändrad stil räknas inte"
	if got := show(doc); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestLinks(t *testing.T) {
	link := func(attrs, text string) string {
		return `<w:hyperlink ` + attrs + `><w:r><w:t>` + text + `</w:t></w:r></w:hyperlink>`
	}
	body := `<w:p>` + link(`r:id="rId10"`, "Umeå 2014") + `<w:r><w:t xml:space="preserve"> </w:t></w:r>` +
		link(`r:id="rId11"`, "skript") + link(`w:anchor="_Toc1"`, "ankare") + link(`r:id="rId12"`, "fil") + link(`r:id="rId13"`, "post") +
		link(`r:id="rId99"`, "saknas") + `</w:p>` +
		`<w:p><w:fldSimple w:instr=" HYPERLINK &quot;https://skr.se/&quot; "><w:r><w:t>enkelt fält</w:t></w:r></w:fldSimple>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "http://a.se/x" \o "tips" </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>fält</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK \l "bokmärke"</w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>internt</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	doc := read(t, testbase.Docx{Body: body, Links: map[string]string{
		"rId10": "https://www.umea2014.se/", "rId11": "javascript:alert(1)", "rId12": "file:///etc/passwd", "rId13": "mailto:info@exempel.se",
	}})
	want := "1 ¶ <Umeå 2014|https://www.umea2014.se/> skriptankarefil<post|mailto:info@exempel.se>saknas\n" +
		"2 ¶ <enkelt fält|https://skr.se/><fält|http://a.se/x>internt3"
	if got := show(doc); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFootnotes(t *testing.T) {
	notes := `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Källa: </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>SCB 2006</w:t></w:r></w:p><w:p><w:r><w:t>Andra stycket.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:t>Andra noten.</w:t></w:r></w:p></w:footnote>`
	ref := func(id string) string { return `<w:r><w:footnoteReference w:id="` + id + `"/></w:r>` }
	body := `<w:p><w:r><w:t>Befolkningen ökar.</w:t></w:r>` + ref("2") + `<w:r><w:t xml:space="preserve"> Mer.</w:t></w:r>` + ref("1") + ref("7") + `</w:p>` +
		`<w:p><w:r><w:t>Samma not igen</w:t></w:r>` + ref("2") + `</w:p>` + `<w:p>` + ref("1") + `</w:p>`
	doc := read(t, testbase.Docx{Body: body, Footnotes: notes})
	want := "1 ¶ Befolkningen ökar.^1 Mer.^2\n2 ¶ Samma not igen^1\n3 ¶ ^2\nnote 1: Andra noten.\nnote 2:  Källa: _SCB 2006_ Andra stycket."
	if got := show(doc); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestTables(t *testing.T) {
	body := testbase.WordPara("", "Före") + testbase.WordTable([]string{"", "2002", "2006"}, []string{"s", "26", "26"}) +
		`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>över två</w:t></w:r></w:p><w:p><w:r><w:t>rader</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>inre</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>tabell</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:tbl></w:tbl>` + testbase.WordPara("", "Efter")
	doc := read(t, testbase.Docx{Body: body})
	want := "1 ¶ Före\ntable 1 after 1:  | 2002 | 2006 / s | 26 | 26\ntable 2 after 1: över två rader |  |  / inre tabell | b | c\n2 ¶ Efter\n" +
		"skipped at 1: table 2 holds a table in a cell, whose text is read into that cell"
	if got := show(doc); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestSkipped(t *testing.T) {
	body := `<w:p><w:r><w:t>Bild:</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"/></w:drawing></w:r></w:p>` +
		`<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>i en textruta</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>kopia</w:t></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
		`<w:p><w:r><w:t>Efter</w:t></w:r><w:commentReference w:id="1"/></w:p>` +
		`<w:sdt><w:sdtPr><w:placeholder><w:docPart w:val="x"/></w:placeholder></w:sdtPr><w:sdtContent><w:p><w:r><w:t>i en innehållskontroll</w:t></w:r></w:p></w:sdtContent></w:sdt>` +
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \o "1-3"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Bakgrund 3</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Område 1 5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>` + testbase.WordPara("", "Sist")
	doc := read(t, testbase.Docx{Body: body})
	want := "1 ¶ Bild:\n2 ¶ Efter\n3 ¶ i en innehållskontroll\n4 toc Bakgrund 3\n5 toc Område 1 5\n6 ¶ Sist\n" +
		"skipped at 1: a picture or drawing\nskipped at 2: a text box or drawing with text"
	if got := show(doc); got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// zipOf is an archive of the parts given, in order, stored as they are.
func zipOf(t *testing.T, parts ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	zw.Close()
	return buf.Bytes()
}

func TestRefused(t *testing.T) {
	ok := testbase.Docx{Body: testbase.WordPara("", "text")}.Bytes(t)
	small := docx.DefaultLimits
	small.MaxDepth, small.MaxText, small.MaxBlocks, small.MaxCells, small.MaxEntries, small.MaxPart, small.MaxTotal = 20, 100, 3, 4, 8, 4000, 8000
	deep := strings.Repeat("<w:sdt><w:sdtContent>", 30) + testbase.WordPara("", "djupt") + strings.Repeat("</w:sdtContent></w:sdt>", 30)
	for _, c := range []struct {
		name string
		data []byte
		lim  docx.Limits
		is   error
		says string
	}{
		{"empty", nil, docx.DefaultLimits, docx.ErrNotDocx, "empty"},
		{"doc", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), docx.DefaultLimits, docx.ErrNotDocx, ".doc"},
		{"encrypted", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e")...), docx.DefaultLimits, docx.ErrNotDocx, "password"},
		{"rtf", []byte(`{\rtf1 hej}`), docx.DefaultLimits, docx.ErrNotDocx, "RTF"},
		{"text", []byte("hej"), docx.DefaultLimits, docx.ErrNotDocx, "zip"},
		{"truncated", ok[:len(ok)/2], docx.DefaultLimits, docx.ErrMalformed, "damaged"},
		{"odt", zipOf(t, [2]string{"mimetype", "application/vnd.oasis.opendocument.text"}), docx.DefaultLimits, docx.ErrNotDocx, ".odt"},
		{"xlsx", zipOf(t, [2]string{"xl/workbook.xml", "<workbook/>"}), docx.DefaultLimits, docx.ErrNotDocx, ".xlsx"},
		{"no document", zipOf(t, [2]string{"a.txt", "a"}), docx.DefaultLimits, docx.ErrNotDocx, "word/document.xml"},
		{"a part twice", zipOf(t, [2]string{"word/document.xml", "<a/>"}, [2]string{"Word/Document.xml", "<a/>"}), docx.DefaultLimits, docx.ErrMalformed, "twice"},
		{"not xml", zipOf(t, [2]string{"word/document.xml", "<w:document><w:body>"}), docx.DefaultLimits, docx.ErrMalformed, "well-formed"},
		{"mismatched tags", zipOf(t, [2]string{"word/document.xml", "<document><b></document></b>"}), docx.DefaultLimits, docx.ErrMalformed, "well-formed"},
		{"entity", zipOf(t, [2]string{"word/document.xml", `<!DOCTYPE document [<!ENTITY x "xx">]><document>&x;</document>`}), docx.DefaultLimits, docx.ErrMalformed, "well-formed"},
		{"not a document", zipOf(t, [2]string{"word/document.xml", "<workbook/>"}), docx.DefaultLimits, docx.ErrNotDocx, "root is <workbook>"},
		{"xlsx with its relationships", zipOf(t, [2]string{"_rels/.rels", `<Relationships><Relationship Id="r" Type="x/officeDocument" Target="xl/workbook.xml"/></Relationships>`}, [2]string{"xl/workbook.xml", "<workbook/>"}), docx.DefaultLimits, docx.ErrNotDocx, ".xlsx"},
		{"pptx", zipOf(t, [2]string{"_rels/.rels", `<Relationships><Relationship Id="r" Type="x/officeDocument" Target="ppt/presentation.xml"/></Relationships>`}, [2]string{"ppt/presentation.xml", "<presentation/>"}), docx.DefaultLimits, docx.ErrNotDocx, ".pptx"},
		{"deep", testbase.Docx{Body: deep}.Bytes(t), small, docx.ErrTooLarge, "deep"},
		{"long paragraph", testbase.Docx{Body: testbase.WordPara("", strings.Repeat("x", 101))}.Bytes(t), small, docx.ErrTooLarge, "paragraph 1"},
		{"long cell", testbase.Docx{Body: testbase.WordTable([]string{strings.Repeat("x", 60)}, []string{strings.Repeat("y", 60)})}.Bytes(t), small, nil, ""},
		{"many blocks", testbase.Docx{Body: strings.Repeat(testbase.WordPara("", "a"), 4)}.Bytes(t), small, docx.ErrTooLarge, "paragraphs and tables"},
		{"many cells", testbase.Docx{Body: testbase.WordTable([]string{"a", "b", "c"}, []string{"d", "e"})}.Bytes(t), small, docx.ErrTooLarge, "cells"},
		{"many files", zipOf(t, [2]string{"1", ""}, [2]string{"2", ""}, [2]string{"3", ""}, [2]string{"4", ""}, [2]string{"5", ""}, [2]string{"6", ""}, [2]string{"7", ""}, [2]string{"8", ""}, [2]string{"9", ""}), small, docx.ErrTooLarge, "files"},
		{"large part", testbase.Docx{Body: testbase.WordPara("", strings.Repeat("x", 5000))}.Bytes(t), small, docx.ErrTooLarge, "unpacks"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := docx.Read(c.data, c.lim)
			if c.is == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if !errors.Is(err, c.is) || !strings.Contains(err.Error(), c.says) {
				t.Errorf("err = %v; want %v saying %q", err, c.is, c.says)
			}
		})
	}
}

// TestLongCell: a cell's text is bounded like a paragraph's.
func TestLongCell(t *testing.T) {
	lim := docx.DefaultLimits
	lim.MaxText = 100
	cell := testbase.WordPara("", strings.Repeat("x", 60)) + testbase.WordPara("", strings.Repeat("y", 60))
	_, err := docx.Read(testbase.Docx{Body: "<w:tbl><w:tr><w:tc>" + cell + "</w:tc></w:tr></w:tbl>"}.Bytes(t), lim)
	if !errors.Is(err, docx.ErrTooLarge) || !strings.Contains(err.Error(), "cell of table 1") {
		t.Errorf("err = %v", err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "analys.docx")
	if err := os.WriteFile(good, testbase.Docx{Body: testbase.WordPara("", "Hej")}.Bytes(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if doc, err := docx.ReadFile(good); err != nil || len(doc.Blocks) != 1 {
		t.Fatalf("%v %v", doc, err)
	}
	if _, err := docx.ReadFile(dir); !errors.Is(err, docx.ErrNotRegular) {
		t.Errorf("a folder: %v", err)
	}
	fifo := filepath.Join(dir, "fifo.docx")
	if err := syscall.Mkfifo(fifo, 0o644); err == nil {
		if _, err := docx.ReadFile(fifo); !errors.Is(err, docx.ErrNotRegular) {
			t.Errorf("a FIFO: %v", err)
		}
	}
	if _, err := docx.ReadFile(filepath.Join(dir, "saknas.docx")); err == nil {
		t.Error("a missing file read")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(testbase.Docx{Styles: styles, Numbering: numbering, Body: numbered(2, 0, "ett") + testbase.WordPara("Rubrik1", "Bakgrund") +
		testbase.WordTable([]string{"a", "b"}, []string{"1", "2"}) + `<w:p><w:hyperlink r:id="rId1"><w:r><w:t>l</w:t></w:r></w:hyperlink></w:p>`,
		Links: map[string]string{"rId1": "https://a.se"}}.Bytes(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := docx.Read(data, docx.DefaultLimits)
		if err != nil {
			return
		}
		for _, b := range doc.Blocks {
			if (b.Para == nil) == (b.Table == nil) {
				t.Fatal("a block is neither or both")
			}
		}
	})
}

// FuzzParts fuzzes the XML of the parts kompass reads, inside a valid
// archive: the body, the styles, the numbering and the footnotes.
func FuzzParts(f *testing.F) {
	f.Add(numbered(2, 0, "ett")+testbase.WordPara("Rubrik1", "Bakgrund")+testbase.WordTable([]string{"a", "b"}, []string{"1", "2"})+
		`<w:p><w:hyperlink r:id="rId1"><w:r><w:t>l</w:t></w:r></w:hyperlink><w:r><w:footnoteReference w:id="1"/></w:r></w:p>`,
		styles, numbering, `<w:footnote w:id="1"><w:p><w:r><w:t>not</w:t></w:r></w:p></w:footnote>`)
	f.Fuzz(func(t *testing.T, body, st, num, notes string) {
		data := testbase.Docx{Body: body, Styles: st, Numbering: num, Footnotes: notes, Links: map[string]string{"rId1": "https://a.se"}}.Bytes(t)
		doc, err := docx.Read(data, docx.DefaultLimits)
		if err != nil {
			if !errors.Is(err, docx.ErrMalformed) && !errors.Is(err, docx.ErrTooLarge) {
				t.Fatalf("an error of no kind: %v", err)
			}
			return
		}
		for _, b := range doc.Blocks {
			if p := b.Para; p != nil {
				if p.N < 1 || p.Heading < 0 || p.Heading > 9 || (p.List != nil && (p.List.Level < 0 || p.List.Level > 8)) {
					t.Fatalf("paragraph %+v", p)
				}
				for _, r := range p.Runs {
					if r.Note > len(doc.Footnotes) || r.Link != "" && !strings.HasPrefix(r.Link, "https://") {
						t.Fatalf("run %+v", r)
					}
				}
			}
		}
	})
}

// TestManyRuns reads a paragraph Word split into 100,000 runs of one
// style, and one of 100,000 runs with a footnote's mark between each:
// were the runs' text joined run by run, this test would not end within
// the test timeout.
func TestManyRuns(t *testing.T) {
	run := `<w:r><w:t xml:space="preserve">ord ord </w:t></w:r>`
	doc := read(t, testbase.Docx{Body: "<w:p>" + strings.Repeat(run, 100000) + "</w:p>"})
	if len(doc.Blocks) != 1 || len(doc.Blocks[0].Para.Runs) != 1 || len(doc.Blocks[0].Para.Text()) != 800000 {
		t.Fatalf("read %d blocks", len(doc.Blocks))
	}
	notes := `<w:footnote w:id="1"><w:p><w:r><w:t>not</w:t></w:r></w:p></w:footnote>`
	doc = read(t, testbase.Docx{Footnotes: notes, Body: "<w:p>" + strings.Repeat(run+`<w:r><w:footnoteReference w:id="1"/></w:r>`, 4000) + "</w:p>"})
	if len(doc.Blocks[0].Para.Runs) != 8000 || len(doc.Footnotes) != 1 {
		t.Fatalf("read %d runs, %d notes", len(doc.Blocks[0].Para.Runs), len(doc.Footnotes))
	}
}
