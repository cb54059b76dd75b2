package testkit

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
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

// Bytes is the document as a .docx file; the same document gives the same
// bytes.
func (d Docx) Bytes(t testing.TB) []byte {
	t.Helper()
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
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[n])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
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
