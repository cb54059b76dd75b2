package testbase

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/markup"
)

// Docx is a Word document written part by part, the way Word lays one
// out, for tests of the .docx reader: Body is the XML inside <w:body>,
// Styles, Numbering and Footnotes the XML inside the root element of
// their parts (left out when empty), Links the external hyperlinks by
// relationship id. Extra parts are added as they are, by name.
type Docx struct {
	Body, Styles, Numbering, Footnotes string
	Links                              map[string]string
	Extra                              map[string][]byte
}

const (
	wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relNS  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// With is the document with more XML at the end of its body.
func (d Docx) With(body string) Docx {
	d.Body += body
	return d
}

// Bytes is the document as a .docx file; the same document gives the same
// bytes.
func (d Docx) Bytes(t testing.TB) []byte {
	t.Helper()
	b, err := d.Build()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Build is Bytes for callers without a testing.TB (a testscript command).
func (d Docx) Build() ([]byte, error) {
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + relNS + `/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + d.Body + `</w:body></w:document>`,
	}
	var rels strings.Builder
	rels.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, p := range []struct{ xml, kind, root string }{{d.Styles, "styles", "styles"}, {d.Numbering, "numbering", "numbering"}, {d.Footnotes, "footnotes", "footnotes"}} {
		if p.xml == "" {
			continue
		}
		parts["word/"+p.kind+".xml"] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:` + p.root + ` ` + wordNS + `>` + p.xml + `</w:` + p.root + `>`
		fmt.Fprintf(&rels, `<Relationship Id="rIdPart%d" Type="%s/%s" Target="%s.xml"/>`, i, relNS, p.kind, p.kind)
	}
	ids := make([]string, 0, len(d.Links))
	for id := range d.Links {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		fmt.Fprintf(&rels, `<Relationship Id="%s" Type="%s/hyperlink" Target="%s" TargetMode="External"/>`, id, relNS, xmlEscape(d.Links[id]))
	}
	rels.WriteString(`</Relationships>`)
	parts["word/_rels/document.xml.rels"] = rels.String()
	for name, b := range d.Extra {
		parts[name] = string(b)
	}
	names := make([]string, 0, len(parts))
	for n := range parts {
		names = append(names, n)
	}
	slices.Sort(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Date(2007, 9, 19, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// WordPara is a paragraph of a Docx body: its style (a style id, "" for
// none) and its runs, each a text (XML-escaped here) in <w:r>.
func WordPara(style string, runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + xmlEscape(style) + `"/></w:pPr>`)
	}
	for _, r := range runs {
		b.WriteString(`<w:r><w:t xml:space="preserve">` + xmlEscape(r) + `</w:t></w:r>`)
	}
	b.WriteString("</w:p>")
	return b.String()
}

// WordTable is a table of a Docx body, each row its cells' texts.
func WordTable(rows ...[]string) string {
	var b strings.Builder
	b.WriteString("<w:tbl>")
	for _, r := range rows {
		b.WriteString("<w:tr>")
		for _, c := range r {
			b.WriteString("<w:tc>" + WordPara("", c) + "</w:tc>")
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return b.String()
}

// DocxText is a Word document written as lines of text, for tests that
// read one: "# text" is a paragraph of style Heading 1 ("## " Heading 2 …),
// "- text" an item of a bullet list, "1. text" of a numbered list, "| a |
// b" a row of a table (consecutive rows are one table), and any other line
// a paragraph. Within a line, the markup of internal/markup gives bold
// (**fet**), italic (*kursiv*) and links ([text](https://…)), which become
// Word's runs and hyperlinks. The styles are the built-in ones as
// LibreOffice names them (Heading1 …), the numbering a bullet list
// (numId 1) and a numbered one (numId 2).
func DocxText(text string) Docx {
	var body strings.Builder
	links := map[string]string{}
	inTable := false
	for _, line := range strings.Split(text, "\n") {
		if cells, ok := strings.CutPrefix(line, "| "); ok {
			if !inTable {
				body.WriteString("<w:tbl>")
				inTable = true
			}
			body.WriteString("<w:tr>")
			for _, c := range strings.Split(cells, "|") {
				body.WriteString("<w:tc>" + wordRuns("", strings.TrimSpace(c), links) + "</w:tc>")
			}
			body.WriteString("</w:tr>")
			continue
		}
		if inTable {
			body.WriteString("</w:tbl>")
			inTable = false
		}
		switch {
		case strings.TrimSpace(line) == "":
		case strings.HasPrefix(line, "#"):
			level := len(line) - len(strings.TrimLeft(line, "#"))
			body.WriteString(wordRuns(fmt.Sprintf(`<w:pStyle w:val="Heading%d"/>`, level), strings.TrimSpace(line[level:]), links))
		case strings.HasPrefix(line, "- "):
			body.WriteString(wordRuns(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`, line[2:], links))
		case len(line) > 3 && line[0] >= '1' && line[0] <= '9' && strings.HasPrefix(line[1:], ". "):
			body.WriteString(wordRuns(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>`, line[3:], links))
		default:
			body.WriteString(wordRuns("", line, links))
		}
	}
	if inTable {
		body.WriteString("</w:tbl>")
	}
	return Docx{Body: body.String(), Links: links, Styles: docxTextStyles, Numbering: docxTextNumbering}
}

const (
	docxTextStyles = `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>`
	docxTextNumbering = `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>`
)

// wordRuns is a paragraph with the properties pPr of the markup's runs of
// text; links get relationship ids in links.
func wordRuns(pPr, text string, links map[string]string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	if pPr != "" {
		b.WriteString("<w:pPr>" + pPr + "</w:pPr>")
	}
	for _, bl := range markup.Parse(text) {
		for _, r := range bl.Runs {
			props := ""
			if r.Strong {
				props += "<w:b/>"
			}
			if r.Em {
				props += "<w:i/>"
			}
			run := `<w:r><w:rPr>` + props + `</w:rPr><w:t xml:space="preserve">` + xmlEscape(r.Text) + `</w:t></w:r>`
			if r.Link != "" {
				id := fmt.Sprintf("rIdLink%d", len(links)+1)
				links[id] = r.Link
				run = `<w:hyperlink r:id="` + id + `">` + run + `</w:hyperlink>`
			}
			b.WriteString(run)
		}
	}
	b.WriteString("</w:p>")
	return b.String()
}
