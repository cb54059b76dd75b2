package hostile

// The inputs of the corpus: one entry per file, with how it is made.

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/kompass-dev/kompass/internal/sheet"
	"github.com/kompass-dev/kompass/internal/testkit"
	"github.com/kompass-dev/kompass/internal/workbook"
)

// making says where an input comes from.
type making int

const (
	generated  making = iota // committed; -update rewrites it; must equal the generator's bytes
	madeOnce                 // committed; -update makes it only when missing; checked by verify
	atTestTime               // too large to commit: generated into a temporary folder by each run
	special                  // not a regular file: made by create in the working folder of each run
)

// input is one file of the corpus.
type input struct {
	name   string // path under testdata/hostile
	how    making
	make   func(t testing.TB) []byte
	verify func(t testing.TB, data []byte) // for madeOnce: what the file must be
	create func(t testing.TB, path string) // for special: makes the entry at path
	about  string
}

// formulaKommun is the Kommun of workbook/formula-text.xlsx.
const formulaKommun = `=HYPERLINK("http://evil.example/","Exempelkommun A")`

// manyStrings is the number of empty shared strings of
// shared-strings-4m.xlsx.
const manyStrings = 4_500_000

const (
	bigRows   = 100000    // rows of the very large sheet
	bombBytes = 200 << 20 // unpacked size of the zip bomb's part
)

func text(s string) func(testing.TB) []byte { return func(testing.TB) []byte { return []byte(s) } }

