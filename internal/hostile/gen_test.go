package hostile

// Generators of the corpus: every input is made from Go data, so that the
// committed files can be checked byte for byte against what this file makes.

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/evaluation"
	"github.com/kompass-dev/kompass/internal/samples"
	"github.com/kompass-dev/kompass/internal/testbase"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// The fictional evaluation every hostile workbook starts from.
const (
	kommunA   = "Exempelkommun A"
	baseYear  = 2025
	baseInstr = "kommunkompassen@2007"
	poangPart = "xl/worksheets/sheet3.xml" // the sheet Poäng in a template (checked by partOfSheet)
	factsPart = "xl/worksheets/sheet2.xml" // the sheet Uppgifter
)

// baseSample is a full, valid evaluation of Exempelkommun A: the scores of
// the shipped Umeå 2007 sample (testkit.Umea2007) without its comments,
// notes and sources.
func baseSample(t testing.TB, kommun string, year int) samples.Sample {
	t.Helper()
	return samples.Sample{
		File: "base.xlsx", Instrument: baseInstr, Facts: evaluation.Facts{Kommun: kommun, Year: year, Kind: evaluation.KindKommun, Evaluators: "Testare T", Dates: "1 januari " + strconv.Itoa(year), Sources: "Påhittat testfall (internal/hostile); poängen är lånade från exempeldata."},
		Scores: testkit.Umea2007(t),
	}
}

// workbookWith builds the base evaluation, lets edit change it with
// excelize, and returns the saved bytes.
func workbookWith(t testing.TB, edit func(f *excelize.File)) []byte {
	t.Helper()
	return workbookOf(t, baseSample(t, kommunA, baseYear), edit)
}

func workbookOf(t testing.TB, s samples.Sample, edit func(f *excelize.File)) []byte {
	t.Helper()
	ev, err := s.Evaluation(testbase.Registry(t))
	check(t, err)
	f, err := workbook.Build(ev.Instrument, ev, workbook.Extra{})
	check(t, err)
	defer f.Close()
	if edit != nil {
		edit(f)
	}
	return testkit.Bytes(t, f)
}

// base is the valid base workbook.
func base(t testing.TB) []byte { return workbookWith(t, nil) }

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// setScore returns an edit writing v into the Poäng cell of id (as
// testkit.Filler writes it: a string as text, a float64 as a number, a bool
// as TRUE/FALSE).
func setScore(id string, v any) func(testing.TB) func(*excelize.File) {
	return func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) { testkit.Fill(t, f).Score(id, v) }
	}
}

func setFact(label string, v any) func(testing.TB) func(*excelize.File) {
	return func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) { testkit.Fill(t, f).Fact(label, v) }
	}
}

// edited builds the base workbook with one edit.
func edited(edit func(testing.TB) func(*excelize.File)) func(testing.TB) []byte {
	return func(t testing.TB) []byte { return workbookWith(t, edit(t)) }
}

// rezip copies a zip archive entry by entry, in order, with the same
// headers; change returns the new content of an entry (nil drops it). The
// copy is as deterministic as the original.
func rezip(t testing.TB, data []byte, change func(name string, content []byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	check(t, err)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		check(t, err)
		content, err := io.ReadAll(rc)
		check(t, err)
		rc.Close()
		content = change(zf.Name, content)
		if content == nil {
			continue
		}
		fh := zf.FileHeader
		w, err := zw.CreateHeader(&zip.FileHeader{Name: fh.Name, Method: fh.Method, Modified: fh.Modified})
		check(t, err)
		_, err = w.Write(content)
		check(t, err)
	}
	check(t, zw.Close())
	return buf.Bytes()
}

// withPart replaces one part of a workbook.
func withPart(t testing.TB, data []byte, part string, edit func(string) string) []byte {
	t.Helper()
	found := false
	out := rezip(t, data, func(name string, content []byte) []byte {
		if name != part {
			return content
		}
		found = true
		return []byte(edit(string(content)))
	})
	if !found {
		t.Fatalf("no part %s", part)
	}
	return out
}

// partOfSheet resolves the part that holds a sheet, through the workbook
// and its relationships, so that poangPart cannot silently go stale.
func partOfSheet(t testing.TB, data []byte, sheet string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	check(t, err)
	read := func(name string) string {
		for _, zf := range zr.File {
			if zf.Name == name {
				rc, err := zf.Open()
				check(t, err)
				defer rc.Close()
				b, err := io.ReadAll(rc)
				check(t, err)
				return string(b)
			}
		}
		t.Fatalf("no part %s", name)
		return ""
	}
	m := regexp.MustCompile(`<sheet name="` + regexp.QuoteMeta(sheet) + `"[^>]* r:id="([^"]+)"`).FindStringSubmatch(read("xl/workbook.xml"))
	if m == nil {
		t.Fatalf("no sheet %s in xl/workbook.xml", sheet)
	}
	rels := read("xl/_rels/workbook.xml.rels")
	r := regexp.MustCompile(`<Relationship Id="` + m[1] + `" Target="([^"]+)"`).FindStringSubmatch(rels)
	if r == nil {
		t.Fatalf("no relationship %s", m[1])
	}
	return "xl/" + r[1]
}

