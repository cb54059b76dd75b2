package hostile

// The Word documents of the corpus (issue 21): what kompass text import
// must refuse, or read within its limits, and what it makes harmless.

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kompass-dev/kompass/internal/analysis"
	"github.com/kompass-dev/kompass/internal/docx"
	"github.com/kompass-dev/kompass/internal/markup"
	"github.com/kompass-dev/kompass/internal/msg"
	"github.com/kompass-dev/kompass/internal/testbase"
)

// docxBombBytes is the unpacked size of the Word bomb's document part.
const docxBombBytes = 200 << 20

// baseDocx is a small valid analysis: a part, a paragraph, a table.
func baseDocx(body string) testbase.Docx {
	return testbase.DocxText("# Bakgrund\nExempelkommun A ligger vid en sjö.\n" + body)
}

// docxOf is a .docx of the document.
func docxOf(d testbase.Docx) func(testing.TB) []byte {
	return func(t testing.TB) []byte { return d.Bytes(t) }
}

// docxBomb is the base document whose word/document.xml is n bytes (its
// start, then fill bytes), declaring the given size (0: the true size).
func docxBomb(t testing.TB, n int64, declared uint64, fill byte) []byte {
	t.Helper()
	b := baseDocx("").Bytes(t)
	head := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`
	d, crc := bombPart(t, head, n, fill)
	if declared == 0 {
		declared = uint64(n)
	}
	return rawZip(t, entriesOf(t, b, map[string]rawEntry{
		"word/document.xml": {method: zip.Deflate, content: d, crc: crc, compressed: uint64(len(d)), size: declared},
	}))
}

var docxInputs = []input{
	{name: "docx/text.docx", make: text("Bakgrund\nExempelkommun A ligger vid en sjö.\n"), about: "a text file named .docx"},
	{name: "docx/legacy.doc", make: func(testing.TB) []byte { return legacyXLS() }, about: "an OLE2 file, as a Word 97–2003 document is"},
	{name: "docx/workbook.docx", make: func(t testing.TB) []byte { return base(t) }, about: "an evaluation workbook named .docx"},
	{name: "docx/truncated.docx", make: func(t testing.TB) []byte { b := baseDocx("").Bytes(t); return b[:len(b)/2] },
		about: "a valid document cut in the middle"},
	{name: "docx/bomb-declared-1tib.docx", about: "word/document.xml declares an unpacked size of 1 TiB", make: func(t testing.TB) []byte {
		return docxBomb(t, 1<<20, 1<<40, ' ')
	}},
	{name: "docx/bomb-200mb.docx", how: atTestTime, make: func(t testing.TB) []byte { return docxBomb(t, docxBombBytes, 0, 0) },
		about: "word/document.xml is 200 MB of zeros, truthfully declared"},
	{name: "docx/size-lies.docx", about: "word/document.xml declares 4 KB but inflates to 10 MB", make: func(t testing.TB) []byte {
		return docxBomb(t, 10<<20, 4096, ' ')
	}},
	{name: "docx/deep-nesting.docx", about: "paragraphs nested 100,000 elements deep in content controls", make: docxOf(baseDocx("").With(
		strings.Repeat("<w:sdt><w:sdtContent>", 50000) + testbase.WordPara("", "djupt") + strings.Repeat("</w:sdtContent></w:sdt>", 50000)))},
	{name: "docx/paragraph-2mb.docx", about: "one paragraph of 2 MB", make: docxOf(baseDocx("").With(testbase.WordPara("", strings.Repeat("x", 2<<20))))},
	{name: "docx/paragraphs-30000.docx", about: "30,000 paragraphs, more than the 20,000 read", make: docxOf(baseDocx("").With(strings.Repeat(testbase.WordPara("", "Ett stycke."), 30000)))},
	{name: "docx/entities.docx", about: "a billion-laughs entity declaration in word/document.xml", make: func(t testing.TB) []byte {
		var dt strings.Builder
		dt.WriteString(`<!DOCTYPE w:document [<!ENTITY lol0 "lol">`)
		for i := 1; i <= 9; i++ {
			dt.WriteString(fmt.Sprintf(`<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10)))
		}
		dt.WriteString(`]>`)
		b := baseDocx("").With("<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>").Bytes(t)
		return withPart(t, b, "word/document.xml", func(s string) string { return strings.Replace(s, "?>", "?>"+dt.String(), 1) })
	}},
	{name: "docx/hostile-links.docx", about: "links to javascript:, data:, file: and a relative path, text with a right-to-left override, and HTML", make: docxOf(func() testbase.Docx {
		d := baseDocx("").With(testbase.WordPara("", "<script>alert(1)</script> och \u202eomvänd"))
		links := ""
		for i, target := range []string{"javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "../hemlig.docx"} {
			id := fmt.Sprintf("rIdEvil%d", i)
			d.Links[id] = target
			links += `<w:hyperlink r:id="` + id + `"><w:r><w:t>länk ` + fmt.Sprint(i+1) + `</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> </w:t></w:r>`
		}
		return d.With("<w:p>" + links + "</w:p>")
	}())},
	{name: "docx/fifo.docx", how: special, create: mkfifo, about: "a named pipe (FIFO) named .docx"},
}

