package analysis_test

// The acceptance tests of issue 21 that need LibreOffice: a document
// written in LibreOffice Writer and saved as .docx, the seed's sections 2
// and 3 the same way, and text pasted into the cells of Bedömning, saved by
// LibreOffice Calc. LibreOffice makes every file of them in one run
// (TestLibreOffice), since starting it is most of the time.

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/kompass-dev/kompass/internal/cli"
	"github.com/kompass-dev/kompass/internal/evalset"
	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/markup"
	"github.com/kompass-dev/kompass/internal/report"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/validate"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// fodt writes a LibreOffice Writer document (flat ODT) the way an
// evaluator writes the analysis: headings in the styles Heading 1 and 2,
// paragraphs with bold, italic and links, bullet and numbered lists, tables
// with a caption before and notes after them.
type fodt struct {
	body strings.Builder
}

func (f *fodt) heading(level int, text string) {
	fmt.Fprintf(&f.body, `<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>`+"\n", level, level, esc(text))
}

// text writes one cell of markup: its paragraphs and lists.
func (f *fodt) text(s string) {
	for _, b := range markup.Parse(s) {
		if !b.List() {
			f.body.WriteString(`<text:p text:style-name="Standard">` + spans(b.Runs) + "</text:p>\n")
			continue
		}
		style := "L1"
		if b.Ordered {
			style = "L2"
		}
		f.body.WriteString(`<text:list text:style-name="` + style + `">`)
		for i, it := range b.Items {
			start := ""
			if b.Ordered && i == 0 && b.Start != 1 {
				start = fmt.Sprintf(` text:start-value="%d"`, b.Start)
			}
			f.body.WriteString(`<text:list-item` + start + `><text:p text:style-name="Standard">` + spans(it) + `</text:p></text:list-item>`)
		}
		f.body.WriteString("</text:list>\n")
	}
}

func (f *fodt) table(t evaluation.Table) {
	f.body.WriteString(`<text:p text:style-name="Standard">` + esc(t.Title) + "</text:p>\n")
	width := len(t.Header)
	fmt.Fprintf(&f.body, `<table:table table:name="T%d"><table:table-column table:number-columns-repeated="%d"/>`, f.body.Len(), width)
	for _, r := range append([][]string{t.Header}, t.Rows...) {
		f.body.WriteString("<table:table-row>")
		for c := range width {
			v := ""
			if c < len(r) {
				v = r[c]
			}
			f.body.WriteString(`<table:table-cell office:value-type="string"><text:p>` + esc(v) + `</text:p></table:table-cell>`)
		}
		f.body.WriteString("</table:table-row>")
	}
	f.body.WriteString("</table:table>\n")
	for _, n := range t.Notes {
		f.body.WriteString(`<text:p text:style-name="Standard">` + esc(n) + "</text:p>\n")
	}
}