// cellRE matches one stored cell, written by excelize as <c r="D3" …>…</c>
// or <c r="D3" …/>.
func cellRE(ref string) *regexp.Regexp {
	return regexp.MustCompile(`<c r="` + ref + `"[^>]*?(/>|>.*?</c>)`)
}

// withCellXML replaces the stored cell ref of a sheet part by xml.
func withCellXML(t testing.TB, data []byte, part, ref, xml string) []byte {
	t.Helper()
	return withPart(t, data, part, func(s string) string {
		re := cellRE(ref)
		if !re.MatchString(s) {
			t.Fatalf("%s: no cell %s", part, ref)
		}
		return re.ReplaceAllLiteralString(s, xml)
	})
}

// deflate compresses data the way a zip writer does.
func deflate(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestCompression)
	check(t, err)
	_, err = fw.Write(data)
	check(t, err)
	check(t, fw.Close())
	return buf.Bytes()
}

// rawZip writes entries whose headers are given as they should be stored,
// sizes and checksum included, whatever the content really is: this is how
// a crafted archive lies about its sizes. Content must already be deflated
// when the method is Deflate.
type rawEntry struct {
	name             string
	method           uint16
	content          []byte // stored bytes
	crc              uint32
	compressed, size uint64
}

func rawZip(t testing.TB, entries []rawEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: e.method, CRC32: e.crc,
			CompressedSize64: e.compressed, UncompressedSize64: e.size})
		check(t, err)
		_, err = w.Write(e.content)
		check(t, err)
	}
	check(t, zw.Close())
	return buf.Bytes()
}

// entriesOf returns the entries of an archive as raw entries with their
// true sizes, the part named lie replaced by the given one.
func entriesOf(t testing.TB, data []byte, replace map[string]rawEntry) []rawEntry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	check(t, err)
	var out []rawEntry
	for _, zf := range zr.File {
		if e, ok := replace[zf.Name]; ok {
			e.name = zf.Name
			out = append(out, e)
			continue
		}
		rc, err := zf.Open()
		check(t, err)
		content, err := io.ReadAll(rc)
		check(t, err)
		rc.Close()
		d := deflate(t, content)
		out = append(out, rawEntry{name: zf.Name, method: zip.Deflate, content: d, crc: crc32.ChecksumIEEE(content),
			compressed: uint64(len(d)), size: uint64(len(content))})
	}
	return out
}

// truthful makes a raw entry whose headers tell the truth.
func truthful(t testing.TB, content []byte) rawEntry {
	d := deflate(t, content)
	return rawEntry{method: zip.Deflate, content: d, crc: crc32.ChecksumIEEE(content), compressed: uint64(len(d)), size: uint64(len(content))}
}

// sheetStart is the start of the Poäng sheet part up to its sheetData.
func sheetStart(t testing.TB, data []byte) string {
	t.Helper()
	var start string
	withPart(t, data, poangPart, func(s string) string {
		i := strings.Index(s, "<sheetData>")
		if i < 0 {
			t.Fatalf("%s has no <sheetData>", poangPart)
		}
		start = s[:i+len("<sheetData>")]
		return s
	})
	return start
}

// bombPart deflates n bytes: head, then fill bytes up to n. Deflating 200
// MB takes seconds (far longer under the race detector), so the stream is
// made the way zip bombs are: once the compressor's window holds nothing but
// fill bytes, each further megabyte compresses to the same flushed block,
// which is then repeated. The result is a valid deflate stream of exactly n
// bytes (TestZipBombMemory inflates one to check). Parts are cached by
// (head, n, fill).
func bombPart(t testing.TB, head string, n int64, fill byte) (deflated []byte, crc uint32) {
	t.Helper()
	key := fmt.Sprintf("%x/%d/%d", crc32.ChecksumIEEE([]byte(head)), n, fill)
	bombMu.Lock()
	defer bombMu.Unlock()
	if p, ok := bombParts[key]; ok {
		return p.deflated, p.crc
	}
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestSpeed)
	check(t, err)
	h := crc32.NewIEEE()
	w := io.MultiWriter(fw, h)
	_, err = io.WriteString(w, head)
	check(t, err)
	chunk := bytes.Repeat([]byte{fill}, 1<<20)
	left := n - int64(len(head))
	var prev []byte
	for left >= int64(len(chunk)) {
		mark := buf.Len()
		_, err = w.Write(chunk)
		check(t, err)
		check(t, fw.Flush())
		left -= int64(len(chunk))
		block := buf.Bytes()[mark:]
		if bytes.Equal(block, prev) {
			for ; left >= int64(len(chunk)); left -= int64(len(chunk)) {
				buf.Write(block)
				h.Write(chunk)
			}
			break
		}
		prev = append(prev[:0], block...)
	}
	_, err = w.Write(chunk[:left])
	check(t, err)
	check(t, fw.Close())
	bombParts[key] = bombPartOf{buf.Bytes(), h.Sum32()}
	return buf.Bytes(), h.Sum32()
}