// cmdImport imports the input into the valid base workbook.
var cmdImport = []string{"text", "import", "$F", "--into", "data/exempelkommun-a-2025.xlsx", "-o", "out.xlsx"}

const importHint = "hint: save the analysis as a Word document (.docx) in Word or LibreOffice"

var docxRuns = []run{
	{in: "docx/text.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: not a Word document (.docx): a .docx file is a zip archive, and this one is not", importHint}},
	{in: "docx/legacy.doc", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: not a Word document (.docx): it is an old Word file (.doc, Word 97–2003); save it as a Word document (.docx)", importHint}},
	{in: "docx/workbook.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: not a Word document (.docx): it is an Excel workbook (.xlsx)", importHint}},
	{in: "docx/truncated.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: the document is damaged: a damaged zip archive (zip: not a valid zip file)", importHint}},
	{in: "docx/bomb-declared-1tib.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: the document is larger than kompass reads: the archive unpacks to more than 50 MB (a zip bomb, or not an analysis)", importHint}},
	{in: "docx/bomb-200mb.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: the document is larger than kompass reads: the archive unpacks to more than 50 MB (a zip bomb, or not an analysis)", importHint}},
	{in: "docx/size-lies.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: the document is damaged: the part word/document.xml: zip: not a valid zip file", importHint}},
	{in: "docx/deep-nesting.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: the document is larger than kompass reads: the part word/document.xml nests elements more than 128 deep", importHint}},
	{in: "docx/paragraph-2mb.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: the document is larger than kompass reads: paragraph 3 holds more than 1048576 bytes of text", importHint}},
	{in: "docx/paragraphs-30000.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: the document is larger than kompass reads: the document has more than 20000 paragraphs and tables", importHint}},
	{in: "docx/entities.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: the document is damaged: the part word/document.xml is not well-formed XML (XML syntax error on line 1: invalid character entity &lol9;)", importHint}},
	{in: "docx/hostile-links.docx", args: cmdImport, base: true, exit: 0, writes: []string{"out.xlsx"}, out: []string{
		"wrote out.xlsx: 3 rows of text and 0 tables from $F"}},
	{in: "docx/fifo.docx", args: cmdImport, base: true, exit: 3, err: []string{
		"kompass: error: $F: is not a regular file but a named pipe (FIFO); kompass reads only regular files", importHint}},
}

func init() {
	inputs = append(inputs, docxInputs...)
	runs = append(runs, docxRuns...)
}

// docxMemLimit is what reading any Word bomb may allocate in all.
const docxMemLimit = 100 << 20

// TestDocxBombMemory reads Word documents whose word/document.xml inflates
// to 200 MB and checks that docx.ReadFile refuses each while allocating
// less than 100 MB in all and never holding more (as TestZipBombMemory
// does for workbooks). Time is logged, not asserted.
func TestDocxBombMemory(t *testing.T) {
	testbase.Language(t, msg.English)
	for _, tc := range []struct {
		name     string
		declared uint64
		fill     byte
		want     string
	}{
		{"200 MB of zeros, declared", 0, 0, "unpacks to more than 50 MB"},
		{"200 MB of spaces, declared as 4 KB", 4 << 10, ' ', "zip: not a valid zip file"},
		{"200 MB of spaces, declared at the part limit", 25 << 20, ' ', "zip: not a valid zip file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "bomb.docx")
			check(t, os.WriteFile(path, docxBomb(t, docxBombBytes, tc.declared, tc.fill), 0o644))
			var err error
			c := measure(func() { _, err = docx.ReadFile(path) })
			t.Logf("refused in %v; allocated %.1f MB in all; heap peak %.1f MB above the start", c.elapsed, c.allocMB(), c.peakMB())
			if c.alloc >= docxMemLimit && !raceEnabled {
				t.Errorf("reading the bomb allocated %.1f MB, want less than %d MB", c.allocMB(), docxMemLimit>>20)
			}
			if c.peak >= docxMemLimit {
				t.Errorf("the heap grew by %.1f MB while reading, want less than %d MB", c.peakMB(), docxMemLimit>>20)
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// TestDocxHostileLinks: of the links of docx/hostile-links.docx none
// survives into the text (only http, https and mailto are links), the
// text of each does, the HTML stays text for the report to escape, and the
// override that would turn the text around is dropped.
func TestDocxHostileLinks(t *testing.T) {
	doc, err := docx.Read(contentOf(t, inputNamed(t, "docx/hostile-links.docx")), docx.DefaultLimits)
	check(t, err)
	placed := analysis.Place(doc, testbase.Instrument(t, baseInstr))
	var text []string
	for _, b := range placed.Text {
		text = append(text, b.Text)
	}
	all := strings.Join(text, "\n")
	if want := "Exempelkommun A ligger vid en sjö.\n<script>alert(1)</script> och omvänd\nlänk 1 länk 2 länk 3 länk 4"; all != want {
		t.Errorf("text %q, want %q", all, want)
	}
	for _, b := range placed.Text {
		for _, mb := range markup.Parse(b.Text) {
			for _, r := range append(mb.Runs, slices.Concat(mb.Items...)...) {
				if r.Link != "" {
					t.Errorf("a link to %q", r.Link)
				}
			}
		}
	}
}
