package testkit

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kompass-dev/kompass/internal/testbase"
)

// LibreOffice returns the path of soffice, or skips the test (Need, and
// under -short).
func LibreOffice(t testing.TB) string {
	t.Helper()
	testbase.SkipShort(t, "LibreOffice")
	p, err := exec.LookPath("soffice")
	testbase.Need(t, "LibreOffice (soffice on the PATH)", "Debian: apt-get install libreoffice-calc-nogui", err)
	return p
}

// Openpyxl returns a Python that imports openpyxl, for a test that edits
// a workbook the way another program would (Debian's /usr/bin/python3 with
// python3-openpyxl, else python3 on the PATH), or skips the test (Need,
// and under -short).
func Openpyxl(t testing.TB) string {
	t.Helper()
	testbase.SkipShort(t, "Python with openpyxl")
	p, err := OpenpyxlPath()
	testbase.Need(t, "Python with openpyxl", "Debian: apt-get install python3-openpyxl", err)
	return p
}

// OpenpyxlPath looks for the Python Openpyxl returns, once per test
// binary, without skipping: for a test that prepares work for subtests
// before they run, each of which then calls Openpyxl.
var OpenpyxlPath = sync.OnceValues(func() (string, error) {
	candidates := []string{"/usr/bin/python3"}
	if p, err := exec.LookPath("python3"); err == nil {
		candidates = append(candidates, p)
	}
	err := errors.New("no python3")
	for _, p := range candidates {
		var out []byte
		if out, err = exec.Command(p, "-c", "import openpyxl").CombinedOutput(); err == nil {
			return p, nil
		}
		err = fmt.Errorf("%s: %v: %s", p, err, bytes.TrimSpace(out))
	}
	return "", err
})

// Calc is the work of one LibreOffice run: workbooks to open and save
// again as xlsx, rows to delete, the way an evaluator using LibreOffice
// Calc would, and Writer documents to save as .docx (SaveAsDocx). Starting LibreOffice is most of the time a test of it takes, so a
// test binary gathers all its work first and does it in one run (Run):
//
//	c := testkit.NewCalc(t)
//	a := c.Convert(pathA)
//	b := c.DeleteRow(pathB, "Poäng", 10)
//	c.Run(t, testkit.LibreOffice(t))
//	… check a and b
//
// The run has a profile of its own, so that runs in parallel (other test
// binaries) do not fight over the profile's lock; the profile holds the
// Basic macro that deletes a row.
type Calc struct {
	// Locale, when set ("sv-SE"), is Calc's locale setting for the run
	// (Verktyg → Alternativ → Språkinställningar → Språk → Språkmiljö), as
	// our users have it: a decimal comma, Swedish dates, and formulas
	// computed as Swedish Calc computes them.
	Locale  string
	dir     string
	convert []string // workbooks to convert
	macros  []string // macro calls, one per row to delete
	outs    []string // every output, in the order added
}

// NewCalc starts the list of a Calc run's work; its outputs go to a
// temporary folder of t.
func NewCalc(t testing.TB) *Calc { return &Calc{dir: t.TempDir()} }

// Convert adds a workbook to open and save again as xlsx, and returns the
// path Run writes the copy to: the file's name, which must differ from
// that of every other workbook converted, in a folder of the run's.
func (c *Calc) Convert(in string) string {
	out := filepath.Join(c.dir, filepath.Base(in))
	c.convert, c.outs = append(c.convert, in), append(c.outs, out)
	return out
}

// DeleteRow adds a workbook of which Calc deletes one row of a sheet, as an
// evaluator does (right-click the row number → Ta bort rader; row as Calc
// numbers it, the sheet's protection lifted and set again), and saves it
// as xlsx; it returns the path Run writes that copy to. Calc then writes an
// empty last row 1048576 and a dimension that reaches it.
func (c *Calc) DeleteRow(in, sheet string, row int) string {
	out := filepath.Join(c.dir, fmt.Sprintf("deleted-row-%d.xlsx", len(c.macros)+1))
	c.macros = append(c.macros, fmt.Sprintf("macro:///Standard.Kompass.DeleteRow(%q,%q,%q,%d)", fileURL(in), fileURL(out), sheet, row))
	c.outs = append(c.outs, out)
	return out
}