type bombPartOf struct {
	deflated []byte
	crc      uint32
}

var (
	bombMu    sync.Mutex
	bombParts = map[string]bombPartOf{}
)

// bomb is the base workbook with the Poäng sheet replaced by a part of n
// bytes (the sheet's start, then fill bytes), declaring the given size (0:
// the true size).
func bomb(t testing.TB, n int64, declared uint64, fill byte) []byte {
	t.Helper()
	b := base(t)
	head := sheetStart(t, b)
	d, crc := bombPart(t, head, n, fill)
	if declared == 0 {
		declared = uint64(n)
	}
	return rawZip(t, entriesOf(t, b, map[string]rawEntry{
		poangPart: {method: zip.Deflate, content: d, crc: crc, compressed: uint64(len(d)), size: declared},
	}))
}

// rowsSheet is the base workbook with n extra rows on the Poäng sheet.
func rowsSheet(t testing.TB, n int) []byte {
	t.Helper()
	return withPart(t, base(t), poangPart, func(s string) string {
		var b strings.Builder
		for r := 1; r <= n; r++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="B%d" t="inlineStr"><is><t>rad</t></is></c></row>`, 200+r, 200+r)
		}
		return strings.Replace(s, "</sheetData>", b.String()+"</sheetData>", 1)
	})
}

// ole2 is the signature of an OLE2 compound file (.xls, encrypted .xlsx).
var ole2 = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// legacyXLS is an OLE2 file: the signature and a sector of padding, as much
// of an Excel 97–2003 file as kompass looks at.
func legacyXLS() []byte {
	b := append([]byte{}, ole2...)
	b = append(b, make([]byte, 512-len(ole2))...)
	copy(b[24:], []byte{0x3E, 0x00, 0x03, 0x00, 0xFE, 0xFF, 0x09, 0x00}) // minor, major version, byte order, sector shift
	return append(b, bytes.Repeat([]byte("Workbook\x00"), 56)...)
}

// encrypted is the base workbook saved with the password "x".
func encrypted(t testing.TB) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(base(t)))
	check(t, err)
	defer f.Close()
	var buf bytes.Buffer
	_, err = f.WriteTo(&buf, excelize.Options{Password: "x"})
	check(t, err)
	return buf.Bytes()
}

// manyEntries is the base workbook with n more tiny parts.
func manyEntries(t testing.TB, n int) []byte {
	t.Helper()
	entries := entriesOf(t, base(t), nil)
	for i := 1; i <= n; i++ {
		e := truthful(t, []byte("x"))
		e.name = fmt.Sprintf("customXml/item%d.xml", i)
		entries = append(entries, e)
	}
	return rawZip(t, entries)
}

// withMerges is the base workbook whose Poäng sheet declares n merged
// ranges, made by ref(i) for i from 1.
func withMerges(t testing.TB, n int, ref func(i int) string) []byte {
	t.Helper()
	return withPart(t, base(t), poangPart, func(s string) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<mergeCells count="%d">`, n)
		for i := 1; i <= n; i++ {
			fmt.Fprintf(&b, `<mergeCell ref="%s"/>`, ref(i))
		}
		b.WriteString(`</mergeCells>`)
		return strings.Replace(s, "<dataValidations", b.String()+"<dataValidations", 1)
	})
}

// longShared is the base workbook with one shared string of n bytes
// referenced from every Poäng cell of rows 3 to 46 and from extra rows
// with ids the instrument does not have, one for each of extra.
func longShared(t testing.TB, n, extra int) []byte {
	t.Helper()
	b := base(t)
	var index int
	b = withPart(t, b, "xl/sharedStrings.xml", func(s string) string {
		index = strings.Count(s, "<si>")
		return strings.Replace(s, "</sst>", "<si><t>"+strings.Repeat("x", n)+"</t></si></sst>", 1)
	})
	return withPart(t, b, poangPart, func(s string) string {
		for r := 3; r <= 46; r++ {
			s = cellRE(fmt.Sprintf("D%d", r)).ReplaceAllLiteralString(s, fmt.Sprintf(`<c r="D%d" s="6" t="s"><v>%d</v></c>`, r, index))
		}
		var rows strings.Builder
		for i := 1; i <= extra; i++ {
			r := 200 + i
			fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>9.%d</t></is></c><c r="D%d" t="s"><v>%d</v></c></row>`, r, r, i, r, index)
		}
		return strings.Replace(s, "</sheetData>", rows.String()+"</sheetData>", 1)
	})
}

// withDateStyle adds a cell format that shows a date (the built-in format
// 14) to a workbook made from the template, as style 16.
func withDateStyle(t testing.TB, data []byte) []byte {
	t.Helper()
	return withPart(t, data, "xl/styles.xml", func(s string) string {
		if !strings.Contains(s, `<cellXfs count="16">`) {
			t.Fatal("the template has not 16 cell formats; fix withDateStyle")
		}
		s = strings.Replace(s, `<cellXfs count="16">`, `<cellXfs count="17">`, 1)
		return strings.Replace(s, "</cellXfs>", `<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="true"></xf></cellXfs>`, 1)
	})
}