func (f *fodt) bytes() []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"/>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Heading"/>
</office:styles>
<office:automatic-styles>
<style:style style:name="TB" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="TI" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="TBI" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/></text:list-style>
</office:automatic-styles>
<office:body><office:text>
` + f.body.String() + `</office:text></office:body></office:document>
`)
}

func spans(rs []markup.Run) string {
	var b strings.Builder
	for _, r := range rs {
		t := esc(r.Text)
		switch {
		case r.Link != "":
			t = `<text:a xlink:type="simple" xlink:href="` + esc(r.Link) + `">` + t + `</text:a>`
		case r.Strong && r.Em:
			t = `<text:span text:style-name="TBI">` + t + `</text:span>`
		case r.Strong:
			t = `<text:span text:style-name="TB">` + t + `</text:span>`
		case r.Em:
			t = `<text:span text:style-name="TI">` + t + `</text:span>`
		}
		b.WriteString(t)
	}
	return b.String()
}

func esc(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), "&#x9;", "<text:tab/>")
}

// analysisDoc is the document of the first acceptance test: every kind of
// text an analysis has, as Writer makes it.
func analysisDoc() *fodt {
	f := &fodt{}
	f.heading(1, "Bakgrund")
	f.text("Exempelkommun är en **påhittad** kommun vid *kusten*, se [kommunens webbplats](https://www.exempel.se/) eller www.exempel.se.")
	f.heading(2, "Politisk organisation")
	f.text("Mandaten fördelas enligt följande tabell.")
	f.table(evaluation.Table{Title: "Tabell 1 Mandatfördelningen i kommunfullmäktige", Header: []string{"", "2002", "2006"},
		Rows: [][]string{{"Exempelpartiet", "25", "26*"}, {"Påhittspartiet", "24", "23"}}, Notes: []string{"* Ett lokalt parti."}})
	f.text("Styrningen bygger på:\n- en vision\n- mål för varje nämnd")
	f.heading(1, "Sammanfattning")
	f.text("Kommunen styr **tydligt** och följer upp i tre steg:\n1. delårsrapport\n2. tertialrapport\n3. årsredovisning")
	f.heading(1, "Område 5 Kontroll och rapportering")
	f.heading(2, "Intern kontroll")
	f.text("Den interna kontrollen är ny.")
	return f
}

// analysisUnits are the headings, paragraphs, list items and table cells
// the report must show of analysisDoc, in order.
var analysisUnits = []string{
	"Exempelkommun är en påhittad kommun vid kusten, se kommunens webbplats eller www.exempel.se.",
	"Politisk organisation",
	"Mandaten fördelas enligt följande tabell.",
	"Tabell 1 Mandatfördelningen i kommunfullmäktige", "", "2002", "2006", "Exempelpartiet", "25", "26*", "Påhittspartiet", "24", "23",
	"* Ett lokalt parti.",
	"Styrningen bygger på:", "en vision", "mål för varje nämnd",
	"Kommunen styr tydligt och följer upp i tre steg:", "delårsrapport", "tertialrapport", "årsredovisning",
	"Intern kontroll", "Den interna kontrollen är ny.",
}

// The cells pasted into Bedömning (paste): each is Text on a row of its
// own, the Typ as given.
var pasted = []struct{ kind, text string }{
	{"Stycke", "Första stycket.\nAndra stycket.\r\nTredje stycket."},
	{"Stycke", "Punkter:\n–\ttankstreck\n·\tmittpunkt\no\tett o\n\uf0b7\tsymbol\n•\tpunkt\n- bindestreck"},
	{"Stycke", "1. ett\n2) två\n3.\ttre"},
	{"Rubrik", "Kommunen har under flera år arbetat med att utveckla sin styrmodell, och arbetet har nu nått en punkt där det bär frukt i verksamheten."},
}

// TestLibreOffice is every check of the package that needs LibreOffice:
// its documents and workbook are made first and one soffice run saves them
// all (starting LibreOffice is most of the time). Its subtests are the
// acceptance tests of issue 21 (importLibreOfficeDocx, importSeedDocx,
// paste).
func TestLibreOffice(t *testing.T) {
	soffice := testkit.LibreOffice(t)
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	calc := testkit.NewCalc(t)
	analysisDocx := calc.SaveAsDocx(write("analysis.fodt", analysisDoc().bytes()))
	seedDocx := ""
	if seed, ok := seedDoc(t); ok {
		seedDocx = calc.SaveAsDocx(write("seed.fodt", seed.bytes()))
	}
	pasted := calc.Convert(write("paste.xlsx", pasteWorkbook(t)))
	calc.Run(t, soffice)

	t.Run("import a document from Writer", func(t *testing.T) { importLibreOfficeDocx(t, analysisDocx, pasted) })
	t.Run("import the seed from Writer", func(t *testing.T) { importSeedDocx(t, seedDocx) })
	t.Run("paste into cells", func(t *testing.T) { paste(t, pasted) })
}

// template is a template of kommunkompassen@2007 for a fictional kommun
// with every delfråga scored, saved at path.
func template(t *testing.T, path string, fill func(w testkit.Filler)) {
	t.Helper()
	f := testkit.Template(t, "kommunkompassen@2007", evaluation.Facts{Kommun: "Exempelkommun", Year: 2007})
	w := testkit.Fill(t, f)
	w.Scores(testkit.Umea2007Questions(t))
	if fill != nil {
		fill(w)
	}
	if err := os.WriteFile(path, testkit.Bytes(t, f), 0o644); err != nil {
		t.Fatal(err)
	}
}

// kompass runs the command line and returns its exit code, stdout and
// stderr.
func kompass(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := cli.Main(append([]string{"--lang", "en"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// reportOf builds the report of kommun from the workbooks of dir.
func reportOf(t *testing.T, dir, kommun string) []byte {
	t.Helper()
	set, err := evalset.Load(dir, testbase.Registry(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Excluded) > 0 {
		t.Fatalf("left out: %v", set.Warnings())
	}
	r, err := report.Build(set, report.Options{Kommun: kommun})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, r, report.WriteOptions{ScriptSrc: report.ScriptFile}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pageUnits are the headings, paragraphs, list items, captions and table
// cells of the page's element with the id, in order, as a reader sees them
// (the page read as a browser does: golang.org/x/net/html).
func pageUnits(t *testing.T, page []byte, id string) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	units := []string{"h3", "h4", "p", "li", "caption", "th", "td"}
	var text func(n *html.Node, b *strings.Builder)
	text = func(n *html.Node, b *strings.Builder) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.Data != "script" && c.Data != "style" {
				text(c, b)
			}
		}
	}
	var out []string
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "id" && a.Val == id {
					in = true
				}
			}
			if in && slices.Contains(units, n.Data) {
				var b strings.Builder
				text(n, &b)
				out = append(out, strings.Join(strings.Fields(b.String()), " "))
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	return out
}

// inOrder reports the first of want that got does not show in order.
func inOrder(got, want []string) (string, bool) {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	if i < len(want) {
		return want[i], false
	}
	return "", true
}

// importLibreOfficeDocx is the first acceptance test of issue 21: a
// document written in LibreOffice Writer with headings, paragraphs, both
// kinds of list, bold and italic, a link and a table, saved as .docx,
// imports into a template, validates, and the report shows every heading,
// paragraph, list item and table cell in order. It imports into a
// template as kompass writes it, and into one saved by LibreOffice Calc
// that holds text already (the text pasted of paste), which gives way.
func importLibreOfficeDocx(t *testing.T, docx, pasted string) {
	dir := t.TempDir()
	template(t, filepath.Join(dir, "mall.xlsx"), nil)
	for _, into := range []string{filepath.Join(dir, "mall.xlsx"), pasted} {
		t.Run(filepath.Base(into), func(t *testing.T) { checkImport(t, docx, into) })
	}
}

func checkImport(t *testing.T, doc, into string) {
	out := filepath.Join(t.TempDir(), "data", "exempelkommun-2007.xlsx")
	os.MkdirAll(filepath.Dir(out), 0o755)
	code, stdout, stderr := kompass("text", "import", doc, "--into", into, "-o", out)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	res := validate.File(out, testbase.Registry(t))
	if !res.OK() || len(res.Problems) > 0 {
		t.Fatalf("the imported workbook does not validate: %v", res.Problems)
	}
	var kinds []string
	for _, b := range res.Evaluation.Text {
		kinds = append(kinds, b.Section+" "+string(b.Kind))
	}
	if want := []string{"Bakgrund Stycke", "Bakgrund Rubrik", "Bakgrund Stycke", "Bakgrund Tabell", "Bakgrund Stycke", "Bakgrund Stycke",
		"Sammanfattning Stycke", "Sammanfattning Stycke", "5 Rubrik", "5 Stycke"}; !slices.Equal(kinds, want) {
		t.Errorf("rows %q, want %q", kinds, want)
	}
	page := reportOf(t, filepath.Dir(out), "Exempelkommun")
	got := append(pageUnits(t, page, "sammanfattning"), pageUnits(t, page, "omrade-5")...)
	if missing, ok := inOrder(got, analysisUnits); !ok {
		t.Errorf("the report does not show %q in order; it shows\n%q", missing, got)
	}
	for _, want := range []string{`<a href="https://www.exempel.se/" rel="noopener noreferrer" class="ext">kommunens webbplats</a>`,
		`<strong>påhittad</strong>`, `<em>kusten</em>`, `<ol class="text-list">`, `<p class="table-note">* Ett lokalt parti.</p>`} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the report has no %s", want)
		}
	}
}

// seedDoc is the seed's sections 2 and 3 (testkit.Seed002) as a Writer
// document: a Heading 1 for Bakgrund, Sammanfattning and each area, a
// Heading 2 for each Rubrik, the text of each Stycke, each table where its
// row Tabell stands. ok is false without the seed.
func seedDoc(t *testing.T) (*fodt, bool) {
	if _, err := os.Stat(filepath.Join(testkit.ModuleRoot(t), "..", "shared", "seeds", testkit.Seed002Name)); err != nil {
		return nil, false
	}
	seed := testkit.Seed002(t)
	in := testbase.Instrument(t, "kommunkompassen@2007")
	f := &fodt{}
	for _, sec := range append([]string{evaluation.SectionBackground, evaluation.SectionSummary}, workbook.TextSections(in)[2:]...) {
		name := sec
		if a, ok := in.Area(sec); ok {
			name = "Område " + a.ID + " " + a.Name
		}
		f.heading(1, name)
		for _, b := range seed.Text {
			if b.Section != sec {
				continue
			}
			switch b.Kind {
			case evaluation.Heading:
				f.heading(2, b.Text)
			case evaluation.TableRef:
				for _, tb := range seed.Tables {
					if tb.Label() == b.Text {
						f.table(tb)
					}
				}
			default:
				f.text(b.Text)
			}
		}
	}
	return f, true
}

// importSeedDocx is the second acceptance test: the seed's sections 2
// and 3, written in Writer and saved as .docx, imported into the seed's
// workbook in place of its text, give the very report the workbook gives
// (the report test's seed workbook, testkit.Seed.Workbook).
func importSeedDocx(t *testing.T, seedDocx string) {
	seed := testkit.Seed002(t) // skips without the seed, fails under CI=true
	if seedDocx == "" {
		t.Fatal("the seed is there, but no document was made of it")
	}
	dirs := map[string]string{}
	for _, name := range []string{"typed", "imported"} {
		dir := filepath.Join(t.TempDir(), name)
		os.MkdirAll(dir, 0o755)
		for _, y := range []string{"umea-2003.xlsx", "umea-2005.xlsx"} {
			b, err := os.ReadFile(filepath.Join(testkit.ModuleRoot(t), "evaluations", y))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, y), b, 0o644)
		}
		dirs[name] = dir
	}
	typed := filepath.Join(dirs["typed"], "umea-2007.xlsx")
	if err := os.WriteFile(typed, seed.Workbook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	imported := filepath.Join(dirs["imported"], "umea-2007.xlsx")
	code, stdout, stderr := kompass("text", "import", seedDocx, "--into", typed, "-o", imported)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	want, got := reportOf(t, dirs["typed"], "Umeå"), reportOf(t, dirs["imported"], "Umeå")
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("the reports differ at line %d:\nimported: %.300s\ntyped:    %.300s", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("the reports differ in length: %d and %d lines", len(gl), len(wl))
	}
	if !bytes.Contains(got, []byte(`<p class="table-note">`)) || bytes.Count(got, []byte("<h4")) < 20 {
		t.Error("the report holds no table note or few sub-headings: the test would prove little")
	}
}

// pasteWorkbook is a template with the cells of pasted on Bedömning.
func pasteWorkbook(t *testing.T) []byte {
	f := testkit.Template(t, "kommunkompassen@2007", evaluation.Facts{Kommun: "Exempelkommun", Year: 2007})
	w := testkit.Fill(t, f)
	w.Scores(testkit.Umea2007Questions(t))
	for _, p := range pasted {
		w.Text("1", p.kind, p.text)
	}
	return testkit.Bytes(t, f)
}

// paste is the third acceptance test: cells holding line breaks, each
// list mark Word leaves in pasted text, numbered lines and a long Rubrik,
// saved by LibreOffice Calc, read as documented: every line a paragraph,
// the marks one bullet list, the numbers a numbered list, U+F0B7 nowhere,
// and a warning at the Rubrik's cell.
func paste(t *testing.T, pasted string) {
	res := validate.File(pasted, testbase.Registry(t))
	if !res.OK() {
		t.Fatalf("problems: %v", res.Problems)
	}
	var warnings []string
	for _, p := range res.Problems {
		warnings = append(warnings, p.Place()+" "+p.Message)
	}
	if want := []string{"Bedömning!C5 this Rubrik reads like a paragraph (135 characters, ends with a full stop); if it is one, set its Typ (B5) to Stycke"}; !slices.Equal(warnings, want) {
		t.Errorf("problems %q, want %q", warnings, want)
	}
	var got []string
	for _, b := range res.Evaluation.Text {
		if b.Kind != evaluation.Paragraph {
			continue
		}
		for _, mb := range markup.Parse(b.Text) {
			switch {
			case mb.Ordered:
				got = append(got, fmt.Sprintf("ol %d: %s", mb.Start, strings.ReplaceAll(mb.Text(), "\n", " | ")))
			case mb.List():
				got = append(got, "ul: "+strings.ReplaceAll(mb.Text(), "\n", " | "))
			default:
				got = append(got, "p: "+mb.Text())
			}
		}
	}
	want := []string{
		"p: Första stycket.", "p: Andra stycket.", "p: Tredje stycket.",
		"p: Punkter:", "ul: tankstreck | mittpunkt | ett o | symbol | punkt | bindestreck",
		"ol 1: ett | två | tre",
	}
	if !slices.Equal(got, want) {
		t.Errorf("the cells read as\n%q\nwant\n%q", got, want)
	}
	page := reportOf(t, filepath.Dir(pasted), "Exempelkommun")
	if bytes.ContainsRune(page, '\uf0b7') {
		t.Error("U+F0B7 reached the report")
	}
	if missing, ok := inOrder(pageUnits(t, page, "omrade-1"), []string{"Första stycket.", "Andra stycket.", "Tredje stycket.", "tankstreck", "symbol", "bindestreck", "ett", "tre"}); !ok {
		t.Errorf("the report does not show %q in order", missing)
	}
}