// A CalcEdit is one thing a person does in Calc while filling a workbook
// in: InsertRow, Type or Copy.
type CalcEdit string

// InsertRow inserts an empty row above row (right-click the row number →
// Infoga rader ovanför).
func InsertRow(sheet string, row int) CalcEdit {
	return CalcEdit(fmt.Sprintf("insert\t%s\t%d", sheet, row))
}

// Type types text into a cell as a person does: Calc reads it as it reads
// what is typed (2026-06-30 becomes a date, =… a formula). The text holds
// no tab and no line break.
func Type(sheet, cell, text string) CalcEdit {
	return CalcEdit(fmt.Sprintf("type\t%s\t%s\t%s", sheet, cell, text))
}

// Copy copies the cells from (B5:E5) to the cell to (B6) and below, as
// Ctrl+C and Ctrl+V, or Ctrl+D into the row below, do: formulas follow.
func Copy(sheet, from, to string) CalcEdit {
	return CalcEdit(fmt.Sprintf("copy\t%s\t%s\t%s", sheet, from, to))
}

// Edit adds a workbook that Calc edits, the edits in order (each sheet's
// protection lifted for the edit and set again), and saves as xlsx; it
// returns the path Run writes that copy to.
func (c *Calc) Edit(t testing.TB, in string, edits ...CalcEdit) string {
	t.Helper()
	n := len(c.macros) + 1
	script := filepath.Join(c.dir, fmt.Sprintf("edit-%d.txt", n))
	var b strings.Builder
	for _, e := range edits {
		b.WriteString(string(e) + "\n")
	}
	if err := os.WriteFile(script, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(c.dir, fmt.Sprintf("edited-%d.xlsx", n))
	c.macros = append(c.macros, fmt.Sprintf("macro:///Standard.Kompass.Edit(%q,%q,%q)", fileURL(in), fileURL(out), fileURL(script)))
	c.outs = append(c.outs, out)
	return out
}

// SaveAsDocx adds a document LibreOffice Writer opens (a flat ODT, .fodt)
// to save as a Word document (.docx), as an evaluator who writes the
// analysis in Writer saves it for kompass text import; it returns the path
// Run writes the .docx to. The run is one soffice run with the workbooks'.
func (c *Calc) SaveAsDocx(in string) string {
	out := filepath.Join(c.dir, strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))+".docx")
	c.macros = append(c.macros, fmt.Sprintf("macro:///Standard.Kompass.SaveAs(%q,%q,%q)", fileURL(in), fileURL(out), "MS Word 2007 XML"))
	c.outs = append(c.outs, out)
	return out
}

// Run does all the work in one soffice run, and fails the test when an
// output is missing.
func (c *Calc) Run(t testing.TB, soffice string) {
	t.Helper()
	profile := t.TempDir()
	if err := writeCalcProfile(profile, c.Locale); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=" + fileURL(profile), "--headless", "--norestore"}, c.macros...)
	if len(c.convert) > 0 {
		args = append(append(args, "--convert-to", "xlsx", "--outdir", c.dir), c.convert...)
	}
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, p := range c.outs {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("soffice wrote no %s: %v\n%s", p, err, out)
		}
	}
}

func fileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// writeCalcProfile writes a LibreOffice profile that has been set up
// already (so that LibreOffice keeps the Basic library in it instead of
// replacing it with its presets) with the library Standard and its module
// Kompass.
func writeCalcProfile(dir, locale string) error {
	basic := filepath.Join(dir, "user", "basic")
	registry := calcRegistry
	if locale != "" {
		registry = strings.Replace(registry, "</oor:items>", fmt.Sprintf(calcLocale, locale)+"</oor:items>", 1)
	}
	files := map[string]string{
		filepath.Join(dir, "user", "registrymodifications.xcu"): registry,
		filepath.Join(basic, "script.xlc"):                      calcLibraries,
		filepath.Join(basic, "dialog.xlc"):                      calcLibraries,
		filepath.Join(basic, "Standard", "dialog.xlb"):          calcDialogs,
		filepath.Join(basic, "Standard", "script.xlb"):          calcScripts,
		filepath.Join(basic, "Standard", "Kompass.xba"):         calcMacros,
	}
	for path, text := range files {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

const (
	calcRegistry = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`
	// calcLocale sets the locale of the run, a language tag.
	calcLocale = `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>%[1]s</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>%[1]s</value></prop></item>
`
	calcLibraries = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
`
	calcDialogs = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false"/>
`
	calcScripts = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Kompass"/>
</library:library>
`
	// The sheets of a kompass workbook are protected without a password:
	// DeleteRow lifts the protection, deletes the row and protects the
	// sheet again.
	calcMacros = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Kompass" script:language="StarBasic">
Function OpenHidden(inURL As String)
	Dim load(0) As New com.sun.star.beans.PropertyValue
	load(0).Name = &quot;Hidden&quot;
	load(0).Value = True
	OpenHidden = StarDesktop.loadComponentFromURL(inURL, &quot;_blank&quot;, 0, load())
End Function
Sub SaveClose(doc, outURL As String, filter As String)
	Dim store(0) As New com.sun.star.beans.PropertyValue
	store(0).Name = &quot;FilterName&quot;
	store(0).Value = filter
	doc.storeToURL(outURL, store())
	doc.close(True)
End Sub
Sub DeleteRow(inURL As String, outURL As String, sheetName As String, rowNumber As Long)
	doc = OpenHidden(inURL)
	sheet = doc.Sheets.getByName(sheetName)
	sheet.unprotect(&quot;&quot;)
	sheet.Rows.removeByIndex(rowNumber - 1, 1)
	sheet.protect(&quot;&quot;)
	SaveClose(doc, outURL, &quot;Calc MS Excel 2007 XML&quot;)
End Sub
Sub SaveAs(inURL As String, outURL As String, filter As String)
	SaveClose(OpenHidden(inURL), outURL, filter)
End Sub
Sub Edit(inURL As String, outURL As String, scriptURL As String)
	doc = OpenHidden(inURL)
	sfa = createUnoService(&quot;com.sun.star.ucb.SimpleFileAccess&quot;)
	tis = createUnoService(&quot;com.sun.star.io.TextInputStream&quot;)
	tis.setInputStream(sfa.openFileRead(scriptURL))
	tis.setEncoding(&quot;UTF-8&quot;)
	Do While Not tis.isEOF()
		line = tis.readLine()
		If line &lt;&gt; &quot;&quot; Then
			f = Split(line, Chr(9))
			sheet = doc.Sheets.getByName(f(1))
			sheet.unprotect(&quot;&quot;)
			Select Case f(0)
			Case &quot;insert&quot;
				sheet.Rows.insertByIndex(CLng(f(2)) - 1, 1)
			Case &quot;type&quot;
				sheet.getCellRangeByName(f(2)).setFormula(f(3))
			Case &quot;copy&quot;
				sheet.copyRange(sheet.getCellRangeByName(f(3)).getCellAddress(), sheet.getCellRangeByName(f(2)).getRangeAddress())
			End Select
			sheet.protect(&quot;&quot;)
		End If
	Loop
	tis.closeInput()
	doc.calculateAll()
	SaveClose(doc, outURL, &quot;Calc MS Excel 2007 XML&quot;)
End Sub
</script:module>
`
)