// inputs is the corpus, workbooks first.
var inputs = []input{
	// Not a workbook at all.
	{name: "workbook/text.xlsx", make: text("ID;Poäng\n1.1;28\n1.2;32\n"), about: "a CSV text file named .xlsx"},
	{name: "workbook/empty.xlsx", make: text(""), about: "an empty file"},
	{name: "workbook/truncated.xlsx", make: func(t testing.TB) []byte { b := base(t); return b[:len(b)/2] },
		about: "a real workbook cut in the middle (no central directory)"},
	{name: "workbook/zip-without-workbook.xlsx", about: "a zip archive without xl/workbook.xml", make: func(t testing.TB) []byte {
		e := truthful(t, []byte("hej"))
		e.name = "readme.txt"
		return rawZip(t, []rawEntry{e})
	}},
	{name: "workbook/legacy.xls", make: func(testing.TB) []byte { return legacyXLS() }, about: "an Excel 97–2003 file (OLE2 signature)"},
	{name: "workbook/encrypted.xlsx", how: madeOnce, make: encrypted, verify: verifyEncrypted,
		about: "the base workbook saved by excelize with the password \"x\""},

	// Zip bombs and lies.
	{name: "workbook/bomb-declared-1tib.xlsx", about: "the Poäng sheet declares an unpacked size of 1 TiB", make: func(t testing.TB) []byte {
		b := base(t)
		return rawZip(t, entriesOf(t, b, map[string]rawEntry{poangPart: func() rawEntry {
			e := truthful(t, []byte(sheetStart(t, b)+"</sheetData></worksheet>"))
			e.size = 1 << 40
			return e
		}()}))
	}},
	{name: "workbook/bomb-200mb.xlsx", how: atTestTime, make: func(t testing.TB) []byte { return bomb(t, bombBytes, 0, 0) },
		about: "the Poäng sheet is 200 MB of zeros, truthfully declared (about 270 KB on disk)"},
	{name: "workbook/size-lies.xlsx", about: "the Poäng sheet declares 4 KB but inflates to 10 MB", make: func(t testing.TB) []byte {
		return bomb(t, 10<<20, 4096, ' ')
	}},
	{name: "workbook/too-many-parts.xlsx", make: func(t testing.TB) []byte { return manyEntries(t, 1000) },
		about: "the base workbook plus 1000 tiny parts"},

	// Damaged parts.
	{name: "workbook/sheet-xml-truncated.xlsx", about: "the Poäng sheet's XML is cut in the middle", make: func(t testing.TB) []byte {
		return withPart(t, base(t), poangPart, func(s string) string { return s[:len(s)/2] })
	}},
	{name: "workbook/workbook-xml-truncated.xlsx", about: "xl/workbook.xml is cut inside its list of sheets", make: func(t testing.TB) []byte {
		return withPart(t, base(t), "xl/workbook.xml", func(s string) string { return s[:strings.Index(s, "<sheet name=\"Poäng\"")+10] })
	}},
	{name: "workbook/sheet-xml-entities.xlsx", about: "a billion-laughs entity declaration in the Poäng sheet", make: func(t testing.TB) []byte {
		return withPart(t, base(t), poangPart, func(s string) string {
			var dt strings.Builder
			dt.WriteString(`<!DOCTYPE worksheet [<!ENTITY lol0 "lol">`)
			for i := 1; i <= 9; i++ {
				dt.WriteString(`<!ENTITY lol` + string(rune('0'+i)) + ` "` + strings.Repeat(`&lol`+string(rune('0'+i-1))+`;`, 10) + `">`)
			}
			dt.WriteString(`]>`)
			s = strings.Replace(s, "?>", "?>"+dt.String(), 1)
			return cellRE("D3").ReplaceAllLiteralString(s, `<c r="D3" s="6" t="inlineStr"><is><t>&lol9;</t></is></c>`)
		})
	}},
	{name: "workbook/part-twice.xlsx", about: "the Poäng sheet twice in the archive, the second copy with 1.1 = 40", make: func(t testing.TB) []byte {
		b := base(t)
		entries := entriesOf(t, b, nil)
		var second []byte
		withPart(t, b, poangPart, func(s string) string {
			second = []byte(cellRE("D3").ReplaceAllLiteralString(s, `<c r="D3" s="6"><v>40</v></c>`))
			return s
		})
		e := truthful(t, second)
		e.name = poangPart
		return rawZip(t, append(entries, e))
	}},
	{name: "workbook/sheet-target-outside.xlsx", about: "the relationship of the Poäng sheet points outside the archive (../../../etc/passwd)", make: func(t testing.TB) []byte {
		return withPart(t, base(t), "xl/_rels/workbook.xml.rels", func(s string) string {
			return strings.Replace(s, `Target="worksheets/sheet3.xml"`, `Target="../../../etc/passwd"`, 1)
		})
	}},
	{name: "workbook/shared-string-missing.xlsx", about: "the Poäng cell of 1.1 points at shared string 99999", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6" t="s"><v>99999</v></c>`)
	}},
	{name: "workbook/cell-text-2mb.xlsx", about: "the Poäng cell of 1.1 holds 2 MB of text", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6" t="inlineStr"><is><t>`+strings.Repeat("9", 2<<20)+`</t></is></c>`)
	}},
	{name: "workbook/rows-100000.xlsx", how: atTestTime, make: func(t testing.TB) []byte { return rowsSheet(t, bigRows) },
		about: "the Poäng sheet has 100,000 more rows"},
	// Small files that ask for much work.
	{name: "workbook/merges-large.xlsx", make: func(t testing.TB) []byte {
		return withMerges(t, sheet.MaxMerged, func(i int) string { return fmt.Sprintf("A%d:J%d", i, i+9998) })
	}, about: "the Poäng sheet declares 10,000 merged ranges of 99,990 cells each (a billion cells, 26 KB on disk)"},
	{name: "workbook/merges-100000.xlsx", make: func(t testing.TB) []byte {
		return withMerges(t, 100000, func(int) string { return "D3:D4" })
	}, about: "the merge D3:D4 declared 100,000 times"},
	{name: "workbook/shared-string-1mb.xlsx", make: func(t testing.TB) []byte { return longShared(t, sheet.MaxCellText, 300) },
		about: "one shared string of 1 MB in every Poäng cell, and 300 more rows with it and unknown ids"},
	{name: "workbook/score-phonetic.xlsx", about: "the Poäng cell of 1.1 is an inline string 28 with a phonetic run 0 (it read as 280)", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6" t="inlineStr"><is><t>28</t><rPh sb="0" eb="2"><t>0</t></rPh></is></c>`)
	}},
	{name: "workbook/shared-strings-4m.xlsx", about: "4,500,000 empty shared strings (22 MB of <si/>, 54 kB on disk)", make: func(t testing.TB) []byte {
		return withPart(t, base(t), "xl/sharedStrings.xml", func(s string) string {
			return strings.Replace(s, "</sst>", strings.Repeat("<si/>", manyStrings)+"</sst>", 1)
		})
	}},
	{name: "workbook/control-chars.xlsx", about: "ESC, BEL, CR and a right-to-left override in the Poäng cell of 1.1 and the Motivering i rapporten of 1.2", make: func(t testing.TB) []byte {
		b := withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6" t="inlineStr"><is><t>_x001B_]0;pwned_x0007__x001B_[2K_x000D_sju&#x202E;tton</t></is></c>`)
		return withCellXML(t, b, poangPart, "G4", `<c r="G4" s="7" t="inlineStr"><is><t>bra_x001B_[8m dold</t></is></c>`)
	}},
	{name: "workbook/comment-control-chars.xlsx", about: "a valid workbook with ESC, BEL and CR in the Motivering i rapporten of 1.1 (a correction compare lists)", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "G3", `<c r="G3" s="7" t="inlineStr"><is><t>rättad_x001B_]0;pwned_x0007__x001B_[2K_x000D_dold</t></is></c>`)
	}},
	{name: "workbook/formula-text.xlsx", about: "a valid workbook whose Kommun, Källor and a Motivering i rapporten are formulas as text (=HYPERLINK(…), @SUM(…), -1+1)", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) {
			w := testkit.Fill(t, f)
			w.Fact(workbook.FactKommun, formulaKommun)
			w.Fact(workbook.FactSources, `=HYPERLINK("http://evil.example/","Källa")`)
			w.Published("1.1", "@SUM(1+1)")
			w.Published("1.2", "-1+1")
		}
	})},
	{name: "workbook/fifo.xlsx", how: special, create: mkfifo, about: "a named pipe (FIFO) named .xlsx"},
	{name: "workbook/dev-zero.xlsx", how: special, create: symlinkDevZero, about: "a symbolic link to /dev/zero named .xlsx"},
	{name: "workbook/column-xfd.xlsx", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) { check(t, f.SetCellStr(workbook.SheetScores, "XFD3", "långt bort")) }
	}), about: "a value in XFD3, the last column Excel has"},

	// Sheets and header.
	{name: "workbook/missing-poang.xlsx", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) { check(t, f.DeleteSheet(workbook.SheetScores)) }
	}), about: "the sheet Poäng is deleted"},
	{name: "workbook/missing-header.xlsx", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) { check(t, f.SetCellStr(workbook.SheetScores, "D1", "Poängen")) }
	}), about: "the header Poäng is renamed, so no header row is found"},

	// Poäng cells.
	{name: "workbook/score-text.xlsx", make: edited(setScore("1.1", "tjugoåtta")), about: "text in the Poäng cell of 1.1"},
	{name: "workbook/score-formula-ref.xlsx", about: "a formula with the error #REF! in the Poäng cell of 1.1", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6" t="e"><f>#REF!+1</f><v>#REF!</v></c>`)
	}},
	{name: "workbook/score-error-ref.xlsx", about: "the error value #REF! (no formula) in the Poäng cell of 1.1", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6" t="e"><v>#REF!</v></c>`)
	}},
	{name: "workbook/score-formula.xlsx", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) { check(t, f.SetCellFormula(workbook.SheetScores, "D3", "20+8")) }
	}), about: "the formula =20+8 in the Poäng cell of 1.1"},
	{name: "workbook/score-nan-text.xlsx", make: edited(setScore("1.1", "NaN")), about: "the text NaN in the Poäng cell of 1.1"},
	{name: "workbook/score-nan-number.xlsx", about: "a numeric cell whose stored value is NaN", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6"><v>NaN</v></c>`)
	}},
	{name: "workbook/score-nan-date.xlsx", about: "NaN stored in the Poäng cell of 1.1, formatted as a date (it read as 1899-12-31)", make: func(t testing.TB) []byte {
		return withCellXML(t, withDateStyle(t, base(t)), poangPart, "D3", `<c r="D3" s="16"><v>NaN</v></c>`)
	}},
	{name: "workbook/score-negative.xlsx", make: edited(setScore("1.1", -5.0)), about: "-5 in the Poäng cell of 1.1"},
	{name: "workbook/score-1e300.xlsx", about: "1E+300 stored in the Poäng cell of 1.1", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6"><v>1E+300</v></c>`)
	}},
	{name: "workbook/score-thousands-space.xlsx", make: edited(setScore("1.1", "1 000")), about: "the text \"1 000\""},
	{name: "workbook/score-thousands-comma.xlsx", make: edited(setScore("1.1", "1,000.5")), about: "the text \"1,000.5\""},
	{name: "workbook/score-true.xlsx", make: edited(setScore("1.1", true)), about: "TRUE in the Poäng cell of 1.1"},
	{name: "workbook/score-date-iso.xlsx", about: "a date-typed cell (t=\"d\") in the Poäng cell of 1.1", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "D3", `<c r="D3" s="6" t="d"><v>2025-01-01T00:00:00</v></c>`)
	}},
	{name: "workbook/score-date-serial.xlsx", make: edited(setScore("1.1", time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))),
		about: "a date typed the Excel way (a serial number with a date format)"},
	{name: "workbook/score-merged.xlsx", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) { check(t, f.MergeCell(workbook.SheetScores, "D3", "D4")) }
	}), about: "the Poäng cells of 1.1 and 1.2 merged"},
	{name: "workbook/libreoffice-above-max.xlsx", how: madeOnce, make: libreOfficeAboveMax, verify: verifyLibreOffice,
		about: "saved by LibreOffice Calc, with 7.1 = 25 (above maxpoäng 20)"},

	// IDs.
	{name: "workbook/id-formula.xlsx", about: "the ID cell of 1.1 holds the formula =\"1.\"&\"1\" with its value 1.1", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), poangPart, "A3", `<c r="A3" s="4" t="str"><f>"1."&amp;"1"</f><v>1.1</v></c>`)
	}},
	{name: "workbook/id-duplicate.xlsx", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) {
			check(t, f.SetCellStr(workbook.SheetScores, "A60", "1.1"))
			check(t, f.SetCellFloat(workbook.SheetScores, "D60", 5, -1, 64))
		}
	}), about: "a second row with the ID 1.1"},
	{name: "workbook/id-unknown.xlsx", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) {
			check(t, f.SetCellStr(workbook.SheetScores, "A60", "9.9"))
			check(t, f.SetCellFloat(workbook.SheetScores, "D60", 5, -1, 64))
		}
	}), about: "a row with the ID 9.9, which the instrument does not have"},

	// Facts.
	{name: "workbook/kommun-empty.xlsx", make: edited(setFact(workbook.FactKommun, "")), about: "Kommun is empty"},
	{name: "workbook/kommun-spaces.xlsx", make: edited(setFact(workbook.FactKommun, "   ")), about: "Kommun is three spaces"},
	{name: "workbook/kommun-invisible.xlsx", about: "Kommun is a zero-width space, a byte order mark and a control character (_x0001_)", make: func(t testing.TB) []byte {
		return withCellXML(t, base(t), factsPart, "B2", `<c r="B2" t="inlineStr"><is><t>&#x200B;&#xFEFF;_x0001_</t></is></c>`)
	}},
	{name: "workbook/kommun-formula.xlsx", make: edited(func(t testing.TB) func(*excelize.File) {
		return func(f *excelize.File) {
			check(t, f.SetCellFormula(workbook.SheetFacts, testkit.Fill(t, f).FactCell(workbook.FactKommun), `"Exempel"&"kommun"`))
		}
	}), about: "Kommun is a formula"},
	{name: "workbook/year-text.xlsx", make: edited(setFact(workbook.FactYear, "tjugohundra")), about: "År is the text tjugohundra"},
	{name: "workbook/year-20071.xlsx", make: edited(setFact(workbook.FactYear, 20071)), about: "År is the number 20071"},

	// Instrument files.
	{name: "instrument/syntax-error.toml", make: text(tomlHead + `name = "Kommunkompassen utan slut
language = "sv"
step = 0.5
` + tomlArea), about: "an unterminated string"},
	{name: "instrument/wrong-types.toml", make: text(`id = "hostile"
version = "1"
name = 7
language = "sv"
step = "0,5"

[[area]]
id = 1
name = "Offentlighet"
max = "hundra"

  [[area.question]]
  id = "1.1"
  text = "Fråga"
  max = true
`), about: "numbers as text, text as numbers, a boolean max"},
	{name: "instrument/unknown-keys.toml", make: text(`id = "hostile"
version = "1"
name = "Okända nycklar"
language = "sv"
step = 0.5
colour = "blå"

[[area]]
id = "1"
name = "Offentlighet"
max = 100
vikt = 2

  [[area.question]]
  id = "1.1"
  text = "Fråga"
  max = 100
  poang = 7
`), about: "unknown keys at every level"},
	{name: "instrument/duplicate-tables.toml", make: text(tomlHead + tomlName + tomlArea + `
[[compare]]
version = "2007"
caveat = "Jämför med försiktighet."

[compare.areas]
"1" = "1"

[compare.areas]
"1" = "2"
`), about: "the table [compare.areas] twice"},
	{name: "instrument/duplicate-keys.toml", make: text(tomlHead + `id = "hostile-igen"
` + tomlName + tomlArea), about: "the key id twice"},
	{name: "instrument/question-before-area.toml", make: text(tomlHead + tomlName + `
[[area.question]]
id = "1.1"
text = "Fråga utan huvudområde"
max = 100
` + tomlArea), about: "a [[area.question]] before any [[area]]"},
	{name: "instrument/max-does-not-add-up.toml", make: text(tomlHead + tomlName + `
[[area]]
id = "1"
name = "Offentlighet"
max = 100

  [[area.question]]
  id = "1.1"
  text = "Fråga ett"
  max = 40

  [[area.question]]
  id = "1.2"
  text = "Fråga två"
  max = 50
`), about: "an area of 100 whose delfrågor add up to 90"},
	{name: "instrument/empty.toml", make: text(""), about: "an empty file"},
	{name: "instrument/not-utf8.toml", make: text(tomlHead + "name = \"Kommunkompassen f\xf6r test\"\nlanguage = \"sv\"\nstep = 0.5\n" + tomlArea),
		about: "Latin-1 bytes (ö as 0xF6)"},
	{name: "instrument/deep-nesting.toml", make: text(tomlHead + tomlName + "x = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n" + tomlArea),
		about: "an array nested 40 levels deep"},
	{name: "instrument/long-key.toml", make: text(tomlHead + tomlName + strings.Repeat(strings.Repeat("k", 60)+".", 5) + "slut = 1\n" + tomlArea),
		about: "a dotted key of 309 characters in six parts"},
	{name: "instrument/single-area-table.toml", make: text(tomlHead + tomlName + `
[area]
id = "1"
name = "Offentlighet"
max = 100
`), about: "[area] instead of [[area]]"},
	{name: "instrument/step-and-ids.toml", make: text(tomlHead + `name = "Steg och id"
language = "sv"
step = 1

[[area]]
id = "1"
name = "Offentlighet"
max = 7.5

[[area]]
id = "1"
name = "Samma id igen"
max = 100

  [[area.question]]
  id = "2.1"
  text = "Fel område"
  max = 100

[[area]]
id = "Total"
name = "Reserverat"
max = 100
`), about: "a max not in the step, a duplicate area id, a delfråga of another area, the id Total"},
	{name: "instrument/control-name.toml", make: text(tomlHead + `name = "Ond\u001b]0;pwned\u0007\u001b[2K\rversion"
language = "sv"
step = 0.5
` + tomlArea), about: "a valid instrument whose name holds ESC, BEL and CR (as TOML escapes)"},
	{name: "instrument/fifo.toml", how: special, create: mkfifo, about: "a named pipe (FIFO) named .toml"},
	{name: "instrument/dev-zero.toml", how: special, create: symlinkDevZero, about: "a symbolic link to /dev/zero named .toml"},
	{name: "instrument/too-large.toml", how: atTestTime, make: func(testing.TB) []byte {
		return []byte(tomlHead + tomlName + tomlArea + "# " + strings.Repeat("x", 1<<20) + "\n")
	}, about: "a valid instrument padded with a comment to above 1 MiB"},
}

// Pieces of instrument files.
const (
	tomlHead = `# A hostile instrument file (internal/hostile).
id = "hostile"
version = "1"
`
	tomlName = `name = "Fientlig"
language = "sv"
step = 0.5
`
	tomlArea = `
[[area]]
id = "1"
name = "Offentlighet och demokratisk kontroll"
max = 100
`
)

// verifyEncrypted checks that a file is the base workbook encrypted with
// the password "x".
func verifyEncrypted(t testing.TB, data []byte) {
	t.Helper()
	if !bytes.HasPrefix(data, ole2) || !bytes.Contains(data, []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e")) {
		t.Fatal("not an OLE2 file with an EncryptedPackage stream")
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{Password: "x"})
	if err != nil {
		t.Fatalf("does not open with the password x: %v", err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue(workbook.SheetFacts, "B2"); v != kommunA {
		t.Errorf("Uppgifter!B2 = %q, want %q", v, kommunA)
	}
}
